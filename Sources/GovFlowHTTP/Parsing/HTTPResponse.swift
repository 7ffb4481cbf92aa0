/// One HTTP response. The server adds `Content-Length` and `Connection` when it writes it.
public struct HTTPResponse: Hashable, Sendable {
    /// The status line's code and reason.
    public var status: HTTPStatus
    /// Header fields; the server adds `Content-Length` and `Connection` itself.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// A response with `status`, `headers` and `body`.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as UTF-8 text (for tests and logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Whether the handler asked to close the connection after this response.
    public var closesConnection: Bool {
        headers.values("Connection").contains { $0.lowercased() == "close" }
    }
}

extension HTTPResponse {
    /// The bytes on the wire: status line, headers with `Content-Length` and `Connection`, blank line, body.
    func serialized(keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for field in headers where !["content-length", "connection"].contains(field.name.lowercased()) {
            head += "\(field.name): \(field.value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n"
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}
