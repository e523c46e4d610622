import Foundation

/// The diagrams the RenderBlueprints plugin rendered at build time: SwiftPM bundles
/// the plugin's SVG outputs as resources of this target.
public enum ServiceDocs {
    public static func diagram(named name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "svg")
    }
}
