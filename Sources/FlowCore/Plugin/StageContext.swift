import Foundation

/// Everything a stage may know when it is called: its parameters and state, the project, its own tasks and
/// timers, and the current date. It is a value, built by the engine for each call.
public struct StageContext: Sendable {
    /// The activation (this entry into the stage; re-entering creates a new one).
    public let activationID: Int
    /// The stage node's id in the definition.
    public let nodeID: String
    /// The node's display name (e.g. "预审").
    public let nodeName: String
    /// The node's `"parameters"`, already validated by the kind.
    public let parameters: JSONValue
    /// The state the stage last saved with `.setState` (`.null` at entry).
    public let state: JSONValue
    /// The project's variables.
    public let project: [String: Value]
    /// The definition's computed values.
    public let computed: [String: Value]
    /// Facts recorded on the project so far, by name.
    public let facts: [String: JSONValue]
    /// This activation's tasks that are still open.
    public let openTasks: [HumanTask]
    /// This activation's pending timers.
    public let pendingTimers: [PendingTimer]
    /// The current instant (from the engine's clock).
    public let now: Date
    /// The period arithmetic of the definition's calendar, to compute dates (e.g. a trial run's earliest end).
    public let periods: PeriodCalculator

    public init(
        activationID: Int, nodeID: String, nodeName: String, parameters: JSONValue, state: JSONValue,
        project: [String: Value], computed: [String: Value] = [:], facts: [String: JSONValue], openTasks: [HumanTask], pendingTimers: [PendingTimer],
        now: Date, periods: PeriodCalculator
    ) {
        self.activationID = activationID
        self.nodeID = nodeID
        self.nodeName = nodeName
        self.parameters = parameters
        self.state = state
        self.project = project
        self.computed = computed
        self.facts = facts
        self.openTasks = openTasks
        self.pendingTimers = pendingTimers
        self.now = now
        self.periods = periods
    }

    /// The values expressions see (`project.<name>`, `computed.<name>`), to evaluate expressions in parameters.
    public var expressionValues: [String: Value] {
        ExpressionValues.make(variables: project, computed: computed)
    }

    /// Today's date in China Standard Time.
    public var today: CivilDate { CivilDate(chinaDateOf: now) }
}

/// A decision on a task, as handed to the stage.
public struct TaskDecision: Hashable, Sendable {
    /// The task being decided.
    public let task: HumanTask
    /// Who decided.
    public let actor: Actor
    /// The outcome chosen, one of the task's `outcomes`.
    public let outcome: String
    /// The decider's comment (意见), if any.
    public let comment: String?
    /// Structured data that goes with the decision (a score, a document number, a suggested budget).
    public let data: JSONValue

    public init(task: HumanTask, actor: Actor, outcome: String, comment: String?, data: JSONValue) {
        self.task = task
        self.actor = actor
        self.outcome = outcome
        self.comment = comment
        self.data = data
    }
}

/// A timer that fired, as handed to the stage.
public enum FiredTimer: Hashable, Sendable {
    /// A timer the stage scheduled itself, by its key.
    case own(String)
    /// A non-interrupting deadline of the node, by its id: the stage is now overdue.
    case deadline(String)
    /// A reminder (催办) before a deadline of the node, by the deadline's id.
    case reminder(String)
}
