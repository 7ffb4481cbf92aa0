import FlowCore
import GovFlowHTTP

/// A refused API request: the status, a stable code clients can test, a message people can act on, and
/// details (diagnostics, offered outcomes, invalid fields) when there are any.
///
/// Every error answer has the one shape `{"error": {"code": "…", "message": "…", "details": …}}`.
public struct APIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status of the answer.
    public let status: HTTPStatus
    /// A stable identifier such as `task-not-open`; documented in docs/api.md.
    public let code: String
    /// What went wrong and what to do.
    public let message: String
    /// Structured context, `null` when there is none.
    public let details: JSONValue
    /// Extra headers the answer needs (`Allow`, `WWW-Authenticate`).
    public var headers: HTTPHeaders

    /// An error answer.
    public init(_ status: HTTPStatus, _ code: String, _ message: String, details: JSONValue = .null,
                headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON answer.
    public var response: HTTPResponse {
        let body: JSONValue = .object([
            "error": .object(["code": .string(code), "message": .string(message), "details": details]),
        ])
        var response = HTTPResponse.json(body, status: status)
        for field in headers { response.headers.add(field.name, field.value) }
        return response
    }
}

extension APIError {
    static func badRequest(_ code: String, _ message: String, details: JSONValue = .null) -> APIError {
        APIError(.badRequest, code, message, details: details)
    }

    static func notFound(_ code: String, _ message: String) -> APIError {
        APIError(.notFound, code, message)
    }

    /// 404 `project-not-found`: the one answer for a project that does not exist and for one the caller may not
    /// see.
    static func projectNotFound(_ projectID: String) -> APIError {
        .notFound("project-not-found", "there is no project \"\(projectID)\"")
    }

    static func forbidden(_ message: String) -> APIError {
        APIError(.forbidden, "forbidden", message)
    }

    static func unprocessable(_ code: String, _ message: String, details: JSONValue = .null) -> APIError {
        APIError(.unprocessableContent, code, message, details: details)
    }

    /// 400 `invalid-body`, naming each field that is wrong.
    static func invalidBody(_ problems: [FieldProblem]) -> APIError {
        APIError(.badRequest, "invalid-body", problems.map(\.description).joined(separator: "; "),
                 details: .array(problems.map(\.json)))
    }
}

/// One field of a request body or query that is missing or wrong.
public struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    /// The field, e.g. `variables.amount`.
    public let field: String
    public let message: String

    /// A problem with `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\"\(field)\" \(message)" }

    var json: JSONValue { .object(["field": .string(field), "message": .string(message)]) }
}
