import Foundation

extension WorkflowEngine {
    /// Retries an open incident raised by a timer: the timer fires again (late by however long it was suspended)
    /// and, when the firing succeeds, the incident is resolved as `retried` by `actor` in the same step. A firing
    /// that fails again throws its error, and the caller records it on the incident.
    public func retryIncident(_ number: Int, actor: Actor, comment: String?, state: InstanceState, at now: Date)
        throws(EngineError) -> Step
    {
        try checkDefinition(of: state)
        let incident = try WorkflowEngine.openIncident(number, in: state)
        guard let timerID = incident.timer else {
            throw .incidentNotRetryable(incident: number, reason: "it was raised by a user's command "
                + "(\(incident.command)); the user repeats the command once the cause is fixed, then an administrator "
                + "resolves the incident")
        }
        guard state.isRunning else { throw .instanceNotRunning(state.status) }
        guard state.timers[timerID] != nil else {
            throw .incidentNotRetryable(incident: number, reason: "its timer \(timerID) is no longer pending; "
                + "resolve it without \"moveTo\"")
        }
        var builder = StepBuilder(engine: self, state: state, now: now, actor: .system)
        try builder.fire(timer: timerID)
        builder.emit(.incidentResolved(incident: number, resolution: .retried, movedTo: nil, comment: comment),
                     actor: actor)
        return builder.step
    }

    /// Resolves an open incident by moving the project to `target`: the stage or wait the token is in is
    /// cancelled (reason `moved(to:)`), then the token enters `target`, all in one step with `incidentResolved`.
    ///
    /// The token moved is the one the incident's timer belongs to, or the project's only token.
    public func resolveIncident(_ number: Int, movingTo target: String, actor: Actor, comment: String?,
                                state: InstanceState, at now: Date) throws(EngineError) -> Step
    {
        try checkDefinition(of: state)
        let incident = try WorkflowEngine.openIncident(number, in: state)
        guard state.isRunning else { throw .instanceNotRunning(state.status) }
        let token = try tokenToMove(for: incident, in: state, to: target)
        var builder = StepBuilder(engine: self, state: state, now: now, actor: actor)
        builder.emit(.incidentResolved(incident: number, resolution: .moved, movedTo: target, comment: comment))
        try builder.cancelWork(of: token, reason: .moved(to: target))
        try builder.move(token: token, to: target)
        return builder.step
    }

    private func checkDefinition(of state: InstanceState) throws(EngineError) {
        guard state.definitionID == definition.id, state.definitionVersion == definition.version else {
            throw .wrongDefinition(expected: "\(definition.id)@\(definition.version)",
                                   found: "\(state.definitionID)@\(state.definitionVersion)")
        }
    }

    /// Incident `number` of `state`, which must be open.
    static func openIncident(_ number: Int, in state: InstanceState) throws(EngineError) -> Incident {
        guard let incident = state.incidents[number] else { throw .incidentNotFound(number) }
        guard incident.isOpen else { throw .incidentNotOpen(number) }
        return incident
    }

    private func tokenToMove(for incident: Incident, in state: InstanceState, to target: String) throws(EngineError)
        -> Int
    {
        guard let node = definition.node(target) else {
            throw .moveNotPossible(node: target, reason: "definition \(definition.id)@\(definition.version) has no "
                + "such node" + Suggestion.hint(for: target, in: definition.nodes.map(\.id)))
        }
        if case .join = node.kind {
            throw .moveNotPossible(node: target, reason: "it is a parallel join; move to a node before or after "
                + "the parallel block")
        }
        let token: Int
        if let timerID = incident.timer, let timer = state.timers[timerID], state.tokens[timer.tokenID] != nil {
            token = timer.tokenID
        } else if state.tokens.count == 1, let only = state.tokens.keys.first {
            token = only
        } else {
            throw .moveNotPossible(node: target, reason: "the project has \(state.tokens.count) tokens and the "
                + "incident names no pending timer, so which one to move is unclear; resolve it without \"moveTo\"")
        }
        var splits: Set<String> = []
        var scope = state.tokens[token]?.scope
        while let id = scope, let current = state.scopes[id] {
            splits.insert(current.split)
            scope = current.parent
        }
        for split in definition.parallelBlocks.splits
        where definition.parallelBlocks.contains(target, inBlockOf: split) && !splits.contains(split) {
            throw .moveNotPossible(node: target, reason: "it lies inside the parallel block of \"\(split)\", which "
                + "the moved token is not in; move to \"\(split)\" to run the block from its start")
        }
        return token
    }
}

extension InstanceState {
    /// The step that marks open incident `number` resolved by `actor` with a comment. A timer it suspended is
    /// cancelled in the same step (it would only fail again); the project otherwise stays where it is.
    public func markingIncidentResolved(_ number: Int, actor: Actor, comment: String?, at now: Date)
        throws(EngineError) -> Step
    {
        let incident = try WorkflowEngine.openIncident(number, in: self)
        var events: [(Event, Actor)] = [
            (.incidentResolved(incident: number, resolution: .marked, movedTo: nil, comment: comment), actor),
        ]
        if let timer = incident.timer, timers[timer] != nil { events.append((.timerCancelled(timer: timer), .system)) }
        return appending(events, at: now)
    }
}
