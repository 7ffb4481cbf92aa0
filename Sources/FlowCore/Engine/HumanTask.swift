import Foundation

/// A task waiting for a person: a review opinion, an expert score, an applicant's revision.
public struct HumanTask: Hashable, Sendable {
    /// Where a task is in its life.
    public enum Status: String, Hashable, Sendable {
        case open
        case decided
        case closed
    }

    /// The task's id, unique within its instance.
    public let id: Int
    /// The stage activation that opened it.
    public let activationID: Int
    /// The stage node it belongs to.
    public let nodeID: String
    /// The stage's own key for it.
    public let key: String
    public let title: String
    /// Who may decide it now (a transfer changes this).
    public var assignee: Assignee
    public let outcomes: [String]
    /// When it opened.
    public let openedAt: Date
    /// The date it is due, if the stage gave a period.
    public let due: DueDate?
    public var status: Status
    /// Who delegated the task (委派) and gets it back when the delegate hands it back; `nil` if not delegated.
    public var delegatedBy: Assignee?
    /// For a task opened by adding a reviewer (加签): the task whose assignee asked for the opinion.
    public let consultationOf: Int?
    /// For an added reviewer's task: whether the original task waits for this opinion (前加签) or not (并加签).
    public let blocking: Bool
    /// An example of the decision data the task needs (`.null` when none), from the stage's `TaskRequest`.
    public let exampleData: JSONValue

    public init(
        id: Int, activationID: Int, nodeID: String, key: String, title: String, assignee: Assignee,
        outcomes: [String], openedAt: Date, due: DueDate?, status: Status = .open, delegatedBy: Assignee? = nil,
        consultationOf: Int? = nil, blocking: Bool = false, exampleData: JSONValue = .null
    ) {
        self.exampleData = exampleData
        self.delegatedBy = delegatedBy
        self.consultationOf = consultationOf
        self.blocking = blocking
        self.id = id
        self.activationID = activationID
        self.nodeID = nodeID
        self.key = key
        self.title = title
        self.assignee = assignee
        self.outcomes = outcomes
        self.openedAt = openedAt
        self.due = due
        self.status = status
    }
}
