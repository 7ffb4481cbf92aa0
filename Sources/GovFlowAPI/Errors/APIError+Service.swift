import Foundation
import FlowCore

extension APIError {
    /// The answer to a refusal from the service, the engine or the store.
    init(_ error: ServiceError) {
        switch error {
        case .invalidDefinition(let definitionError):
            self = .unprocessable(
                "invalid-definition",
                "the definition has \(definitionError.diagnostics.count) problem(s); see details",
                details: .array(definitionError.diagnostics.map(APIError.diagnostic)))
        case .engine(let engineError):
            self = APIError(engineError)
        case .store(let storeError):
            self = APIError(storeError)
        case .unknownWorkflow:
            self = .unprocessable("unknown-workflow", error.description)
        case .unknownCalendar:
            self = APIError(.internalServerError, "unknown-calendar", error.description)
        case .incident(let project, let incident, _):
            self = APIError(.internalServerError, "incident-raised", error.description,
                            details: APIError.incidentDetails(project, incident))
        case .retryFailed(let project, let incident, _):
            self = APIError(.internalServerError, "incident-retry-failed", error.description,
                            details: APIError.incidentDetails(project, incident))
        }
    }

    init(_ error: StoreError) {
        let message = error.description
        switch error {
        case .conflict: self = APIError(.conflict, "conflict", message)
        case .duplicateProject: self = APIError(.conflict, "project-exists", message)
        case .unknownProject: self = .notFound("project-not-found", message)
        case .duplicateDefinition: self = APIError(.conflict, "definition-exists", message)
        case .failure: self = APIError(.internalServerError, "store-failure", message)
        }
    }

    init(_ error: EngineError) {
        let message = error.description
        switch error {
        case .instanceNotRunning: self = APIError(.conflict, "project-not-running", message)
        case .invalidVariables(let problems):
            self = .unprocessable("invalid-variables", message,
                                  details: .array(problems.map { APIError.variableProblem($0).json }))
        case .taskNotFound: self = .notFound("task-not-found", message)
        case .taskNotOpen: self = APIError(.conflict, "task-not-open", message)
        case .notAssignee: self = APIError(.forbidden, "not-assignee", message)
        case .outcomeNotOffered(_, _, let offered):
            self = .unprocessable("outcome-not-offered", message,
                                  details: .object(["offered": .array(offered.map(JSONValue.string))]))
        case .delegated: self = APIError(.conflict, "task-delegated", message)
        case .awaitingAddedReviewers: self = APIError(.conflict, "awaiting-added-reviewers", message)
        case .notDelegated: self = .unprocessable("task-not-delegated", message)
        case .returnNotAllowed: self = .unprocessable("return-not-allowed", message)
        case .consultationTask: self = .unprocessable("consultation-task", message)
        // A refused entry reaches a client only when starting a project (its variables may not suit the first
        // stage) or resolving an incident by a move; in a user's command it raises an incident instead.
        case .refused, .entryRefused: self = .unprocessable("stage-refused", message)
        case .incidentNotFound: self = .notFound("incident-not-found", message)
        case .incidentNotOpen: self = APIError(.conflict, "incident-not-open", message)
        case .incidentNotRetryable: self = APIError(.conflict, "incident-not-retryable", message)
        case .moveNotPossible: self = .unprocessable("move-not-possible", message)
        case .wrongDefinition, .timerNotFound, .timerNotDue, .stageMisbehaved, .stageStateUnreadable,
             .expressionFailed, .runaway:
            self = APIError(.internalServerError, "engine-failure", message)
        }
    }

    /// `{"project": …, "incident": n, "href": …}` for an answer that raised or touched an incident.
    static func incidentDetails(_ project: String, _ incident: Int) -> JSONValue {
        .object(["project": .string(project), "incident": .number(incident),
                 "href": .string("/v1/projects/\(project)/incidents/\(incident)")])
    }

    /// One validator diagnostic as `{code, message, line, column, path}`.
    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "code": .string(diagnostic.code.rawValue), "message": .string(diagnostic.message),
            "line": .number(diagnostic.location.line), "column": .number(diagnostic.location.column),
            "path": .string(diagnostic.path.description),
        ])
    }

    /// A variable problem from the engine, which begins with the quoted variable name.
    static func variableProblem(_ text: String) -> FieldProblem {
        if text.hasPrefix("\""), let close = text.dropFirst().firstIndex(of: "\"") {
            let name = String(text[text.index(after: text.startIndex)..<close])
            return FieldProblem(field: "variables.\(name)",
                                message: text[text.index(after: close)...].trimmingCharacters(in: .whitespaces))
        }
        return FieldProblem(field: "variables", message: text)
    }
}
