import Foundation

/// Something asked of a running project. Each accepted command becomes one step: a list of history entries
/// that a store commits together.
public enum Command: Hashable, Sendable {
    /// An actor decides an open task.
    case decide(task: Int, actor: Actor, outcome: String, comment: String?, data: JSONValue)
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
