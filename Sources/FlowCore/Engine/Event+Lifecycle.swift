extension Event {
    /// The event's case name: its record's `type` (docs/formats.md) and its row in `Lifecycle.table`.
    public var typeName: String {
        switch self {
        case .instanceStarted: return "instanceStarted"
        case .tokenCreated: return "tokenCreated"
        case .tokenMoved: return "tokenMoved"
        case .tokenRemoved: return "tokenRemoved"
        case .scopeOpened: return "scopeOpened"
        case .branchArrived: return "branchArrived"
        case .scopeCompleted: return "scopeCompleted"
        case .scopeCancelled: return "scopeCancelled"
        case .gatewayPassed: return "gatewayPassed"
        case .stageEntered: return "stageEntered"
        case .stageStateSaved: return "stageStateSaved"
        case .taskOpened: return "taskOpened"
        case .taskDecided: return "taskDecided"
        case .taskTransferred: return "taskTransferred"
        case .taskDelegated: return "taskDelegated"
        case .taskHandedBack: return "taskHandedBack"
        case .reviewerAdded: return "reviewerAdded"
        case .taskReturned: return "taskReturned"
        case .taskUrged: return "taskUrged"
        case .taskClosed: return "taskClosed"
        case .timerScheduled: return "timerScheduled"
        case .timerRescheduled: return "timerRescheduled"
        case .timerFired: return "timerFired"
        case .timerCancelled: return "timerCancelled"
        case .deadlineExpired: return "deadlineExpired"
        case .reminderSent: return "reminderSent"
        case .factRecorded: return "factRecorded"
        case .noteRecorded: return "noteRecorded"
        case .stageCompleted: return "stageCompleted"
        case .stageCancelled: return "stageCancelled"
        case .instanceEnded: return "instanceEnded"
        case .instanceWithdrawn: return "instanceWithdrawn"
        case .incidentRaised: return "incidentRaised"
        case .incidentRetryFailed: return "incidentRetryFailed"
        case .incidentResolved: return "incidentResolved"
        }
    }

    /// The tokens, scopes, activations, tasks and timers the event acts on, with their ids (besides the project,
    /// which every event acts on). Optional references (a token's scope, a timer's activation) appear when set.
    var lifecycleSubjects: [(Lifecycle.Subject, Int)] {
        switch self {
        case .instanceStarted, .gatewayPassed, .instanceEnded, .instanceWithdrawn:
            return []
        case .tokenCreated(let token, _, let scope), .tokenMoved(let token, _, let scope):
            return [(.token, token)] + (scope.map { [(.scope, $0)] } ?? [])
        case .tokenRemoved(let token):
            return [(.token, token)]
        case .scopeOpened(let scope, _, _, _, _), .scopeCompleted(let scope), .scopeCancelled(let scope, _):
            return [(.scope, scope)]
        case .branchArrived(let scope, let token):
            return [(.scope, scope), (.token, token)]
        case .stageEntered(let activation, let token, _, _):
            return [(.activation, activation), (.token, token)]
        case .taskOpened(let task):
            return [(.task, task.id), (.activation, task.activationID)]
        case .taskDecided(let task, _, _, _, _), .taskTransferred(let task, _, _, _), .taskDelegated(let task, _, _, _),
             .taskHandedBack(let task, _, _), .reviewerAdded(let task, _, _, _), .taskReturned(let task, _, _),
             .taskUrged(let task, _), .taskClosed(let task, _):
            return [(.task, task)]
        case .timerScheduled(let timer):
            return [(.timer, timer.id)] + (timer.activationID.map { [(.activation, $0)] } ?? [])
        case .timerRescheduled(let timer, _, _), .timerFired(let timer, _), .timerCancelled(let timer):
            return [(.timer, timer)]
        case .stageStateSaved(let activation, _), .deadlineExpired(let activation, _, _, _),
             .reminderSent(let activation, _, _), .factRecorded(let activation, _, _),
             .noteRecorded(let activation, _, _, _), .stageCompleted(let activation, _),
             .stageCancelled(let activation, _):
            return [(.activation, activation)]
        case .incidentRaised(let incident, let timer, _, _):
            return [(.incident, incident)] + (timer.map { [(.timer, $0)] } ?? [])
        case .incidentRetryFailed(let incident, _), .incidentResolved(let incident, _, _, _):
            return [(.incident, incident)]
        }
    }
}
