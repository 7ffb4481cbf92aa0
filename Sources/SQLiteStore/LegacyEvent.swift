import FlowCore

/// `Event` as synthesized `Codable` wrote it in schema versions 1 to 3 (`{"taskOpened": {"_0": {…}}}`), for the
/// migration to version 4 only (see `LegacyRecords`).
enum LegacyEvent: Decodable {
    case instanceStarted(definitionID: String, version: Int, variables: [String: LegacyValue],
                         computed: [String: LegacyValue])
    case tokenCreated(token: Int, node: String, scope: Int?)
    case tokenMoved(token: Int, node: String, scope: Int?)
    case tokenRemoved(token: Int)
    case scopeOpened(scope: Int, split: String, join: String, parent: Int?, branches: Int)
    case branchArrived(scope: Int, token: Int)
    case scopeCompleted(scope: Int)
    case scopeCancelled(scope: Int, byToken: Int)
    case gatewayPassed(node: String, branch: Int?, target: String)
    case stageEntered(activation: Int, token: Int, node: String, kind: String)
    case stageStateSaved(activation: Int, state: JSONValue)
    case taskOpened(LegacyHumanTask)
    case taskDecided(task: Int, actor: LegacyActor, outcome: String, comment: String?, data: JSONValue)
    case taskTransferred(task: Int, from: LegacyAssignee, to: LegacyAssignee, comment: String?)
    case taskDelegated(task: Int, from: LegacyAssignee, to: LegacyAssignee, comment: String?)
    case taskHandedBack(task: Int, to: LegacyAssignee, comment: String?)
    case reviewerAdded(task: Int, consultation: Int, blocking: Bool, comment: String?)
    case taskReturned(task: Int, to: String, comment: String?)
    case taskUrged(task: Int, comment: String?)
    case taskClosed(task: Int, reason: String)
    case timerScheduled(LegacyPendingTimer)
    case timerRescheduled(timer: Int, from: LegacyDueDate, to: LegacyDueDate)
    case timerFired(timer: Int, lateBy: Int)
    case timerCancelled(timer: Int)
    case deadlineExpired(activation: Int, deadline: String, due: LegacyDueDate, interrupting: Bool)
    case reminderSent(activation: Int, deadline: String, due: LegacyDueDate)
    case factRecorded(activation: Int, name: String, value: JSONValue)
    case noteRecorded(activation: Int, kind: String, message: String, data: JSONValue)
    case stageCompleted(activation: Int, outcome: String)
    case stageCancelled(activation: Int, reason: LegacyCancellationReason)
    case instanceEnded(node: String, result: String)
    case instanceWithdrawn(actor: LegacyActor, comment: String?)

    /// The event it stands for.
    var event: Event {
        switch self {
        case .instanceStarted(let id, let version, let variables, let computed):
            return .instanceStarted(definitionID: id, version: version, variables: variables.mapValues(\.value),
                                    computed: computed.mapValues(\.value))
        case .tokenCreated(let token, let node, let scope): return .tokenCreated(token: token, node: node, scope: scope)
        case .tokenMoved(let token, let node, let scope): return .tokenMoved(token: token, node: node, scope: scope)
        case .tokenRemoved(let token): return .tokenRemoved(token: token)
        case .scopeOpened(let scope, let split, let join, let parent, let branches):
            return .scopeOpened(scope: scope, split: split, join: join, parent: parent, branches: branches)
        case .branchArrived(let scope, let token): return .branchArrived(scope: scope, token: token)
        case .scopeCompleted(let scope): return .scopeCompleted(scope: scope)
        case .scopeCancelled(let scope, let token): return .scopeCancelled(scope: scope, byToken: token)
        case .gatewayPassed(let node, let branch, let target):
            return .gatewayPassed(node: node, branch: branch, target: target)
        case .stageEntered(let activation, let token, let node, let kind):
            return .stageEntered(activation: activation, token: token, node: node, kind: kind)
        case .stageStateSaved(let activation, let state): return .stageStateSaved(activation: activation, state: state)
        case .taskOpened(let task): return .taskOpened(task.task)
        case .taskDecided(let task, let actor, let outcome, let comment, let data):
            return .taskDecided(task: task, actor: actor.actor, outcome: outcome, comment: comment, data: data)
        case .taskTransferred(let task, let from, let to, let comment):
            return .taskTransferred(task: task, from: from.assignee, to: to.assignee, comment: comment)
        case .taskDelegated(let task, let from, let to, let comment):
            return .taskDelegated(task: task, from: from.assignee, to: to.assignee, comment: comment)
        case .taskHandedBack(let task, let to, let comment):
            return .taskHandedBack(task: task, to: to.assignee, comment: comment)
        case .reviewerAdded(let task, let consultation, let blocking, let comment):
            return .reviewerAdded(task: task, consultation: consultation, blocking: blocking, comment: comment)
        case .taskReturned(let task, let to, let comment): return .taskReturned(task: task, to: to, comment: comment)
        case .taskUrged(let task, let comment): return .taskUrged(task: task, comment: comment)
        case .taskClosed(let task, let reason): return .taskClosed(task: task, reason: reason)
        case .timerScheduled(let timer): return .timerScheduled(timer.timer)
        case .timerRescheduled(let timer, let from, let to):
            return .timerRescheduled(timer: timer, from: from.due, to: to.due)
        case .timerFired(let timer, let lateBy): return .timerFired(timer: timer, lateBy: lateBy)
        case .timerCancelled(let timer): return .timerCancelled(timer: timer)
        case .deadlineExpired(let activation, let deadline, let due, let interrupting):
            return .deadlineExpired(activation: activation, deadline: deadline, due: due.due,
                                    interrupting: interrupting)
        case .reminderSent(let activation, let deadline, let due):
            return .reminderSent(activation: activation, deadline: deadline, due: due.due)
        case .factRecorded(let activation, let name, let value):
            return .factRecorded(activation: activation, name: name, value: value)
        case .noteRecorded(let activation, let kind, let message, let data):
            return .noteRecorded(activation: activation, kind: kind, message: message, data: data)
        case .stageCompleted(let activation, let outcome):
            return .stageCompleted(activation: activation, outcome: outcome)
        case .stageCancelled(let activation, let reason):
            return .stageCancelled(activation: activation, reason: reason.reason)
        case .instanceEnded(let node, let result): return .instanceEnded(node: node, result: result)
        case .instanceWithdrawn(let actor, let comment): return .instanceWithdrawn(actor: actor.actor, comment: comment)
        }
    }
}
