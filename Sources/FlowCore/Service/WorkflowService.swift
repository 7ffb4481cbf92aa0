import Foundation
import Synchronization

/// Runs projects against a store: deploys definitions, starts projects, applies commands and fires due timers.
///
/// It is the one place where the engine, a store and a clock meet. Each accepted command is one commit; a
/// refused command commits nothing. Commands on one project are serialised, so a decision and a timer firing on
/// it never interleave; commands on different projects run concurrently (and a durable store may group their
/// commits). The store's sequence check remains the last line of defence.
public final class WorkflowService: Sendable {
    /// The stage kinds definitions may use.
    public let registry: StageRegistry
    /// The working calendars by id.
    public let calendars: [String: any WorkingCalendar]
    public let store: any ProjectStore
    public let clock: any WorkflowClock

    private let definitions = Mutex<[String: [Int: WorkflowDefinition]]>([:])
    /// Who hears of incidents raised or failing again (the runner's log).
    let incidentObservers = Mutex<[@Sendable (IncidentReport) -> Void]>([])
    /// Locks striped by project id: bounded memory, and unrelated projects rarely wait for each other.
    private let projectLocks: [StripeLock] = (0..<64).map { _ in StripeLock() }

    /// A service over `store`, loading every definition deployed there.
    public init(registry: StageRegistry, calendars: [String: any WorkingCalendar], store: any ProjectStore,
                clock: any WorkflowClock) throws(ServiceError) {
        self.registry = registry
        self.calendars = calendars
        self.store = store
        self.clock = clock
        let records: [DefinitionRecord]
        do {
            records = try store.definitionRecords()
        } catch {
            throw .store(error)
        }
        for record in records {
            let definition = try load(record.source, file: "\(record.id)@\(record.version)")
            definitions.withLock { $0[definition.id, default: [:]][definition.version] = definition }
        }
    }

    private var loader: DefinitionLoader {
        DefinitionLoader(registry: registry, knownCalendars: Set(calendars.keys))
    }

    private func load(_ source: String, file: String) throws(ServiceError) -> WorkflowDefinition {
        do {
            return try loader.load(source, file: file)
        } catch {
            throw .invalidDefinition(error)
        }
    }

    // MARK: Definitions

    /// Validates and deploys a definition. Projects already running keep the version they started on.
    @discardableResult
    public func deploy(source: String, file: String) throws(ServiceError) -> WorkflowDefinition {
        let definition = try load(source, file: file)
        do {
            try store.deploy(DefinitionRecord(id: definition.id, version: definition.version, source: source,
                                              deployedAt: clock.now()))
        } catch {
            throw .store(error)
        }
        definitions.withLock { $0[definition.id, default: [:]][definition.version] = definition }
        return definition
    }

    /// The definition `id` at `version`, or its latest version when `version` is `nil`.
    public func definition(_ id: String, version: Int? = nil) -> WorkflowDefinition? {
        definitions.withLock { all in
            guard let versions = all[id] else { return nil }
            if let version { return versions[version] }
            return versions.keys.max().flatMap { versions[$0] }
        }
    }

    /// Every deployed definition, by id then version.
    public var deployedDefinitions: [WorkflowDefinition] {
        definitions.withLock { all in
            all.keys.sorted().flatMap { id in all[id, default: [:]].keys.sorted().compactMap { all[id]?[$0] } }
        }
    }

    private func engine(for definition: WorkflowDefinition) throws(ServiceError) -> WorkflowEngine {
        guard let calendar = calendars[definition.calendar] else { throw .unknownCalendar(definition.calendar) }
        return WorkflowEngine(definition: definition, registry: registry, calendar: calendar)
    }

    func engine(for state: InstanceState) throws(ServiceError) -> WorkflowEngine {
        guard let definition = definition(state.definitionID, version: state.definitionVersion) else {
            throw .unknownWorkflow(id: state.definitionID, version: state.definitionVersion, nearest: nil)
        }
        return try engine(for: definition)
    }

    // MARK: Projects

