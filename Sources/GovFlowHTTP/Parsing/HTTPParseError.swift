/// Why a request could not be read. The server answers with `status` and closes the connection.
public enum HTTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request line is not `METHOD SP origin-form SP HTTP/1.x`.
    case malformedRequestLine(String)
    /// The version is not HTTP/1.0 or HTTP/1.1.
    case unsupportedVersion(String)
    /// A header line is not `name: value`, or uses obsolete line folding.
    case malformedHeader(String)
    /// The head is longer than the limit.
    case headTooLarge(limit: Int)
    /// There are more header fields than the limit.
    case tooManyHeaders(limit: Int)
    /// HTTP/1.1 requires a Host field.
    case missingHost
    /// Content-Length is repeated, negative, not a number, or sent with Transfer-Encoding.
    case invalidContentLength(String)
    /// The request has a body encoding the server does not read (chunked).
    case transferEncodingUnsupported(String)
    /// The method carries a body but the request gave no Content-Length.
    case lengthRequired(method: String)
    /// The body is longer than the limit.
    case bodyTooLarge(length: Int, limit: Int)

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch self {
        case .malformedRequestLine, .malformedHeader, .missingHost, .invalidContentLength: return .badRequest
        case .unsupportedVersion: return .httpVersionNotSupported
        case .headTooLarge, .tooManyHeaders: return .headerFieldsTooLarge
        case .transferEncodingUnsupported: return .notImplemented
        case .lengthRequired: return .lengthRequired
        case .bodyTooLarge: return .contentTooLarge
        }
    }

    /// The stable error code of the JSON error body.
    public var code: String {
        switch self {
        case .malformedRequestLine: return "malformed-request-line"
        case .unsupportedVersion: return "http-version-not-supported"
        case .malformedHeader: return "malformed-header"
        case .headTooLarge: return "headers-too-large"
        case .tooManyHeaders: return "too-many-headers"
        case .missingHost: return "missing-host"
        case .invalidContentLength: return "invalid-content-length"
        case .transferEncodingUnsupported: return "transfer-encoding-not-supported"
        case .lengthRequired: return "length-required"
        case .bodyTooLarge: return "body-too-large"
        }
    }

    public var description: String {
        switch self {
        case .malformedRequestLine(let line):
            return "the request line \"\(line)\" is not \"METHOD /path HTTP/1.1\""
        case .unsupportedVersion(let version):
            return "HTTP version \"\(version)\" is not supported; use HTTP/1.1"
        case .malformedHeader(let line):
            return "the header line \"\(line)\" is not \"Name: value\" (obsolete line folding is not accepted)"
        case .headTooLarge(let limit):
            return "the request line and headers exceed \(limit) bytes"
        case .tooManyHeaders(let limit):
            return "the request has more than \(limit) header fields"
        case .missingHost:
            return "an HTTP/1.1 request must have a Host header"
        case .invalidContentLength(let reason):
            return "invalid Content-Length: \(reason)"
        case .transferEncodingUnsupported(let encoding):
            return "Transfer-Encoding \"\(encoding)\" is not supported; send the body with a Content-Length"
        case .lengthRequired(let method):
            return "a \(method) request needs a Content-Length header (chunked bodies are not accepted)"
        case .bodyTooLarge(let length, let limit):
            return "the body of \(length) bytes exceeds the limit of \(limit) bytes"
        }
    }
}
