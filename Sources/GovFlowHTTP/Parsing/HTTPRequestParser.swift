import Foundation

/// Reads HTTP/1.1 requests from a connection's bytes, strictly and within limits.
///
/// Feed it the connection's buffer after each read; it returns a request once the head and the whole body
/// have arrived and removes those bytes, leaving any pipelined request behind. It rejects what request
/// smuggling needs: repeated or malformed Content-Length, Content-Length with Transfer-Encoding, obsolete
/// line folding, whitespace before the colon, a missing or repeated Host.
public struct HTTPRequestParser: Sendable {
    /// How much a request may hold.
    public struct Limits: Hashable, Sendable {
        /// The request line and headers together, in bytes.
        public var maximumHeadBytes: Int
        /// The number of header fields.
        public var maximumHeaderCount: Int
        /// The body, in bytes.
        public var maximumBodyBytes: Int

        public init(maximumHeadBytes: Int = 64 * 1024, maximumHeaderCount: Int = 100,
                    maximumBodyBytes: Int = 1024 * 1024) {
            self.maximumHeadBytes = maximumHeadBytes
            self.maximumHeaderCount = maximumHeaderCount
            self.maximumBodyBytes = maximumBodyBytes
        }
    }

    /// A parsed head whose body is still arriving.
    private struct PendingHead: Sendable {
        var request: HTTPRequest
        let bodyLength: Int
    }

    /// The limits it enforces.
    public let limits: Limits
    private var pending: PendingHead?
    /// How far the buffer was searched for the end of the head.
    private var scanned = 0

    /// A parser for one connection, at the start of a request.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Whether a head was read and its body is still arriving.
    public var awaitsBody: Bool { pending != nil }

    /// Whether the pending head asked for `100 Continue` before sending its body.
    public var expectsContinue: Bool {
        guard let pending, pending.bodyLength > 0 else { return false }
        return pending.request.headers["Expect"]?.lowercased() == "100-continue"
    }

    /// The next whole request in `buffer`, removing its bytes; `nil` if more bytes are needed.
    public mutating func next(from buffer: inout [UInt8]) throws(HTTPParseError) -> HTTPRequest? {
        if pending == nil {
            // RFC 9112 §2.2: ignore empty lines before a request line.
            let blank = buffer.prefix { $0 == 13 || $0 == 10 }.count
            if blank > 0 {
                buffer.removeFirst(blank)
                scanned = 0
            }
            guard let end = headEnd(in: buffer) else {
                if buffer.count > limits.maximumHeadBytes { throw .headTooLarge(limit: limits.maximumHeadBytes) }
                return nil
            }
            guard end <= limits.maximumHeadBytes else { throw .headTooLarge(limit: limits.maximumHeadBytes) }
            let head = Array(buffer[0..<end])
            buffer.removeFirst(end + 4)
            scanned = 0
            pending = try parseHead(head)
        }
        guard let head = pending, buffer.count >= head.bodyLength else { return nil }
        var request = head.request
        request.body = Array(buffer[0..<head.bodyLength])
        buffer.removeFirst(head.bodyLength)
        pending = nil
        return request
    }

    /// The index of the CR LF CR LF that ends the head, searching only bytes not searched before.
    private mutating func headEnd(in buffer: [UInt8]) -> Int? {
        let start = max(0, scanned - 3)
        guard buffer.count >= 4, start <= buffer.count - 4 else { return nil }
        for index in start...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        scanned = buffer.count
        return nil
    }

    private func parseHead(_ bytes: [UInt8]) throws(HTTPParseError) -> PendingHead {
        var lines = HTTPRequestParser.lines(of: bytes)
        let requestLine = lines.removeFirst()
        guard let line = HTTPRequestParser.text(requestLine) else { throw .malformedRequestLine("(not UTF-8)") }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, HTTPRequestParser.isToken(parts[0]), HTTPRequestParser.isOriginForm(parts[1]) else {
            throw .malformedRequestLine(String(line.prefix(200)))
        }
        let version = String(parts[2])
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            if version.hasPrefix("HTTP/") { throw .unsupportedVersion(String(version.prefix(20))) }
            throw .malformedRequestLine(String(line.prefix(200)))
        }
        guard lines.count <= limits.maximumHeaderCount else { throw .tooManyHeaders(limit: limits.maximumHeaderCount) }
        var headers = HTTPHeaders()
        for raw in lines {
            headers.add(contentsOf: try HTTPRequestParser.field(raw))
        }
        let request = HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: version,
                                  headers: headers)
        return PendingHead(request: request, bodyLength: try bodyLength(of: request))
    }

    private func bodyLength(of request: HTTPRequest) throws(HTTPParseError) -> Int {
        let hosts = request.headers.values("Host")
        if request.version == "HTTP/1.1", hosts.isEmpty { throw .missingHost }
        if hosts.count > 1 { throw .malformedHeader("Host: (repeated \(hosts.count) times)") }
        let lengths = request.headers.values("Content-Length")
        let encodings = request.headers.values("Transfer-Encoding")
        if !encodings.isEmpty {
            if !lengths.isEmpty { throw .invalidContentLength("it is sent together with Transfer-Encoding") }
            throw .transferEncodingUnsupported(encodings.joined(separator: ", "))
        }
        guard let text = lengths.first else {
            if ["POST", "PUT", "PATCH"].contains(request.method) { throw .lengthRequired(method: request.method) }
            return 0
        }
        guard lengths.count == 1 else { throw .invalidContentLength("it is sent \(lengths.count) times") }
        guard !text.isEmpty, text.count <= 15, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let length = Int(text)
        else { throw .invalidContentLength("\"\(text.prefix(40))\" is not a non-negative integer") }
        guard length <= limits.maximumBodyBytes else {
            throw .bodyTooLarge(length: length, limit: limits.maximumBodyBytes)
        }
        return length
    }
}

extension HTTPRequestParser {
    /// The head split at CR LF.
    fileprivate static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 {
                lines.append(bytes[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    fileprivate static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// One `name: value` field; the value loses surrounding spaces and tabs.
    fileprivate static func field(_ bytes: ArraySlice<UInt8>) throws(HTTPParseError) -> (String, String) {
        let shown = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard let line = text(bytes), let colon = line.firstIndex(of: ":"), let first = line.first, first != " ",
              first != "\t"
        else { throw .malformedHeader(shown) }
        let name = line[..<colon]
        let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
        guard isToken(name), value.unicodeScalars.allSatisfy({ $0 == "\t" || ($0.value >= 32 && $0.value != 127) })
        else { throw .malformedHeader(shown) }
        return (String(name), value)
    }

    /// Whether `text` is an RFC 9110 token (method and field names).
    fileprivate static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Whether `text` is an origin-form target: "/" then visible ASCII.
    fileprivate static func isOriginForm(_ text: Substring) -> Bool {
        text.first == "/" && text.utf8.allSatisfy { $0 > 32 && $0 < 127 }
    }
}

extension HTTPHeaders {
    fileprivate mutating func add(contentsOf field: (String, String)) {
        add(field.0, field.1)
    }
}
