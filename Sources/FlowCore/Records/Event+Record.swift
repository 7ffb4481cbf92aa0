/// The event record: `{"type": "<case name>", <the case's fields by name>}`, e.g.
/// `{"type":"taskDecided","task":3,"actor":{…},"outcome":"pass","comment":null,"data":null}`.
///
/// Optional fields are always written (`null` when absent). `taskOpened` and `timerScheduled` carry the task and
/// timer records' members after the type. docs/formats.md lists every type and field.
///
/// Adding an event: a case in `Event`, a `case` in `write(to:)`, one in `init(record:)`, its name in `recordTypes`,
/// a golden file (Tests/FlowCoreTests/Golden/events) and a schema in docs/openapi.json.
extension Event {
    /// Every event `type`, in declaration order.
    public static let recordTypes = [
        "instanceStarted", "tokenCreated", "tokenMoved", "tokenRemoved", "scopeOpened", "branchArrived",
        "scopeCompleted", "scopeCancelled", "gatewayPassed", "stageEntered", "stageStateSaved", "taskOpened",
        "taskDecided", "taskTransferred", "taskDelegated", "taskHandedBack", "reviewerAdded", "taskReturned",
        "taskUrged", "taskClosed", "timerScheduled", "timerRescheduled", "timerFired", "timerCancelled",
        "deadlineExpired", "reminderSent", "factRecorded", "noteRecorded", "stageCompleted", "stageCancelled",
        "instanceEnded", "instanceWithdrawn", "incidentRaised", "incidentRetryFailed", "incidentResolved",
    ]

    /// The event record's text.
    public var recordText: String {
        var writer = RecordWriter(capacity: 160)
        write(to: &writer)
        return writer.text
    }

    /// Reads an event record's text; `path` names it in errors.
    public init(recordText: String, path: String = "event") throws(RecordError) {
        try self.init(record: RecordReader(text: recordText, path: path))
    }

