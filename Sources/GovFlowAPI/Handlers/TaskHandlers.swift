import FlowCore
import GovFlowHTTP

extension APIRouter {
    /// The operations `POST …/operations` accepts, by their `op` names.
    static let operations = ["transfer", "delegate", "hand-back", "add-reviewer", "return", "urge"]

    /// `POST /v1/projects/{id}/tasks/{taskId}/decision`: `{outcome, comment?, data?}`.
    func decide(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let (projectID, task, _) = try taskTarget(context)
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
        let (projectID, task, state) = try taskTarget(context)
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
        case ("urge", _, _):
            try requireMayUrge(projectID, state, context.caller)
            command = .urge(task: task, actor: actor, comment: comment)
        default: throw .invalidBody([FieldProblem(field: "op", message: "is incomplete")])
        }
        return try perform(command, on: projectID)
    }

    /// The project (which the caller must see), the task id of a task route, and the project's state.
    private func taskTarget(_ context: RequestContext) throws(APIError) -> (String, Int, InstanceState) {
        let projectID = context.parameter("id")
        let state = try visibleState(projectID, context.caller)
        guard let task = Int(context.parameter("taskId")) else {
            throw .notFound("task-not-found", "there is no task \"\(context.parameter("taskId"))\" in this project")
        }
        return (projectID, task, state)
    }

    /// 催办 is the waiting party's call: the unit that started the project (it waits for the opinions), an
    /// administrator, or someone who holds an open task of the project (the lead reviewer waiting on the others).
    /// Anyone else is refused with 403, even a reviewer who may read the project.
    private func requireMayUrge(_ projectID: String, _ state: InstanceState, _ caller: Caller) throws(APIError) {
        if caller.roles.contains(.administrator) { return }
        if caller.roles.contains(.projectUnit), caller.owns(projectStartedBy: try starter(of: projectID)) { return }
        if state.openTasks.contains(where: { $0.assignee.includes(caller.actor) }) { return }
        throw .forbidden("\(caller.actor.id) may not urge tasks of project \"\(projectID)\": only the unit that "
            + "started it, an administrator, or someone with an open task in it may urge (催办)")
    }

    /// `GET /v1/tasks?actor=…|department=…|role=…|all=true`: open tasks across the projects the caller may see;
    /// `all=true` (administrators and auditors) lists every open task, whoever it is assigned to.
    func inbox(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let caller = context.caller
        let keys = ["actor", "department", "role", "all"]
        let filters = keys.compactMap { key in context.query[key].map { (key, $0) } }
        let everyone = context.query["all"] != nil
        if let all = context.query["all"] {
            guard all == "true" else {
                throw .badRequest("invalid-query", "\"all\" must be \"true\", found \"\(all)\"")
            }
            guard !caller.roles.isDisjoint(with: [.administrator, .auditor]) else {
                throw .forbidden("\(caller.actor.id) may not read every open task (\"all=true\"); that needs one of "
                    + "the roles: administrator, auditor")
            }
        }
        if let (key, _) = filters.first(where: { $0.1.isEmpty }) {
            throw .badRequest("invalid-query", "\"\(key)\" must not be empty; leave it out to read your own inbox")
        }
        guard filters.count <= 1 else {
            throw .unprocessable("conflicting-query", "give at most one of \"actor\", \"department\", \"role\", "
                + "\"all\"; found " + filters.map { "\"\($0.0)\"" }.joined(separator: " and "))
        }
        let assignees: [Assignee]
        if everyone {
            assignees = []
        } else if let (key, value) = filters.first {
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
            records = try service.store.openTasks(for: everyone
                ? .everyone(scope: scope(of: caller)) : TaskFilter(assignees: assignees, scope: scope(of: caller)))
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