    /// Starts a project on the latest (or the given) version of a workflow.
    public func start(projectID: String, workflow: String, version: Int? = nil, variables: [String: JSONValue],
                      actor: Actor) throws(ServiceError) -> Step {
        guard let definition = definition(workflow, version: version) else {
            let ids = definitions.withLock { Array($0.keys) }
            throw .unknownWorkflow(id: workflow, version: version,
                                   nearest: ids.contains(workflow) ? nil : Suggestion.nearest(to: workflow, in: ids))
        }
        let engine = try engine(for: definition)
        return try serialized(projectID) { () throws(ServiceError) -> Step in
            let step: Step
            do throws(EngineError) {
                step = try engine.start(projectID: projectID, variables: variables, actor: actor, at: clock.now())
            } catch {
                throw .engine(error)
            }
            do throws(StoreError) {
                try store.insert(project: step.state, entries: step.entries)
            } catch {
                throw .store(error)
            }
            return step
        }
    }

    /// Applies a command to a project and commits the step.
    ///
    /// A command that fails inside the engine or a plugin (`EngineError.raisesIncident`; for a timer firing, any
    /// failure) commits an incident instead, and nothing else of the command, then throws `.incident`.
    @discardableResult
    public func perform(_ command: Command, on projectID: String) throws(ServiceError) -> Step {
        try serialized(projectID) { () throws(ServiceError) -> Step in
            let state = try currentState(of: projectID)
            let now = clock.now()
            var firedTimer: Int?
            if case .fireTimer(let timer) = command { firedTimer = timer }
            let engine: WorkflowEngine
            do throws(ServiceError) {
                engine = try self.engine(for: state)
            } catch {
                // A timer of a project whose definition or calendar is missing must not stop the other timers.
                guard let firedTimer, state.timers[firedTimer] != nil else { throw error }
                try raiseIncident(on: state, timer: firedTimer, error: error.description, at: now)
            }
            let step: Step
            do throws(EngineError) {
                step = try engine.handle(command, state: state, at: now)
            } catch {
                guard WorkflowService.raisesIncident(error, firingTimer: firedTimer) else { throw .engine(error) }
                try raiseIncident(on: state, timer: firedTimer, error: error.description, at: now,
                                  command: command.summary)
            }
            try commit(step, over: state)
            return step
        }
    }

    /// Whether `error` from `command` raises an incident: every failure of a timer firing but "nothing to fire",
    /// and the failures inside the engine or a plugin of a user's command.
    private static func raisesIncident(_ error: EngineError, firingTimer: Int?) -> Bool {
        guard firingTimer != nil else { return error.raisesIncident }
        switch error {
        case .timerNotFound, .timerNotDue, .instanceNotRunning: return false
        default: return true
        }
    }

    /// Fires every timer due by the clock's current time, earliest first, each in its own commit. Returns the
    /// ones that fired; a firing that fails raises an incident on its project (see `fireDueTimerBatch`).
    @discardableResult
    public func fireDueTimers(limit: Int = 1000) throws(ServiceError) -> [ScheduledTimer] {
        try fireDueTimerBatch(limit: limit).fired
    }

    /// Fires every timer due by the clock's current time, earliest first, each in its own commit. A firing that
    /// fails inside the engine or a plugin raises an incident on that project (which suspends the timer) and the
    /// batch goes on with the next timer; only a store failure ends it.
    public func fireDueTimerBatch(limit: Int = 1000) throws(ServiceError) -> TimerBatch {
        let due: [ScheduledTimer]
        do {
            due = try store.dueTimers(through: clock.now(), limit: limit)
        } catch {
            throw .store(error)
        }
        var batch = TimerBatch()
        for timer in due {
            // A timer cancelled by an earlier firing in this batch is no longer pending: skip it.
            guard let state = try currentStateIfAny(of: timer.projectID), state.isRunning,
                  state.timers[timer.timerID] != nil, !state.suspendedTimerIDs.contains(timer.timerID)
            else { continue }
            do throws(ServiceError) {
                try perform(.fireTimer(timer.timerID), on: timer.projectID)
                batch.fired.append(timer)
            } catch {
                guard case .incident(let project, let incident, _) = error else { throw error }
                batch.incidents.append(ProjectIncidentNumber(projectID: project, incident: incident))
            }
        }
        return batch
    }

