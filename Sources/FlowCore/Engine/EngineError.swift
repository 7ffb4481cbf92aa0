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
    /// The stage refused the decision or the entry.
    case refused(node: String, reason: String)
    /// No pending timer has this id.
    case timerNotFound(Int)
    /// The timer is not due yet.
    case timerNotDue(timer: Int, fireAt: Date, now: Date)
    /// A stage kind returned an action the engine cannot apply: a bug in the plugin.
    case stageMisbehaved(node: String, kind: String, problem: String)
    /// A gateway condition or wait date could not be evaluated.
    case expressionFailed(node: String, message: String)
    /// Automatic steps (gateways, splits, joins) looped without reaching a stage, wait or end.
    case runaway(node: String)

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
        case .refused(let node, let reason):
            return "stage \"\(node)\" refused: \(reason)"
        case .timerNotFound(let timer):
            return "there is no pending timer \(timer) in this project"
        case .timerNotDue(let timer, let fireAt, let now):
            return "timer \(timer) is due at \(fireAt.formatted(.iso8601)), not yet at \(now.formatted(.iso8601))"
        case .stageMisbehaved(let node, let kind, let problem):
            return "stage kind \"\(kind)\" at node \"\(node)\" returned an invalid action: \(problem)"
        case .expressionFailed(let node, let message):
            return "node \"\(node)\": \(message)"
        case .runaway(let node):
            return "automatic steps looped at node \"\(node)\" without reaching a stage, wait or end node"
        }
    }
}
