import Foundation
import Synchronization

/// A `ProjectStore` in memory: for tests, the simulator, and as the reference for durable stores.
public final class InMemoryProjectStore: ProjectStore {
    struct Contents {
        var definitions: [DefinitionRecord] = []
        var states: [String: InstanceState] = [:]
        var histories: [String: [HistoryEntry]] = [:]
        /// Pending timers of every project, in firing order.
        var timers = TimerQueue()
        /// Each project's pending timers, to replace them when the project changes.
        var timersByProject: [String: [ScheduledTimer]] = [:]
    }

    let contents = Mutex(Contents())

    public init() {}

    public func deploy(_ record: DefinitionRecord) throws(StoreError) {
        try contents.withLock { (contents: inout Contents) throws(StoreError) in
            if contents.definitions.contains(where: { $0.id == record.id && $0.version == record.version }) {
                throw .duplicateDefinition(id: record.id, version: record.version)
            }
            contents.definitions.append(record)
            contents.definitions.sort { ($0.id, $0.version) < ($1.id, $1.version) }
        }
    }

    public func definitionRecords() throws(StoreError) -> [DefinitionRecord] {
        contents.withLock { $0.definitions }
    }

    public func insert(project state: InstanceState, entries: [HistoryEntry]) throws(StoreError) {
        try contents.withLock { (contents: inout Contents) throws(StoreError) in
            guard contents.states[state.id] == nil else { throw .duplicateProject(state.id) }
            contents.states[state.id] = state
            contents.histories[state.id] = entries
            InMemoryProjectStore.replaceTimers(of: state, in: &contents)
        }
    }

    public func commit(project id: String, expectedSequence: Int, state: InstanceState, entries: [HistoryEntry])
        throws(StoreError)
    {
        try contents.withLock { (contents: inout Contents) throws(StoreError) in
            guard let current = contents.states[id] else { throw .unknownProject(id) }
            guard current.lastSequence == expectedSequence else {
                throw .conflict(project: id, expected: expectedSequence, found: current.lastSequence)
            }
            contents.states[id] = state
            contents.histories[id, default: []].append(contentsOf: entries)
            InMemoryProjectStore.replaceTimers(of: state, in: &contents)
        }
    }

    private static func replaceTimers(of state: InstanceState, in contents: inout Contents) {
        let current = state.activeTimers.map { ScheduledTimer(projectID: state.id, timerID: $0.id, fireAt: $0.fireAt) }
        let previous = contents.timersByProject[state.id] ?? []
        let kept = Set(current)
        for timer in previous where !kept.contains(timer) { contents.timers.remove(timer) }
        for timer in current { contents.timers.insert(timer) }
        contents.timersByProject[state.id] = current.isEmpty ? nil : current
    }

    public func state(of id: String) throws(StoreError) -> InstanceState? {
        contents.withLock { $0.states[id] }
    }

    public func history(of id: String) throws(StoreError) -> [HistoryEntry] {
        contents.withLock { $0.histories[id] ?? [] }
    }

    public func projectIDs() throws(StoreError) -> [String] {
        contents.withLock { $0.states.keys.sorted() }
    }

    public func runningProjectIDs() throws(StoreError) -> [String] {
        contents.withLock { $0.states.values.filter(\.isRunning).map(\.id).sorted() }
    }

    public func dueTimers(through instant: Date, limit: Int) throws(StoreError) -> [ScheduledTimer] {
        contents.withLock { $0.timers.due(through: instant, limit: limit) }
    }

    public func projectsWithProvisionalTimers() throws(StoreError) -> [String] {
        contents.withLock { contents in
            contents.states.values.filter { $0.activeTimers.contains { $0.due.provisional } }.map(\.id).sorted()
        }
    }

    public func incidents(status: Incident.Status?) throws(StoreError) -> [ProjectIncident] {
        contents.withLock { contents in
            contents.states.values.flatMap { state in
                state.incidents.values.filter { status == nil || $0.status == status }
                    .map { ProjectIncident(projectID: state.id, incident: $0) }
            }.sorted(by: ProjectIncident.listingOrder)
        }
    }

    public func nextTimer() throws(StoreError) -> ScheduledTimer? {
        contents.withLock { $0.timers.first() }
    }
}
