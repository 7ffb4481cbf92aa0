import Foundation

/// Something asked of a running project. Each accepted command becomes one step: a list of history entries
/// that a store commits together.
public enum Command: Hashable, Sendable {
    /// An actor decides an open task.
    case decide(task: Int, actor: Actor, outcome: String, comment: String?, data: JSONValue)
    /// The assignee transfers a task to someone else (转办).
    case transfer(task: Int, actor: Actor, to: Assignee, comment: String?)
    /// The assignee delegates a task (委派); the delegate hands it back with `handBack`.
    case delegate(task: Int, actor: Actor, to: Assignee, comment: String?)
    /// The delegate hands a delegated task back with an opinion.
    case handBack(task: Int, actor: Actor, comment: String?)
    /// The assignee asks another reviewer's opinion (加签): before deciding (`blocking`) or alongside.
    case addReviewer(task: Int, actor: Actor, reviewer: Assignee, blocking: Bool, comment: String?)
    /// The assignee returns the project to an earlier node the stage node allows in `"returnTo"` (退回).
    case returnTo(task: Int, actor: Actor, node: String, comment: String?)
    /// Someone urges the assignee of an open task (催办).
    case urge(task: Int, actor: Actor, comment: String?)
    /// A pending timer fires (the timer service sends this when it is due).
    case fireTimer(Int)
    /// The applicant withdraws the project (撤销), or an administrator cancels it.
    case withdraw(actor: Actor, comment: String?)
    /// Recomputes pending provisional due dates with the engine's calendar (after new holiday data is loaded).
    case recalculateProvisionalTimers
}

/// The result of an accepted command: the new state and the history entries that lead to it.
public struct Step: Sendable {
    public let state: InstanceState
    public let entries: [HistoryEntry]
}
