import GovFlowHTTP

/// The web console (政务信息化项目审批 console): HTML, CSS and JavaScript modules compiled into the executable
/// and served by the API server itself, at `/` and under `/console/`.
///
/// The files live in `Sources/GovFlowAPI/Console/Assets/`; `Scripts/generate-console-assets.py` writes them into
/// `ConsoleAssets+Files.swift`, and a test fails when that file is stale. The console uses only the public API,
/// so every page is subject to the API's own access rules; its answers forbid inline script and style.
enum ConsoleAssets {
    /// The policy on every console answer: scripts, styles and requests only from this server, no inline code.
    static let contentSecurityPolicy = "default-src 'self'"

    /// The console's answer to `request`, or `nil` when the request is not for a console file (the API answers
    /// it instead). Only `GET` is served.
    static func response(to request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "GET" else { return nil }
        let name: String
        if request.path == "/" || request.path == "/console" || request.path == "/console/" {
            name = "index.html"
        } else if request.path.hasPrefix("/console/") {
            name = String(request.path.dropFirst("/console/".count))
        } else {
            return nil
        }
        guard let text = files[name] else { return nil }
        let headers = HTTPHeaders([
            ("Content-Type", contentType(of: name)),
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"),
            ("Cache-Control", "no-cache"),
        ])
        return HTTPResponse(status: .ok, headers: headers, body: Array(text.utf8))
    }

    /// The media type by file extension.
    static func contentType(of name: String) -> String {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        if name.hasSuffix(".svg") { return "image/svg+xml" }
        return "text/plain; charset=utf-8"
    }
}
