import Foundation

/// One HTTP request: what the parser produced, or what a test builds to call the router without a socket.
public struct HTTPRequest: Hashable, Sendable {
    /// The method, e.g. "GET" (case-sensitive, as RFC 9110 says).
    public var method: String
    /// The request target as sent: the path and the query, e.g. "/v1/tasks?role=expert".
    public var target: String
    /// "HTTP/1.1" or "HTTP/1.0".
    public var version: String
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// The body (Content-Length bytes; empty without one).
    public var body: [UInt8]

    /// A request, e.g. for calling `APIRouter.respond(to:now:)` in tests.
    public init(method: String, target: String, version: String = "HTTP/1.1", headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The path without the query, still percent-encoded.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The query string after "?", or "" when there is none.
    public var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// Whether the client asked to keep the connection open after this request.
    public var keepsAlive: Bool {
        let tokens = headers.values("Connection").flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return !tokens.contains("close")
    }
}
