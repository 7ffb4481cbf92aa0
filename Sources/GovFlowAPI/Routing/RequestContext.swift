import FlowCore
import Foundation
import GovFlowHTTP

/// What a handler gets: the request, its path parameters and query, the caller, and the time.
struct RequestContext: Sendable {
    let request: HTTPRequest
    let parameters: [String: String]
    let query: [String: String]
    let caller: Caller
    /// The service clock's time when the request arrived.
    let now: Date

    /// A path parameter (routing guarantees it exists).
    func parameter(_ name: String) -> String { parameters[name] ?? "" }

    /// The body read as a JSON object.
    func body() throws(APIError) -> BodyReader { try BodyReader(request.body) }

    /// Decodes `a=1&b=%E5%8C%BA` into a dictionary; a repeated name or bad escape is a 400.
    static func parseQuery(_ query: String) throws(APIError) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest("invalid-query", "the query parameter \"\(pair)\" is not percent-encoded correctly")
            }
            guard result[name] == nil else {
                throw .badRequest("invalid-query", "the query parameter \"\(name)\" is given more than once")
            }
            result[name] = value
        }
        return result
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
