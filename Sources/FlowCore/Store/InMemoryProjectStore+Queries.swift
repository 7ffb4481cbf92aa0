import Foundation

/// The indexed reads, computed from the states: the in-memory store is the reference the durable store's
/// indexes must agree with.
extension InMemoryProjectStore {
    public func starter(of id: String) throws(StoreError) -> ProjectStart? {
        contents.withLock { contents in
            guard let state = contents.states[id], let first = contents.histories[id]?.first else { return nil }
            return ProjectStart(projectID: id, starterID: first.actor.id, starterDepartment: first.actor.department,
                                startedAt: state.startedAt, definitionID: state.definitionID,
                                definitionVersion: state.definitionVersion)
        }
    }

    public func openTasks(for filter: TaskFilter) throws(StoreError) -> [OpenTaskRecord] {
        let wanted = Set(filter.assignees)
        return states(in: filter.scope).flatMap(\.openTaskRecords)
            .filter { filter.everyone || wanted.contains($0.task.assignee) }
            .sorted(by: OpenTaskRecord.inboxOrder)
    }

    public func deadlines(from: CivilDate, through: CivilDate, scope: ProjectScope) throws(StoreError)
        -> [DeadlineRecord]
    {
        states(in: scope).filter(\.isRunning).flatMap(\.deadlineRecords)
            .filter { from <= $0.due.date && $0.due.date <= through }.sorted(by: DeadlineRecord.windowOrder)
    }

    public func overdueRecords(scope: ProjectScope) throws(StoreError) -> [ProjectOverdueRecord] {
        states(in: scope).flatMap(\.overdueRecords).sorted(by: ProjectOverdueRecord.listOrder)
    }

    public func statistics() throws(StoreError) -> StoreStatistics {
        contents.withLock { contents in
            var statistics = StoreStatistics()
            for state in contents.states.values {
                statistics.projectsByStatus[state.statusName, default: 0] += 1
                for activation in state.activations.values {
                    statistics.activationsByNode[state.definitionID, default: [:]][activation.node, default: 0] += 1
                }
                for timer in state.timers.values { statistics.timersByPurpose[timer.purpose.name, default: 0] += 1 }
                statistics.overdueRecords += state.overdue.count
                statistics.openTasks += state.openTaskRecords.count
                let fired = HistoryEntry.firedTimers(in: contents.histories[state.id] ?? [])
                statistics.timersFired += fired.fired
                statistics.timersFiredLate += fired.late
            }
            return statistics
        }
    }

    /// The states of the projects in `scope` (a project's starter is the actor of its first entry).
    private func states(in scope: ProjectScope) -> [InstanceState] {
        contents.withLock { contents in
            contents.states.values.filter { state in
                guard case .startedBy = scope else { return true }
                guard let starter = contents.histories[state.id]?.first?.actor else { return false }
                return scope.includes(starterID: starter.id, starterDepartment: starter.department)
            }
        }
    }
}
