import Foundation

/// The user's cache folder for blueprint, as the XDG base directory specification places it:
/// `$XDG_CACHE_HOME/blueprint`, or `~/.cache/blueprint`.
enum UserCache {
    /// Where `render` keeps the sizes of the text it measured (see `Renderer.prepare`); nil when
    /// `BLUEPRINT_NO_CACHE` is set and not empty (as `NO_COLOR` is read), or there is no home folder.
    static var measuredTextFile: String? {
        let environment = ProcessInfo.processInfo.environment
        guard environment["BLUEPRINT_NO_CACHE"]?.isEmpty ?? true else { return nil }
        // The specification has a relative path ignored.
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 + "/.cache" : nil }
        return base.map { $0 + "/blueprint/measured-text" }
    }
}
