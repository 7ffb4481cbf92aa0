import Foundation

/// The current state of one project: where its tokens are, its open tasks and pending timers, its facts.
///
/// It is derived entirely from the history: `apply(_:)` is the only way it changes, and `replay(_:)` rebuilds
/// it from the entries.
public struct InstanceState: Hashable, Sendable {
    /// Where a project is in its life.
    public enum Status: Hashable, Sendable {
        case running
        /// Reached an end node with this result.
        case ended(result: String)
        /// Withdrawn (撤销) or cancelled.
        case withdrawn
    }

    /// A thread of execution waiting at a node.
    public struct Token: Hashable, Sendable {
        public let id: Int
        public var node: String
        /// The innermost parallel scope the token runs in.
        public var scope: Int?
    }

    /// A parallel block being executed.
    public struct Scope: Hashable, Sendable {
        public let id: Int
        public let split: String
        public let join: String
        public let parent: Int?
        public let branches: Int
        /// Tokens that arrived at the join so far.
        public var arrived: [Int]
    }

    /// One entry into a stage.
    public struct Activation: Hashable, Sendable {
        public let id: Int
        public let token: Int
        public let node: String
        public let kind: String
        public let enteredAt: Date
        public var state: JSONValue
    }

    /// The project's id.
    public let id: String
    public internal(set) var definitionID: String = ""
    public internal(set) var definitionVersion: Int = 0
    public internal(set) var status: Status = .running
    /// The project's variables.
    public internal(set) var variables: [String: Value] = [:]
    /// The computed values.
    public internal(set) var computed: [String: Value] = [:]
    /// Facts recorded by stages, by name (the latest value).
    public internal(set) var facts: [String: JSONValue] = [:]
    public internal(set) var tokens: [Int: Token] = [:]
    public internal(set) var scopes: [Int: Scope] = [:]
    /// Stages being executed, by activation id.
    public internal(set) var activations: [Int: Activation] = [:]
    /// The open tasks, by id. A task leaves when it is decided or closed (its record is in the history, and its
    /// status in `finishedTasks`), so the state a store writes on every commit stays small.
    public internal(set) var tasks: [Int: HumanTask] = [:]
    /// The tasks that were decided or closed, with where they were and how they finished.
    public internal(set) var finishedTasks: [Int: FinishedTask] = [:]
    /// The ids of the open tasks, ascending (an index over `tasks`, maintained by `apply`).
    public internal(set) var openTaskIDs: [Int] = []
    /// Timers waiting to fire, by id.
    public internal(set) var timers: [Int: PendingTimer] = [:]
    /// The last due date scheduled for each recurring deadline, by "node#deadline": the next one is the first
    /// occurrence after it, so a report handed in early is not asked for again for the same month or year.
    public internal(set) var lastRecurringDue: [String: CivilDate] = [:]
    /// Deadlines that expired (overdue records), in order.
    public internal(set) var overdue: [OverdueRecord] = []
    /// Incidents, open and resolved, by number; `nil` until the first one, so that a state stored before
    /// incidents existed still reads (see `incidents`).
    var incidentsByNumber: [Int: Incident]?
    /// The next id to hand out for a token, scope, activation, task or timer.
    public internal(set) var nextID = 1
    /// The sequence number of the last applied entry (0 before the first).
    public internal(set) var lastSequence = 0
    /// When the project started and when it last changed.
    public internal(set) var startedAt = Date(timeIntervalSince1970: 0)
    public internal(set) var updatedAt = Date(timeIntervalSince1970: 0)

    /// An empty state for the project `id`, before its first event.
    public init(id: String) {
        self.id = id
    }

    /// Rebuilds the state of project `id` from its whole history; throws if the history is out of order.
    public static func replay(id: String, history: [HistoryEntry]) throws(ReplayError) -> InstanceState {
        var state = InstanceState(id: id)
        for entry in history { try state.apply(entry) }
        return state
    }

    /// The values expressions see: `project.<name>` and `computed.<name>`.
    public var expressionValues: [String: Value] {
        ExpressionValues.make(variables: variables, computed: computed)
    }