    /// Writes the event record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            switch self {
            case .instanceStarted(let definitionID, let version, let variables, let computed):
                writer.field("type", "instanceStarted")
                writer.field("definition", definitionID)
                writer.field("version", version)
                writer.key("variables")
                writer.values(variables)
                writer.key("computed")
                writer.values(computed)
            case .tokenCreated(let token, let node, let scope):
                writer.field("type", "tokenCreated")
                writer.field("token", token)
                writer.field("node", node)
                writer.field("scope", scope)
            case .tokenMoved(let token, let node, let scope):
                writer.field("type", "tokenMoved")
                writer.field("token", token)
                writer.field("node", node)
                writer.field("scope", scope)
            case .tokenRemoved(let token):
                writer.field("type", "tokenRemoved")
                writer.field("token", token)
            case .scopeOpened(let scope, let split, let join, let parent, let branches):
                writer.field("type", "scopeOpened")
                writer.field("scope", scope)
                writer.field("split", split)
                writer.field("join", join)
                writer.field("parent", parent)
                writer.field("branches", branches)
            case .branchArrived(let scope, let token):
                writer.field("type", "branchArrived")
                writer.field("scope", scope)
                writer.field("token", token)
            case .scopeCompleted(let scope):
                writer.field("type", "scopeCompleted")
                writer.field("scope", scope)
            case .scopeCancelled(let scope, let byToken):
                writer.field("type", "scopeCancelled")
                writer.field("scope", scope)
                writer.field("byToken", byToken)
            case .gatewayPassed(let node, let branch, let target):
                writer.field("type", "gatewayPassed")
                writer.field("node", node)
                writer.field("branch", branch)
                writer.field("target", target)
            case .stageEntered(let activation, let token, let node, let kind):
                writer.field("type", "stageEntered")
                writer.field("activation", activation)
                writer.field("token", token)
                writer.field("node", node)
                writer.field("kind", kind)
            case .stageStateSaved(let activation, let state):
                writer.field("type", "stageStateSaved")
                writer.field("activation", activation)
                writer.field("state", json: state)
            case .taskOpened(let task):
                writer.field("type", "taskOpened")
                task.writeMembers(to: &writer)
            case .taskDecided(let task, let actor, let outcome, let comment, let data):
                writer.field("type", "taskDecided")
                writer.field("task", task)
                writer.key("actor")
                actor.write(to: &writer)
                writer.field("outcome", outcome)
                writer.field("comment", comment)
                writer.field("data", json: data)
            case .taskTransferred(let task, let from, let to, let comment):
                writer.field("type", "taskTransferred")
                Self.writeHandOver(task, from, to, comment, to: &writer)
            case .taskDelegated(let task, let from, let to, let comment):
                writer.field("type", "taskDelegated")
                Self.writeHandOver(task, from, to, comment, to: &writer)
            case .taskHandedBack(let task, let to, let comment):
                writer.field("type", "taskHandedBack")
                writer.field("task", task)
                writer.key("to")
                to.write(to: &writer)
                writer.field("comment", comment)
            case .reviewerAdded(let task, let consultation, let blocking, let comment):
                writer.field("type", "reviewerAdded")
                writer.field("task", task)
                writer.field("consultation", consultation)
                writer.field("blocking", blocking)
                writer.field("comment", comment)
            case .taskReturned(let task, let to, let comment):
                writer.field("type", "taskReturned")
                writer.field("task", task)
                writer.field("to", to)
                writer.field("comment", comment)
            case .taskUrged(let task, let comment):
                writer.field("type", "taskUrged")
                writer.field("task", task)
                writer.field("comment", comment)
            case .taskClosed(let task, let reason):
                writer.field("type", "taskClosed")
                writer.field("task", task)
                writer.field("reason", reason)
            case .timerScheduled(let timer):
                writer.field("type", "timerScheduled")
                timer.writeMembers(to: &writer)
            case .timerRescheduled(let timer, let from, let to):
                writer.field("type", "timerRescheduled")
                writer.field("timer", timer)
                writer.key("from")
                from.write(to: &writer)
                writer.key("to")
                to.write(to: &writer)
            case .timerFired(let timer, let lateBy):
                writer.field("type", "timerFired")
                writer.field("timer", timer)
                writer.field("lateBy", lateBy)
            case .timerCancelled(let timer):
                writer.field("type", "timerCancelled")
                writer.field("timer", timer)
            case .deadlineExpired(let activation, let deadline, let due, let interrupting):
                writer.field("type", "deadlineExpired")
                writer.field("activation", activation)
                writer.field("deadline", deadline)
                writer.key("due")
                due.write(to: &writer)
                writer.field("interrupting", interrupting)
            case .reminderSent(let activation, let deadline, let due):
                writer.field("type", "reminderSent")
                writer.field("activation", activation)
                writer.field("deadline", deadline)
                writer.key("due")
                due.write(to: &writer)
            case .factRecorded(let activation, let name, let value):
                writer.field("type", "factRecorded")
                writer.field("activation", activation)
                writer.field("name", name)
                writer.field("value", json: value)
            case .noteRecorded(let activation, let kind, let message, let data):
                writer.field("type", "noteRecorded")
                writer.field("activation", activation)
                writer.field("kind", kind)
                writer.field("message", message)
                writer.field("data", json: data)
            case .stageCompleted(let activation, let outcome):
                writer.field("type", "stageCompleted")
                writer.field("activation", activation)
                writer.field("outcome", outcome)
            case .stageCancelled(let activation, let reason):
                writer.field("type", "stageCancelled")
                writer.field("activation", activation)
                writer.key("reason")
                reason.write(to: &writer)
            case .instanceEnded(let node, let result):
                writer.field("type", "instanceEnded")
                writer.field("node", node)
                writer.field("result", result)
            case .instanceWithdrawn(let actor, let comment):
                writer.field("type", "instanceWithdrawn")
                writer.key("actor")
                actor.write(to: &writer)
                writer.field("comment", comment)
            case .incidentRaised(let incident, let timer, let command, let error):
                writer.field("type", "incidentRaised")
                writer.field("incident", incident)
                writer.field("timer", timer)
                writer.field("command", command)
                writer.field("error", error)
            case .incidentRetryFailed(let incident, let error):
                writer.field("type", "incidentRetryFailed")
                writer.field("incident", incident)
                writer.field("error", error)
            case .incidentResolved(let incident, let resolution, let movedTo, let comment):
                writer.field("type", "incidentResolved")
                writer.field("incident", incident)
                writer.field("resolution", resolution.rawValue)
                writer.field("movedTo", movedTo)
                writer.field("comment", comment)
            }
        }
    }

    /// `task`, `from`, `to`, `comment` of a transfer or a delegation.
    private static func writeHandOver(_ task: Int, _ from: Assignee, _ to: Assignee, _ comment: String?,
                                      to writer: inout RecordWriter) {
        writer.field("task", task)
        writer.key("from")
        from.write(to: &writer)
        writer.key("to")
        to.write(to: &writer)
        writer.field("comment", comment)
    }

    /// Reads an event record; an unknown `type` is `RecordError.unknownType`.
    public init(record r: RecordReader) throws(RecordError) {
        let type = try r.string("type")
        switch type {
        case "instanceStarted":
            self = .instanceStarted(definitionID: try r.string("definition"), version: try r.int("version"),
                                    variables: try r.values("variables"), computed: try r.values("computed"))
        case "tokenCreated":
            self = .tokenCreated(token: try r.int("token"), node: try r.string("node"),
                                 scope: try r.optionalInt("scope"))
        case "tokenMoved":
            self = .tokenMoved(token: try r.int("token"), node: try r.string("node"),
                               scope: try r.optionalInt("scope"))
        case "tokenRemoved":
            self = .tokenRemoved(token: try r.int("token"))
        case "scopeOpened":
            self = .scopeOpened(scope: try r.int("scope"), split: try r.string("split"), join: try r.string("join"),
                                parent: try r.optionalInt("parent"), branches: try r.int("branches"))
        case "branchArrived":
            self = .branchArrived(scope: try r.int("scope"), token: try r.int("token"))
        case "scopeCompleted":
            self = .scopeCompleted(scope: try r.int("scope"))
        case "scopeCancelled":
            self = .scopeCancelled(scope: try r.int("scope"), byToken: try r.int("byToken"))
        case "gatewayPassed":
            self = .gatewayPassed(node: try r.string("node"), branch: try r.optionalInt("branch"),
                                  target: try r.string("target"))
        case "stageEntered":
            self = .stageEntered(activation: try r.int("activation"), token: try r.int("token"),
                                 node: try r.string("node"), kind: try r.string("kind"))
        case "stageStateSaved":
            self = .stageStateSaved(activation: try r.int("activation"), state: try r.value("state"))
        case "taskOpened":
            self = .taskOpened(try HumanTask(record: r))
        case "taskDecided":
            self = .taskDecided(task: try r.int("task"), actor: try Actor(record: r.object("actor")),
                                outcome: try r.string("outcome"), comment: try r.optionalString("comment"),
                                data: try r.value("data"))
        case "taskTransferred":
            self = .taskTransferred(task: try r.int("task"), from: try r.assignee("from"), to: try r.assignee("to"),
                                    comment: try r.optionalString("comment"))
        case "taskDelegated":
            self = .taskDelegated(task: try r.int("task"), from: try r.assignee("from"), to: try r.assignee("to"),
                                  comment: try r.optionalString("comment"))
        case "taskHandedBack":
            self = .taskHandedBack(task: try r.int("task"), to: try r.assignee("to"),
                                   comment: try r.optionalString("comment"))
        case "reviewerAdded":
            self = .reviewerAdded(task: try r.int("task"), consultation: try r.int("consultation"),
                                  blocking: try r.bool("blocking"), comment: try r.optionalString("comment"))
        case "taskReturned":
            self = .taskReturned(task: try r.int("task"), to: try r.string("to"),
                                 comment: try r.optionalString("comment"))
        case "taskUrged":
            self = .taskUrged(task: try r.int("task"), comment: try r.optionalString("comment"))
        case "taskClosed":
            self = .taskClosed(task: try r.int("task"), reason: try r.string("reason"))
        case "timerScheduled":
            self = .timerScheduled(try PendingTimer(record: r))
        case "timerRescheduled":
            self = .timerRescheduled(timer: try r.int("timer"), from: try r.due("from"), to: try r.due("to"))
        case "timerFired":
            self = .timerFired(timer: try r.int("timer"), lateBy: try r.int("lateBy"))
        case "timerCancelled":
            self = .timerCancelled(timer: try r.int("timer"))
        case "deadlineExpired":
            self = .deadlineExpired(activation: try r.int("activation"), deadline: try r.string("deadline"),
                                    due: try r.due("due"), interrupting: try r.bool("interrupting"))
        case "reminderSent":
            self = .reminderSent(activation: try r.int("activation"), deadline: try r.string("deadline"),
                                 due: try r.due("due"))
        case "factRecorded":
            self = .factRecorded(activation: try r.int("activation"), name: try r.string("name"),
                                 value: try r.value("value"))
        case "noteRecorded":
            self = .noteRecorded(activation: try r.int("activation"), kind: try r.string("kind"),
                                 message: try r.string("message"), data: try r.value("data"))
        case "stageCompleted":
            self = .stageCompleted(activation: try r.int("activation"), outcome: try r.string("outcome"))
        case "stageCancelled":
            self = .stageCancelled(activation: try r.int("activation"),
                                   reason: try CancellationReason(record: r.object("reason")))
        case "instanceEnded":
            self = .instanceEnded(node: try r.string("node"), result: try r.string("result"))
        case "instanceWithdrawn":
            self = .instanceWithdrawn(actor: try Actor(record: r.object("actor")),
                                      comment: try r.optionalString("comment"))
        case "incidentRaised":
            self = .incidentRaised(incident: try r.int("incident"), timer: try r.optionalInt("timer"),
                                   command: try r.string("command"), error: try r.string("error"))
        case "incidentRetryFailed":
            self = .incidentRetryFailed(incident: try r.int("incident"), error: try r.string("error"))
        case "incidentResolved":
            let resolution = try r.string("resolution")
            guard let known = IncidentResolution(rawValue: resolution) else {
                throw r.unknown("resolution", resolution, known: IncidentResolution.allCases.map(\.rawValue))
            }
            self = .incidentResolved(incident: try r.int("incident"), resolution: known,
                                     movedTo: try r.optionalString("movedTo"), comment: try r.optionalString("comment"))
        default:
            throw r.unknown("type", type, known: Self.recordTypes)
        }
    }
}
