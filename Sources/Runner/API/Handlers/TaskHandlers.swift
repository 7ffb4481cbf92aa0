import FlowCore

extension APIRouter {
    /// The operations `POST …/operations` accepts, by their `op` names.
    static let operations = ["transfer", "delegate", "hand-back", "add-reviewer", "return", "urge"]

    /// `POST /v1/projects/{id}/tasks/{taskId}/decision`: `{outcome, comment?, data?}`.
    func decide(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let (projectID, task) = try taskTarget(context)
        var body = try context.body()
        body.rejectUnknown(allowed: ["outcome", "comment", "data"])
        let outcome = body.string("outcome", required: true)
        let comment = body.string("comment")
        try body.finish()
        guard let outcome else { throw .invalidBody([FieldProblem(field: "outcome", message: "is required")]) }
        return try perform(.decide(task: task, actor: context.caller.actor, outcome: outcome, comment: comment,
                                   data: body.value("data") ?? .null), on: projectID)
    }

    /// `POST /v1/projects/{id}/tasks/{taskId}/operations`: `{op, to?, node?, blocking?, comment?}`.
    func operate(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let (projectID, task) = try taskTarget(context)
        let actor = context.caller.actor
        var body = try context.body()
        body.rejectUnknown(allowed: ["op", "to", "node", "blocking", "comment"])
        let op = body.string("op", required: true)
        let comment = body.string("comment")
        let needsAssignee = ["transfer", "delegate", "add-reviewer"].contains(op ?? "")
        let to = body.assignee("to", required: needsAssignee)
        let node = body.string("node", required: op == "return")
        let blocking = body.bool("blocking") ?? false
        if let op, !APIRouter.operations.contains(op) {
            body.problems.append(FieldProblem(
                field: "op",
                message: "must be one of " + APIRouter.operations.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        try body.finish()
        let command: Command
        switch (op, to, node) {
        case ("transfer", let to?, _): command = .transfer(task: task, actor: actor, to: to, comment: comment)
        case ("delegate", let to?, _): command = .delegate(task: task, actor: actor, to: to, comment: comment)
        case ("hand-back", _, _): command = .handBack(task: task, actor: actor, comment: comment)
        case ("add-reviewer", let to?, _):
            command = .addReviewer(task: task, actor: actor, reviewer: to, blocking: blocking, comment: comment)
        case ("return", _, let node?): command = .returnTo(task: task, actor: actor, node: node, comment: comment)
        case ("urge", _, _): command = .urge(task: task, actor: actor, comment: comment)
        default: throw .invalidBody([FieldProblem(field: "op", message: "is incomplete")])
        }
        return try perform(command, on: projectID)
    }

    /// The project (which the caller must see) and the task id of a task route.
    private func taskTarget(_ context: RequestContext) throws(APIError) -> (String, Int) {
        let projectID = context.parameter("id")
        _ = try visibleState(projectID, context.caller)
        guard let task = Int(context.parameter("taskId")) else {
            throw .notFound("task-not-found", "there is no task \"\(context.parameter("taskId"))\" in this project")
        }
        return (projectID, task)
    }

    /// `GET /v1/tasks?actor=…|department=…|role=…`: open tasks across the projects the caller may see.
    func inbox(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let caller = context.caller
        let filters = ["actor", "department", "role"].compactMap { key in context.query[key].map { (key, $0) } }
        guard filters.count <= 1 else {
            throw .badRequest("invalid-query", "give at most one of \"actor\", \"department\", \"role\"")
        }
        let assignees: [Assignee]
        if let (key, value) = filters.first {
            let wanted: Assignee = key == "actor"
                ? .actor(value) : key == "department" ? .department(value) : .role(value)
            let mayAskOthers = !caller.roles.isDisjoint(with: [.administrator, .auditor])
            guard mayAskOthers || wanted.includes(caller.actor) else {
                throw .forbidden("\(caller.actor.id) may read only their own inbox; \(wanted) is not theirs")
            }
            assignees = [wanted]
        } else {
            // Every assignee that includes the caller: the caller, their department, each of their roles.
            assignees = [.actor(caller.actor.id)] + (caller.actor.department.map { [.department($0)] } ?? [])
                + caller.actor.roles.sorted().map(Assignee.role)
        }
        let records: [OpenTaskRecord]
        do {
            records = try service.store.openTasks(for: TaskFilter(assignees: assignees, scope: scope(of: caller)))
        } catch {
            throw APIError(error)
        }
        let tasks = records.map { record -> JSONValue in
            let definition = service.definition(record.definitionID, version: record.definitionVersion)
            var view = TaskView.make(record.task, definition: definition).objectMembers ?? []
            view.insert(JSONMember(key: "project", value: .string(record.projectID)), at: 0)
            view.insert(JSONMember(key: "workflow", value: .object([
                "id": .string(record.definitionID), "version": .number(record.definitionVersion),
            ])), at: 1)
            return .object(view)
        }
        return .json(.object(["tasks": .array(tasks)]))
    }
}
