import Foundation

/// Everything a stage may know when it is called: its parameters and state (already read and decoded), the
/// project, its own tasks and timers, and the current date. It is a value, built by the engine for each call; new
/// members can be added without changing `StageKind`.
public struct StageContext<Parameters: Sendable, State: Sendable>: Sendable {
    /// The activation (this entry into the stage; re-entering creates a new one).
    public let activationID: Int
    /// The stage node's id in the definition.
    public let nodeID: String
    /// The node's display name (e.g. "预审").
    public let nodeName: String
    /// The node's parameters, as the kind read them when the definition loaded.
    public let parameters: Parameters
    /// The state the stage last saved with `.setState` (`nil` before the first).
    public let state: State
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
        activationID: Int, nodeID: String, nodeName: String, parameters: Parameters, state: State,
        project: [String: Value], computed: [String: Value] = [:], facts: [String: JSONValue],
        openTasks: [HumanTask], pendingTimers: [PendingTimer], now: Date, periods: PeriodCalculator
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

    /// The same context with other parameters and state: how the engine hands its stored values to a kind.
    public func with<OtherParameters, OtherState>(parameters: OtherParameters, state: OtherState)
        -> StageContext<OtherParameters, OtherState>
    {
        StageContext<OtherParameters, OtherState>(
            activationID: activationID, nodeID: nodeID, nodeName: nodeName, parameters: parameters, state: state,
            project: project, computed: computed, facts: facts, openTasks: openTasks, pendingTimers: pendingTimers,
            now: now, periods: periods)
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
