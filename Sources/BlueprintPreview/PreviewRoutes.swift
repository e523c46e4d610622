import BlueprintRender
import Foundation

/// Every request the server answers. Nothing is looked up on disk by a name from the request: a
/// file is only ever named by its place in the list the server was started with, so there is no
/// path to traverse.
struct PreviewRoutes: Sendable {
    let hub: PreviewHub
    let hostCheck: HostCheck
    let servedPort: ServedPort
    let fileCount: Int
    /// The theme pages start with; nil follows the browser.
    let theme: String?

    /// Only this server's script and styles; the diagram is inline SVG; events and downloads come from here.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// What every answer carries, the server's own refusals too.
    static let commonHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"), ("Cross-Origin-Resource-Policy", "same-origin"), ("Cache-Control", "no-store"),
    ]

    /// Runs on the connection's own thread: waiting for the hub holds no cooperative thread.
    func handleRequest(_ request: HTTPRequest) -> HTTPResponse {
        guard hostCheck.allows(request.host, servedPort: servedPort.value) else {
            return .text(.forbidden, "This blueprint preview answers only requests addressed to it, "
                + "such as http://127.0.0.1:\(servedPort.value)/.")
        }
        if let authority = request.authority, !hostCheck.allows(authority, servedPort: servedPort.value) {
            return .text(.badRequest, "The request names another host than its Host header.")
        }
        guard request.method == .get || request.method == .head else {
            var refusal = HTTPResponse.text(.methodNotAllowed, "Only GET and HEAD are served.")
            refusal.headers.append(("Allow", "GET, HEAD"))
            return refusal
        }
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        switch parts.first ?? "" {
        case "" where parts.count == 1:
            return fileCount == 1 ? page(file: 0) : index()
        case "file" where parts.count == 2:
            return fileIndex(parts[1]).map(page) ?? notFound
        case "events" where parts.count == 2:
            return fileIndex(parts[1]).map { events(file: $0, request: request) } ?? notFound
        case "download" where parts.count == 2:
            return download(parts[1], request: request)
        case "assets" where parts.count == 2:
            return PageAssets.asset(named: parts[1]).map { asset in
                HTTPResponse(status: .ok, headers: [("Content-Type", asset.contentType), ("Cache-Control", "no-cache")],
                             body: .bytes(Array(asset.text.utf8)))
            } ?? notFound
        default:
            return notFound
        }
    }

    private var notFound: HTTPResponse { .text(.notFound, "Not found.") }

    /// A file's place in the list, written the one way a number is written.
    private func fileIndex(_ text: String) -> Int? {
        guard let index = Int(text), String(index) == text, (0..<fileCount).contains(index) else { return nil }
        return index
    }

    private func page(file index: Int) -> HTTPResponse {
        let path = hub.paths[index]
        return .html(PageAssets.filePage(index: index, path: path, theme: theme, showsIndexLink: fileCount > 1))
    }

    private func index() -> HTTPResponse {
        .html(PageAssets.indexPage(hub.indexEntries()))
    }

    private func events(file index: Int, request: HTTPRequest) -> HTTPResponse {
        let theme = Self.theme(in: request) ?? .light
        // HEAD gets the same head, and no page is subscribed for it.
        let stream = request.method == .head ? .empty : hub.subscribe(file: index, theme: theme)
        return HTTPResponse(status: .ok, headers: [("Content-Type", "text/event-stream; charset=utf-8")], body: .events(stream))
    }

    /// `N.svg`, `N.png` or `N.pdf`, in the theme the page shows.
    private func download(_ name: String, request: HTTPRequest) -> HTTPResponse {
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count == 2, let index = fileIndex(pieces[0]),
              let format = [RenderFormat.svg, .png, .pdf].first(where: { $0.rawValue == pieces[1] }) else { return notFound }
        let theme = Self.theme(in: request) ?? .light
        switch hub.download(file: index, format: format, theme: theme) {
        case .success(let output):
            let stem = ((hub.paths[index] as NSString).lastPathComponent as NSString).deletingPathExtension
            return HTTPResponse(status: .ok, headers: [
                ("Content-Type", Self.contentTypes[format]!),
                ("Content-Disposition", Self.attachment(named: "\(stem).\(format.rawValue)")),
            ], body: .bytes(output.bytes))
        case .failure(.nothingDrawn):
            return .text(.conflict, "The file has lint errors and has not been drawn yet: fix them first.")
        case .failure(.renderFailed(let error)):
            return .text(.internalServerError, "Cannot draw the diagram: \(error)")
        }
    }

    private static let contentTypes: [RenderFormat: String] = [
        .svg: "image/svg+xml", .png: "image/png", .pdf: "application/pdf",
    ]

    /// The file name as typed, for browsers that read RFC 6266's `filename*`, and an ASCII fallback.
    private static func attachment(named name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    private static func theme(in request: HTTPRequest) -> RenderTheme? {
        request.queryValue("theme").flatMap { RenderTheme(named: $0.removingPercentEncoding ?? $0) }
    }
}
