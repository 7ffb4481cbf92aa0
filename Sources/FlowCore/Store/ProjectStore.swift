import Foundation

/// Where projects, their histories, their pending timers and the deployed definitions live.
///
/// The engine never touches a store: `WorkflowService` loads a project's state, lets the engine compute a step,
/// and commits the step here. A commit is all or nothing: the history entries, the new state and the pending
/// timers it implies are stored together, and only if the project's last sequence is still the one the step was
/// computed from (optimistic concurrency), so two concurrent commands can never both apply to one state.
public protocol ProjectStore: Sendable {
    /// Stores a deployed definition's source. Deploying an id and version that exist is an error.
    func deploy(_ record: DefinitionRecord) throws(StoreError)

    /// Every deployed definition, ordered by id then version.
    func definitionRecords() throws(StoreError) -> [DefinitionRecord]

    /// Stores a new project with its first entries.
    func insert(project state: InstanceState, entries: [HistoryEntry]) throws(StoreError)

    /// Appends a step to a project whose last sequence is `expectedSequence`.
    func commit(project id: String, expectedSequence: Int, state: InstanceState, entries: [HistoryEntry])
        throws(StoreError)

    /// A project's current state, or `nil` if there is no such project.
    func state(of id: String) throws(StoreError) -> InstanceState?

    /// A project's whole history in sequence order (empty if there is no such project).
    func history(of id: String) throws(StoreError) -> [HistoryEntry]

    /// The ids of every project, sorted.
    func projectIDs() throws(StoreError) -> [String]

    /// The ids of the projects still running, sorted: the only ones with open tasks and pending timers.
    func runningProjectIDs() throws(StoreError) -> [String]

    /// Pending timers due at or before `instant`, earliest first (then by project id and timer id), at most `limit`.
    /// A timer suspended by an open incident (`InstanceState.suspendedTimerIDs`) is not offered, nor by `nextTimer`.
    func dueTimers(through instant: Date, limit: Int) throws(StoreError) -> [ScheduledTimer]

    /// The incidents of every project with `status` (every incident when `nil`), in
    /// `ProjectIncident.listingOrder`. A store keeps them with the state, in the same commit.
    func incidents(status: Incident.Status?) throws(StoreError) -> [ProjectIncident]

    /// The earliest pending timer of any project, if any.
    func nextTimer() throws(StoreError) -> ScheduledTimer?

    /// The ids of the projects with a provisional pending timer (due in a year the calendar had no notice for when
    /// it was scheduled), sorted: the ones to recompute when new calendar data is loaded.
    func projectsWithProvisionalTimers() throws(StoreError) -> [String]

    // MARK: Indexed reads: answered from what each commit stores beside the state, without decoding states

    /// Who started project `id`, when and with which definition; `nil` if there is no such project.
    func starter(of id: String) throws(StoreError) -> ProjectStart?

    /// The open tasks of running projects assigned exactly to one of `filter.assignees`, in projects of
    /// `filter.scope`, in inbox order (`OpenTaskRecord.inboxOrder`).
    func openTasks(for filter: TaskFilter) throws(StoreError) -> [OpenTaskRecord]

    /// The pending timers of running projects of `scope` whose due date is in `from...through`, in window order
    /// (`DeadlineRecord.windowOrder`).
    func deadlines(from: CivilDate, through: CivilDate, scope: ProjectScope) throws(StoreError) -> [DeadlineRecord]

    /// The overdue records of every project of `scope` (running or not), in list order
    /// (`ProjectOverdueRecord.listOrder`).
    func overdueRecords(scope: ProjectScope) throws(StoreError) -> [ProjectOverdueRecord]

    /// Counts over every project, for metrics.
    func statistics() throws(StoreError) -> StoreStatistics
}

/// A deployed definition: its source text as deployed, so it can be reloaded exactly.
public struct DefinitionRecord: Hashable, Sendable, Codable {
    public let id: String
    public let version: Int
    /// The JSON text.
    public let source: String
    public let deployedAt: Date

    public init(id: String, version: Int, source: String, deployedAt: Date) {
        self.id = id
        self.version = version
        self.source = source
        self.deployedAt = deployedAt
    }
}

/// A pending timer of some project, as the timer service sees it.
public struct ScheduledTimer: Hashable, Sendable, Comparable {
    public let projectID: String
    public let timerID: Int
    public let fireAt: Date

    public init(projectID: String, timerID: Int, fireAt: Date) {
        self.projectID = projectID
        self.timerID = timerID
        self.fireAt = fireAt
    }

    public static func < (lhs: ScheduledTimer, rhs: ScheduledTimer) -> Bool {
        (lhs.fireAt, lhs.projectID, lhs.timerID) < (rhs.fireAt, rhs.projectID, rhs.timerID)
    }
}

/// A store operation that failed; nothing was written.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The project changed since the step was computed (another command committed first).
    case conflict(project: String, expected: Int, found: Int)
    /// A project with this id exists already.
    case duplicateProject(String)
    /// There is no project with this id.
    case unknownProject(String)
    /// This id and version of a definition is deployed already.
    case duplicateDefinition(id: String, version: Int)
    /// The storage itself failed (I/O, corruption, a full disk); the message says which and where.
    case failure(String)

    public var description: String {
        switch self {
        case .conflict(let project, let expected, let found):
            return "project \"\(project)\" changed meanwhile (expected history entry \(expected), found \(found)); "
                + "reload it and try again"
        case .duplicateProject(let id):
            return "a project with id \"\(id)\" exists already"
        case .unknownProject(let id):
            return "there is no project \"\(id)\""
        case .duplicateDefinition(let id, let version):
            return "definition \"\(id)\" version \(version) is deployed already; deploy it with a higher version"
        case .failure(let message):
            return message
        }
    }
}
