import Foundation

extension InstanceState {
    /// Applies an incident event (the only events that change `incidents`).
    mutating func applyIncident(_ entry: HistoryEntry) {
        var all = incidentsByNumber ?? [:]
        switch entry.event {
        case .incidentRaised(let number, let timer, let command, let error):
            all[number] = Incident(id: number, timer: timer, command: command, error: error, failures: 1,
                                   raisedAt: entry.at, status: .open)
        case .incidentRetryFailed(let number, let error):
            all[number]?.error = error
            all[number]?.failures += 1
        case .incidentResolved(let number, let resolution, let movedTo, let comment):
            all[number]?.status = .resolved
            all[number]?.resolution = resolution
            all[number]?.movedTo = movedTo
            all[number]?.resolvedBy = entry.actor.id
            all[number]?.resolvedAt = entry.at
            all[number]?.comment = comment
        default:
            return
        }
        incidentsByNumber = all
    }

    /// The step that records a failure as an incident, by `Actor.system`, and nothing else of the failed command.
    ///
    /// A user's command that fails again while an incident for the same command is open records the new error
    /// on that incident (`incidentRetryFailed`) instead of raising another one.
    public func raisingIncident(timer: Int?, command: String, error: String, at now: Date) -> Step {
        if timer == nil, let same = openIncidents.first(where: { $0.timer == nil && $0.command == command }) {
            return appending([(.incidentRetryFailed(incident: same.id, error: error), .system)], at: now)
        }
        let number = (incidents.keys.max() ?? 0) + 1
        return appending([(.incidentRaised(incident: number, timer: timer, command: command, error: error), .system)],
                         at: now)
    }

    /// The step that records a failed retry of incident `number` by `actor`.
    public func failingRetry(of number: Int, error: String, by actor: Actor, at now: Date) -> Step {
        appending([(.incidentRetryFailed(incident: number, error: error), actor)], at: now)
    }

    /// A step of the given events, applied in order after the current state.
    func appending(_ events: [(Event, Actor)], at now: Date) -> Step {
        var state = self
        var entries: [HistoryEntry] = []
        for (event, actor) in events {
            let entry = HistoryEntry(sequence: state.lastSequence + 1, at: now, actor: actor, event: event)
            state.applyInOrder(entry)
            entries.append(entry)
        }
        return Step(state: state, entries: entries)
    }
}
