/// The lifecycle of a project and of what lives in it (tokens, parallel scopes, stage activations, tasks, timers)
/// as data: which event may happen to a thing in which status. One check, `Lifecycle.check(_:in:)`, reads the
/// table; `InstanceState.apply(_:)` runs it on every stored entry it replays and the engine on every event it
/// emits, so an impossible history (a decision on a closed task, a move of a token that does not exist, an event
/// after the project ended) is a `ReplayError`, never a silent no-op. After Zeebe's `ProcessInstanceLifecycle`.
public enum Lifecycle {
    /// What an event acts on.
    public enum Subject: String, Hashable, Sendable {
        case project, token, scope, activation, task, timer, incident
    }

    /// Where a subject is in its life.
    public enum Status: String, Hashable, Sendable {
        /// A project before its start event.
        case notStarted = "not started"
        /// A project that runs.
        case running
        /// A project that reached an end node.
        case ended
        /// A project that was withdrawn.
        case withdrawn
        /// A token, scope, activation, task or timer whose id has not been handed out yet.
        case new = "not yet created"
        /// A token, scope, activation or timer that exists.
        case live
        /// A token, scope, activation or timer that was removed, completed or cancelled (or an id that never
        /// named one).
        case gone = "gone"
        /// A task waiting for its assignee.
        case open
        /// A task delegated (委派) and not yet handed back.
        case delegated
        /// A task decided.
        case decided
        /// A task closed without a decision (or an id that never named a task).
        case closed
        /// An incident resolved by a retry, a move or by hand.
        case resolved
    }

    /// The statuses a live project, token… must have. Every event but the start needs a running project.
    private static let running: Set<Status> = [.running]
    private static let taskInHand: Set<Status> = [.open, .delegated]

    /// Which statuses each subject of an event must be in, by event name.
    public static let table: [String: [Subject: Set<Status>]] = [
        "instanceStarted": [.project: [.notStarted]],
        "tokenCreated": [.project: running, .token: [.new], .scope: [.live]],
        "tokenMoved": [.project: running, .token: [.live], .scope: [.live]],
        "tokenRemoved": [.project: running, .token: [.live]],
        "scopeOpened": [.project: running, .scope: [.new]],
        "branchArrived": [.project: running, .scope: [.live], .token: [.live]],
        "scopeCompleted": [.project: running, .scope: [.live]],
        "scopeCancelled": [.project: running, .scope: [.live]],
        "gatewayPassed": [.project: running],
        "stageEntered": [.project: running, .activation: [.new], .token: [.live]],
        "stageStateSaved": [.project: running, .activation: [.live]],
        "taskOpened": [.project: running, .task: [.new], .activation: [.live]],
        "taskDecided": [.project: running, .task: [.open]],
        "taskTransferred": [.project: running, .task: taskInHand],
        "taskDelegated": [.project: running, .task: [.open]],
        "taskHandedBack": [.project: running, .task: [.delegated]],
        "reviewerAdded": [.project: running, .task: taskInHand],
        "taskReturned": [.project: running, .task: taskInHand],
        "taskUrged": [.project: running, .task: taskInHand],
        "taskClosed": [.project: running, .task: taskInHand],
        "timerScheduled": [.project: running, .timer: [.new], .activation: [.live]],
        "timerRescheduled": [.project: running, .timer: [.live]],
        "timerFired": [.project: running, .timer: [.live]],
        "timerCancelled": [.project: running, .timer: [.live]],
        "deadlineExpired": [.project: running, .activation: [.live]],
        "reminderSent": [.project: running, .activation: [.live]],
        "factRecorded": [.project: running, .activation: [.live]],
        "noteRecorded": [.project: running, .activation: [.live]],
        "stageCompleted": [.project: running, .activation: [.live]],
        "stageCancelled": [.project: running, .activation: [.live]],
        "instanceEnded": [.project: running],
        "instanceWithdrawn": [.project: running],
        "incidentRaised": [.project: running, .incident: [.new], .timer: [.live]],
        "incidentRetryFailed": [.project: running, .incident: [.open]],
        // An incident may be resolved after the project ended (e.g. a user's command failed, then succeeded).
        "incidentResolved": [.project: [.running, .ended, .withdrawn], .incident: [.open]],
    ]

    /// Whether `event` may happen to `subject` in `status`, by the table.
    public static func allows(_ event: String, _ subject: Subject, in status: Status) -> Bool {
        table[event]?[subject]?.contains(status) ?? false
    }

    /// Checks an entry against the state it is about to be applied to: each subject the event names must be in a
    /// status the table allows.
    static func check(_ entry: HistoryEntry, in state: InstanceState) throws(ReplayError) {
        let name = entry.event.typeName
        let projectStatus = status(ofProjectIn: state)
        guard allows(name, .project, in: projectStatus) else {
            throw .impossibleEvent(project: state.id, sequence: entry.sequence, event: name,
                                   subject: "the project", status: projectStatus.rawValue)
        }
        for (subject, id) in entry.event.lifecycleSubjects {
            let current = status(of: subject, id: id, in: state)
            guard allows(name, subject, in: current) else {
                throw .impossibleEvent(project: state.id, sequence: entry.sequence, event: name,
                                       subject: "\(subject.rawValue) \(id)", status: current.rawValue)
            }
        }
    }

    private static func status(ofProjectIn state: InstanceState) -> Status {
        guard state.lastSequence > 0 else { return .notStarted }
        switch state.status {
        case .running: return .running
        case .ended: return .ended
        case .withdrawn: return .withdrawn
        }
    }

    private static func status(of subject: Subject, id: Int, in state: InstanceState) -> Status {
        let live: Bool
        switch subject {
        case .project: return status(ofProjectIn: state)
        case .token: live = state.tokens[id] != nil
        case .scope: live = state.scopes[id] != nil
        case .activation: live = state.activations[id] != nil
        case .timer: live = state.timers[id] != nil
        case .incident:
            guard let incident = state.incidents[id] else { return .new }
            return incident.status == .open ? .open : .resolved
        case .task:
            if let task = state.tasks[id] { return task.delegatedBy == nil ? .open : .delegated }
            if let finished = state.finishedTasks[id] { return finished.status == .decided ? .decided : .closed }
            return id >= state.nextID ? .new : .closed
        }
        if live { return .live }
        return id >= state.nextID ? .new : .gone
    }
}
