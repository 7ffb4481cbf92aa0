import Foundation

/// A command the engine refused. The instance's state is unchanged: the engine works on a copy and returns a new
/// state only when the whole command succeeded.
public enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The project has ended or was withdrawn.
    case instanceNotRunning(InstanceState.Status)
    /// The state belongs to another definition or version than the engine's.
    case wrongDefinition(expected: String, found: String)
    /// The project's variables do not match the definition's declarations.
    case invalidVariables([String])
    /// No task has this id.
    case taskNotFound(Int)
    /// The task exists but is no longer open.
    case taskNotOpen(task: Int, status: HumanTask.Status)
    /// The actor is not the task's assignee.
    case notAssignee(task: Int, actor: String, assignee: Assignee)
    /// The outcome is not one the task offers.
    case outcomeNotOffered(task: Int, outcome: String, offered: [String])
    /// A delegated task is decided by whoever delegated it, after the delegate hands it back.
    case delegated(task: Int, by: Assignee)
    /// The task was not delegated, so it cannot be handed back.
    case notDelegated(task: Int)
    /// The task waits for the opinions of reviewers added before it (前加签).
    case awaitingAddedReviewers(task: Int, consultations: [Int])
    /// The stage node does not allow returning to that node.
    case returnNotAllowed(task: Int, node: String, allowed: [String])
    /// The operation does not apply to an added reviewer's task.
    case consultationTask(task: Int, operation: String)
    /// The stage refused the decision (a business refusal: the actor can change the decision and try again).
    case refused(node: String, reason: String)
    /// The stage refused a token's entry: the definition or the project's data does not suit the stage kind.
    case entryRefused(node: String, reason: String)
    /// No pending timer has this id.
    case timerNotFound(Int)
    /// The timer is not due yet.
    case timerNotDue(timer: Int, fireAt: Date, now: Date)
    /// A stage kind returned an action the engine cannot apply: a bug in the plugin.
    case stageMisbehaved(node: String, kind: String, problem: String)
    /// The state a stage saved no longer decodes into its kind's `State` (e.g. a plugin upgrade changed the type).
    case stageStateUnreadable(node: String, kind: String, activation: Int, problem: String)
    /// A gateway condition or wait date could not be evaluated.
    case expressionFailed(node: String, message: String)
    /// One command entered more than `WorkflowEngine.automaticStepLimit` nodes: the project loops through
    /// gateways, splits, joins or stages that complete at once, without stopping at a task, timer or end.
    case runaway(node: String)
    /// No incident has this number.
    case incidentNotFound(Int)
    /// The incident is resolved already.
    case incidentNotOpen(Int)
    /// The incident cannot be retried (it was raised by a user's command, or its timer is gone).
    case incidentNotRetryable(incident: Int, reason: String)
    /// An incident cannot be resolved by moving the project to this node.
    case moveNotPossible(node: String, reason: String)

    public var description: String {
        switch self {
        case .instanceNotRunning(let status):
            switch status {
            case .running: return "the project is running"
            case .ended(let result): return "the project has already ended with result \"\(result)\""
            case .withdrawn: return "the project has been withdrawn"
            }
        case .wrongDefinition(let expected, let found):
            return "the project runs on definition \(found), not \(expected)"
        case .invalidVariables(let problems):
            return "the project's variables are invalid: " + problems.joined(separator: "; ")
        case .taskNotFound(let task):
            return "there is no task \(task) in this project"
        case .taskNotOpen(let task, let status):
            return "task \(task) is not open (it is \(status.rawValue))"
        case .notAssignee(let task, let actor, let assignee):
            return "\(actor) may not decide task \(task): it is assigned to \(assignee)"
        case .outcomeNotOffered(let task, let outcome, let offered):
            return "task \(task) has no outcome \"\(outcome)\"; choose one of "
                + offered.map { "\"\($0)\"" }.joined(separator: ", ")
        case .delegated(let task, let by):
            return "task \(task) is delegated by \(by); hand it back with your opinion so that they decide it"
        case .notDelegated(let task):
            return "task \(task) is not delegated, so there is nothing to hand back"
        case .awaitingAddedReviewers(let task, let consultations):
            return "task \(task) waits for the opinion of the added reviewer(s) in task(s) "
                + consultations.map(String.init).joined(separator: ", ")
        case .returnNotAllowed(let task, let node, let allowed):
            return allowed.isEmpty
                ? "task \(task) cannot be returned: its stage allows no return (\"returnTo\" is empty)"
                : "task \(task) cannot be returned to \"\(node)\"; its stage allows "
                    + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        case .consultationTask(let task, let operation):
            return "task \(task) asks an added reviewer's opinion; it cannot be \(operation)"
        case .refused(let node, let reason):
            return "stage \"\(node)\" refused: \(reason)"
        case .entryRefused(let node, let reason):
            return "stage \"\(node)\" refused entry: \(reason)"
        case .timerNotFound(let timer):
            return "there is no pending timer \(timer) in this project"
        case .timerNotDue(let timer, let fireAt, let now):
            return "timer \(timer) is due at \(fireAt.formatted(.iso8601)), not yet at \(now.formatted(.iso8601))"
        case .stageMisbehaved(let node, let kind, let problem):
            return "stage kind \"\(kind)\" at node \"\(node)\" returned an invalid action: \(problem)"
        case .stageStateUnreadable(let node, let kind, let activation, let problem):
            return "the saved state of stage kind \"\(kind)\" at node \"\(node)\" (activation \(activation)) cannot be "
                + "read: \(problem); the kind's State type no longer matches what is stored, so keep the old fields "
                + "decodable (e.g. optional) or migrate the stored state"
        case .expressionFailed(let node, let message):
            return "node \"\(node)\": \(message)"
        case .runaway(let node):
            return "the project entered more than \(WorkflowEngine.automaticStepLimit) nodes in one step without "
                + "stopping at a task, timer or end (the last was \"\(node)\"); the definition loops through nodes "
                + "that go on at once"
        case .incidentNotFound(let incident):
            return "there is no incident \(incident) in this project"
        case .incidentNotOpen(let incident):
            return "incident \(incident) is resolved already"
        case .incidentNotRetryable(let incident, let reason):
            return "incident \(incident) cannot be retried: \(reason)"
        case .moveNotPossible(let node, let reason):
            return "the project cannot be moved to \"\(node)\": \(reason)"
        }
    }
}
