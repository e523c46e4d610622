// The library an embedder imports: `import Blueprint` loads, analyses, lints, formats and draws
// blueprints through `Workspace` and `Document`, the same calls every front end of this package
// makes. See docs/LIBRARY.md.
@_exported import BlueprintAnalysis
@_exported import BlueprintCapacity
@_exported import BlueprintDiagnostics
@_exported import BlueprintLanguage
@_exported import BlueprintLayout
@_exported import BlueprintLint
@_exported import BlueprintModel
@_exported import BlueprintRender