    /// Recomputes the provisional due dates of every project that has one, with the calendars as loaded now (after
    /// a new year's holiday notice was added); each changed date is recorded in that project's history. Returns
    /// the ids of the projects whose dates changed. `shouldContinue` is asked before each project, so that a
    /// runner stopping can cut the pass short (the rest is done at its next start).
    @discardableResult
    public func recalculateProvisionalDeadlines(while shouldContinue: () -> Bool = { true }) throws(ServiceError)
        -> [String]
    {
        let candidates: [String]
        do {
            candidates = try store.projectsWithProvisionalTimers()
        } catch {
            throw .store(error)
        }
        var changed: [String] = []
        for projectID in candidates {
            guard shouldContinue() else { break }
            guard let state = try currentStateIfAny(of: projectID), state.isRunning else { continue }
            if try !perform(.recalculateProvisionalTimers, on: projectID).entries.isEmpty {
                changed.append(projectID)
            }
        }
        return changed
    }

    /// A project's current state.
    public func currentState(of projectID: String) throws(ServiceError) -> InstanceState {
        guard let state = try currentStateIfAny(of: projectID) else { throw .store(.unknownProject(projectID)) }
        return state
    }

    func currentStateIfAny(of projectID: String) throws(ServiceError) -> InstanceState? {
        do {
            return try store.state(of: projectID)
        } catch {
            throw .store(error)
        }
    }

    /// A project's history.
    public func history(of projectID: String) throws(ServiceError) -> [HistoryEntry] {
        do {
            return try store.history(of: projectID)
        } catch {
            throw .store(error)
        }
    }

    func serialized<T>(_ projectID: String, _ body: () throws(ServiceError) -> T) throws(ServiceError) -> T {
        var hasher = Hasher()
        hasher.combine(projectID)
        let stripe = Int(UInt(bitPattern: hasher.finalize()) % UInt(projectLocks.count))
        return try projectLocks[stripe].mutex.withLock { (_: inout Void) throws(ServiceError) -> T in try body() }
    }
}

/// One stripe of the service's project locks.
private final class StripeLock: Sendable {
    let mutex = Mutex(())
}

/// Why the service refused a request.
public enum ServiceError: Error, Sendable, CustomStringConvertible {
    case invalidDefinition(DefinitionError)
    case engine(EngineError)
    case store(StoreError)
    /// No deployed workflow `id` (at `version`); `nearest` is a deployed id close to a misspelt one.
    case unknownWorkflow(id: String, version: Int?, nearest: String?)
    case unknownCalendar(String)
    /// The command failed inside the engine or a plugin: incident `incident` of `project` records it, and
    /// nothing else of the command was stored.
    case incident(project: String, incident: Int, error: String)
    /// Retrying incident `incident` failed again: the new error is recorded and the incident stays open.
    case retryFailed(project: String, incident: Int, error: String)

    public var description: String {
        switch self {
        case .invalidDefinition(let error): return error.description
        case .engine(let error): return error.description
        case .store(let error): return error.description
        case .unknownWorkflow(let id, let version, let nearest):
            return "there is no deployed workflow \"\(id)\"" + (version.map { " version \($0)" } ?? "")
                + (nearest.map { "; did you mean \"\($0)\"?" } ?? "")
        case .unknownCalendar(let id): return "there is no working calendar \"\(id)\""
        case .incident(let project, let incident, let error):
            return "the command failed inside the engine and changed nothing: \(error); incident \(incident) of "
                + "project \"\(project)\" records it for an administrator (see docs/operations.md, \"Incidents\")"
        case .retryFailed(let project, let incident, let error):
            return "retrying incident \(incident) of project \"\(project)\" failed again: \(error); the incident "
                + "stays open with this error"
        }
    }
}