    /// The tasks still open, by id.
    public var openTasks: [HumanTask] {
        openTaskIDs.compactMap { tasks[$0] }
    }

    /// The pending timers in the order they fire (then by id).
    public var pendingTimers: [PendingTimer] {
        InstanceState.firingOrder(timers.values)
    }

    /// The pending timers of one stage activation, in the order they fire.
    public func pendingTimers(of activation: Int) -> [PendingTimer] {
        InstanceState.firingOrder(timers.values.filter { $0.activationID == activation })
    }

    /// A timer fires at the end of its due date, so the date orders timers as their instants would; then the id.
    private static func firingOrder(_ timers: some Sequence<PendingTimer>) -> [PendingTimer] {
        timers.sorted { ($0.due.date, $0.id) < ($1.due.date, $1.id) }
    }

    /// The status of task `id`: open, decided, closed, or `nil` if no such task was ever opened.
    public func taskStatus(_ id: Int) -> HumanTask.Status? {
        tasks[id]?.status ?? finishedTasks[id]?.status
    }

    /// The project's incidents, open and resolved, by number.
    public var incidents: [Int: Incident] { incidentsByNumber ?? [:] }

    /// The open incidents, by number.
    public var openIncidents: [Incident] {
        incidents.values.filter(\.isOpen).sorted { $0.id < $1.id }
    }

    /// The timers an open incident suspends: pending, but not offered as due until the incident is retried or
    /// resolved.
    public var suspendedTimerIDs: Set<Int> {
        Set(incidents.values.compactMap { $0.isOpen ? $0.timer : nil })
    }

    /// The number of the open incident that suspends timer `id`, if any.
    public func incidentSuspending(timer id: Int) -> Int? {
        incidents.values.filter { $0.isOpen && $0.timer == id }.map(\.id).min()
    }

    /// The pending timers a store offers as due: every pending timer but the suspended ones.
    public var activeTimers: [PendingTimer] {
        let suspended = suspendedTimerIDs
        return suspended.isEmpty ? Array(timers.values) : timers.values.filter { !suspended.contains($0.id) }
    }

    /// Whether the project still runs.
    public var isRunning: Bool { status == .running }

    /// Reserves the next id (used only while applying events, so replay assigns the same ids).
    mutating func takeID(_ id: Int) {
        nextID = max(nextID, id + 1)
    }
}

/// What remains of a task once it is decided or closed.
public struct FinishedTask: Hashable, Sendable {
    public let id: Int
    public let nodeID: String
    public let key: String
    /// `.decided` or `.closed`.
    public let status: HumanTask.Status
}

/// A deadline that expired: who was late with what.
public struct OverdueRecord: Hashable, Sendable {
    public let activation: Int
    public let node: String
    public let deadline: String
    public let due: DueDate
    public let interrupting: Bool
    /// When the expiry was recorded.
    public let recordedAt: Date

    public init(activation: Int, node: String, deadline: String, due: DueDate, interrupting: Bool, recordedAt: Date) {
        self.activation = activation
        self.node = node
        self.deadline = deadline
        self.due = due
        self.interrupting = interrupting
        self.recordedAt = recordedAt
    }
}

/// A history that cannot be replayed.
public enum ReplayError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An entry's sequence number is not the next one.
    case outOfOrder(project: String, expected: Int, found: Int)
    /// The first entry is not the project's start.
    case notStarted(project: String)
    /// An entry's event cannot happen to what it names in its current status (`Lifecycle.table`): a decision on
    /// a closed task, a move of a token that does not exist, an event after the project ended.
    case impossibleEvent(project: String, sequence: Int, event: String, subject: String, status: String)

    public var description: String {
        switch self {
        case .outOfOrder(let project, let expected, let found):
            return "the history of project \"\(project)\" is out of order: expected entry \(expected), found \(found)"
        case .notStarted(let project):
            return "the history of project \"\(project)\" does not begin with the project's start"
        case .impossibleEvent(let project, let sequence, let event, let subject, let status):
            return "entry \(sequence) of project \"\(project)\" is impossible: \(event) cannot happen to \(subject), "
                + "which is \(status)"
        }
    }
}
