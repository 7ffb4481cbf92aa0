import FlowCore
import Foundation
import GovFlowHTTP

extension APIRouter {
    /// `POST /v1/projects`: `{workflow, version?, id?, variables}`.
    func startProject(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        var body = try context.body()
        body.rejectUnknown(allowed: ["workflow", "version", "id", "variables"])
        let workflow = body.string("workflow", required: true)
        let version = body.int("version")
        let requestedID = body.string("id")
        let variables = body.object("variables") ?? []
        if let version, version < 1 {
            body.problems.append(FieldProblem(field: "version", message: "must be at least 1, found \(version)"))
        }
        if let requestedID, !APIRouter.isValidProjectID(requestedID) {
            body.problems.append(FieldProblem(field: "id",
                                              message: "must be 1 to 100 letters, digits, \".\", \"_\" or \"-\""))
        }
        try body.finish()
        guard let workflow else { throw .invalidBody([FieldProblem(field: "workflow", message: "is required")]) }
        let projectID = requestedID ?? APIRouter.projectID(for: context)
        let step: Step
        do {
            step = try service.start(projectID: projectID, workflow: workflow, version: version,
                                     variables: Dictionary(variables.map { ($0.key, $0.value) }) { $1 },
                                     actor: context.caller.actor)
        } catch {
            throw APIError(error)
        }
        var response = try projectResponse(step.state, status: .created)
        response.headers.add("Location", "/v1/projects/\(projectID)")
        return response
    }

    /// The id of a project started without one: derived from the caller and the `Idempotency-Key` when there is
    /// one, so that a retry (even after a restart, when the in-memory table of keys is gone) meets the project it
    /// already started instead of starting a second; otherwise a random UUID.
    static func projectID(for context: RequestContext) -> String {
        guard let key = context.request.headers["Idempotency-Key"] else { return UUID().uuidString.lowercased() }
        let digest = SHA256.hash(Array("\(context.caller.actor.id)\n\(key)".utf8))
        return "p-" + String(SHA256.hex(digest).prefix(24))
    }

    /// `GET /v1/projects/{id}`.
    func readProject(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        try projectResponse(try visibleState(context.parameter("id"), context.caller))
    }

    /// `POST /v1/projects/{id}/withdraw`: `{comment?}`; the starting unit (or an administrator) only.
    func withdraw(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let projectID = context.parameter("id")
        _ = try visibleState(projectID, context.caller)
        if !context.caller.roles.contains(.administrator) {
            guard context.caller.owns(projectStartedBy: try starter(of: projectID)) else {
                throw .forbidden("only the unit that started project \"\(projectID)\" or an administrator may "
                    + "withdraw it")
            }
        }
        var body = try context.body()
        body.rejectUnknown(allowed: ["comment"])
        let comment = body.string("comment")
        try body.finish()
        return try perform(.withdraw(actor: context.caller.actor, comment: comment), on: projectID)
    }

    /// Applies a command and answers with the project as it is now.
    func perform(_ command: Command, on projectID: String) throws(APIError) -> HTTPResponse {
        let step: Step
        do {
            step = try service.perform(command, on: projectID)
        } catch {
            throw APIError(error)
        }
        return try projectResponse(step.state)
    }

    /// The project view as a JSON answer.
    func projectResponse(_ state: InstanceState, status: HTTPStatus = .ok) throws(APIError) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]),
                     body: try projectView(state))
    }

    /// The project view as JSON text: rendered once per position in the project's history.
    func projectView(_ state: InstanceState) throws(APIError) -> [UInt8] {
        if let cached = projectViews[state.id], cached.sequence == state.lastSequence { return cached.view }
        let history: [HistoryEntry]
        do {
            history = try service.history(of: state.id)
        } catch {
            throw APIError(error)
        }
        let view = Array(ProjectView.text(state, history: history, definition: service.definition(
            state.definitionID, version: state.definitionVersion)).utf8)
        projectViews.store(CachedView(sequence: state.lastSequence, view: view), bytes: view.count, for: state.id)
        return view
    }

    static func isValidProjectID(_ id: String) -> Bool {
        (1...100).contains(id.count) && id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "._-".unicodeScalars.contains(scalar))
        }
    }
}
