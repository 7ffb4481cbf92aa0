import GovFlowHTTP

/// One endpoint: method, path pattern (`/v1/projects/{id}`), who may call it, and its handler.
struct APIRoute: Sendable {
    /// Who may call a route.
    enum Access: Sendable {
        /// Anyone, without a token.
        case anyone
        /// Callers holding one of these roles.
        case roles(Set<Role>)
    }

    typealias Handler = @Sendable (APIRouter, RequestContext) throws(APIError) -> HTTPResponse

    let method: String
    let pattern: String
    /// What the route does, for 403 messages ("deploy definitions").
    let purpose: String
    let access: Access
    /// Whether it changes something (and so honours `Idempotency-Key`).
    let mutating: Bool
    let handler: Handler

    init(_ method: String, _ pattern: String, _ purpose: String, _ access: Access, mutating: Bool = false,
         _ handler: @escaping Handler) {
        self.method = method
        self.pattern = pattern
        self.purpose = purpose
        self.access = access
        self.mutating = mutating
        self.handler = handler
    }

    /// The path parameters if `segments` (percent-decoded) match the pattern.
    func match(_ segments: [String]) -> [String: String]? {
        let parts = pattern.split(separator: "/")
        guard parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(parts, segments) {
            if part.hasPrefix("{"), part.hasSuffix("}") {
                guard !segment.isEmpty else { return nil }
                parameters[String(part.dropFirst().dropLast())] = segment
            } else if part != segment {
                return nil
            }
        }
        return parameters
    }
}
