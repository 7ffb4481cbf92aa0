import Foundation

/// What one pass over the due timers did: the timers that fired and the incidents raised by those that failed.
public struct TimerBatch: Hashable, Sendable {
    /// The timers that fired, in firing order.
    public var fired: [ScheduledTimer] = []
    /// The incidents raised by timers whose firing failed (each timer is suspended until its incident is handled).
    public var incidents: [ProjectIncidentNumber] = []

    /// Whether the pass found nothing due.
    public var isEmpty: Bool { fired.isEmpty && incidents.isEmpty }
}

/// An incident by project and number.
public struct ProjectIncidentNumber: Hashable, Sendable {
    public let projectID: String
    public let incident: Int

    public init(projectID: String, incident: Int) {
        self.projectID = projectID
        self.incident = incident
    }
}

extension WorkflowService {
    /// Calls `observer` after each commit that raises an incident or records a failed retry (the runner logs it).
    public func observeIncidents(_ observer: @escaping @Sendable (IncidentReport) -> Void) {
        incidentObservers.withLock { $0.append(observer) }
    }

    /// The incidents of every project with `status` (all when `nil`), by when they were raised.
    public func incidents(status: Incident.Status? = nil) throws(ServiceError) -> [ProjectIncident] {
        do {
            return try store.incidents(status: status)
        } catch {
            throw .store(error)
        }
    }

    /// Retries an open incident raised by a timer: the timer fires again, and the incident is resolved in the
    /// same commit. A firing that fails again records the new error on the incident and throws `.retryFailed`.
    @discardableResult
    public func retryIncident(_ number: Int, of projectID: String, actor: Actor, comment: String?)
        throws(ServiceError) -> Step
    {
        try serialized(projectID) { () throws(ServiceError) -> Step in
            let state = try currentState(of: projectID)
            let now = clock.now()
            let engine = try engine(for: state)
            let step: Step
            do throws(EngineError) {
                step = try engine.retryIncident(number, actor: actor, comment: comment, state: state, at: now)
            } catch {
                switch error {
                case .incidentNotFound, .incidentNotOpen, .incidentNotRetryable, .instanceNotRunning,
                     .wrongDefinition:
                    throw .engine(error)
                default:
                    let failure = state.failingRetry(of: number, error: error.description, by: actor, at: now)
                    try commit(failure, over: state)
                    report(.failedAgain, number, in: failure.state)
                    throw .retryFailed(project: projectID, incident: number, error: error.description)
                }
            }
            try commit(step, over: state)
            return step
        }
    }

    /// Resolves an open incident: by moving the project to node `moveTo` (its current stage or wait there is
    /// cancelled), or, without `moveTo`, by marking it resolved (a timer it suspended is cancelled). A move that
    /// fails stores nothing and throws the engine's error.
    @discardableResult
    public func resolveIncident(_ number: Int, of projectID: String, moveTo: String?, actor: Actor,
                                comment: String?) throws(ServiceError) -> Step
    {
        try serialized(projectID) { () throws(ServiceError) -> Step in
            let state = try currentState(of: projectID)
            let now = clock.now()
            let step: Step
            let engine = try moveTo == nil ? nil : engine(for: state)
            do throws(EngineError) {
                if let moveTo, let engine {
                    step = try engine.resolveIncident(number, movingTo: moveTo, actor: actor,
                                                                  comment: comment, state: state, at: now)
                } else {
                    step = try state.markingIncidentResolved(number, actor: actor, comment: comment, at: now)
                }
            } catch {
                throw .engine(error)
            }
            try commit(step, over: state)
            return step
        }
    }

    /// Commits the step that records a failure as an incident, tells the observers, and throws `.incident`.
    func raiseIncident(on state: InstanceState, timer: Int?, error: String, at now: Date, command: String? = nil)
        throws(ServiceError) -> Never
    {
        let what = timer.flatMap { state.timers[$0]?.firingSummary } ?? command ?? "fire timer \(timer ?? 0)"
        let step = state.raisingIncident(timer: timer, command: what, error: error, at: now)
        try commit(step, over: state)
        guard let entry = step.entries.last else { preconditionFailure("an incident step records one event") }
        switch entry.event {
        case .incidentRaised(let number, _, _, _):
            report(.raised, number, in: step.state)
            throw .incident(project: state.id, incident: number, error: error)
        case .incidentRetryFailed(let number, _):
            report(.failedAgain, number, in: step.state)
            throw .incident(project: state.id, incident: number, error: error)
        default:
            preconditionFailure("an incident step records an incident event, not \(entry.event)")
        }
    }

    /// Commits `step`, computed from `state`.
    func commit(_ step: Step, over state: InstanceState) throws(ServiceError) {
        do throws(StoreError) {
            try store.commit(project: state.id, expectedSequence: state.lastSequence, state: step.state,
                             entries: step.entries)
        } catch {
            throw .store(error)
        }
    }

    private func report(_ kind: IncidentReport.Kind, _ number: Int, in state: InstanceState) {
        guard let incident = state.incidents[number] else { return }
        let report = IncidentReport(kind: kind, projectID: state.id, incident: incident)
        for observer in incidentObservers.withLock({ $0 }) { observer(report) }
    }
}
