// swift-tools-version: 6.1
import PackageDescription

// Uses blueprint's plugins the way a service team's package would; the plugin
// integration test (Tests/BlueprintCLITests/PluginIntegrationTests.swift) builds a copy.
let package = Package(
    name: "PluginFixture",
    dependencies: [
        // `name:` keeps the identity "blueprint" whatever the clone's folder is called:
        // a path dependency is otherwise known by its folder's name.
        .package(name: "blueprint", path: "../.."),
    ],
    targets: [
        .target(
            name: "ServiceDocs",
            plugins: [.plugin(name: "RenderBlueprints", package: "blueprint")]
        ),
    ]
)
