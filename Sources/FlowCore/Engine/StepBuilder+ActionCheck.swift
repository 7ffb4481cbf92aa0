extension StepBuilder {
    /// Checks one action a stage returned before the engine applies it, so that a plugin's mistake is a refused
    /// command (`EngineError.stageMisbehaved`) and never a trap or a silently dropped action.
    ///
    /// - Parameters:
    ///   - number: the action's position in what the stage returned, from 1.
    ///   - cancelling: whether the stage is being cancelled, when it may only save state, record facts and notes.
    func check(_ action: StageAction<JSONValue>, number: Int, activation: InstanceState.Activation, node: Node,
               stage: StageNode, cancelling: Bool) throws(EngineError) {
        func misbehaved(_ problem: String) -> EngineError {
            .stageMisbehaved(node: node.id, kind: stage.stageKind, problem: "action \(number) (\(action)) \(problem)")
        }
        if cancelling {
            switch action {
            case .setState, .recordFact, .note: break
            default: throw misbehaved("is not allowed while the stage is cancelled; a cancelled stage may only "
                                          + "save its state, record facts and notes")
            }
        }
        switch action {
        case .openTask(let request):
            guard !request.key.isEmpty else { throw misbehaved("opens a task with an empty key") }
            if state.openTasks.contains(where: { $0.activationID == activation.id && $0.key == request.key }) {
                throw misbehaved("opens a task with key \"\(request.key)\", which is already open")
            }
            guard !request.outcomes.isEmpty else { throw misbehaved("opens a task that offers no outcome") }
            guard Set(request.outcomes).count == request.outcomes.count else {
                throw misbehaved("opens a task that offers an outcome twice")
            }
            if let problem = request.due?.problem {
                throw misbehaved("gives the task an invalid due period: \(problem)")
            }
        case .closeTask(let key, _):
            guard state.openTasks.contains(where: { $0.activationID == activation.id && $0.key == key }) else {
                throw misbehaved("closes a task with key \"\(key)\", but the stage has no such open task")
            }
        case .scheduleTimer(let key, let period):
            guard !key.isEmpty else { throw misbehaved("schedules a timer with an empty key") }
            if let problem = period.problem {
                throw misbehaved("schedules a timer after an invalid period: \(problem)")
            }
        case .scheduleTimerOn(let key, _):
            guard !key.isEmpty else { throw misbehaved("schedules a timer with an empty key") }
        case .cancelTimer(let key):
            guard state.timers.values.contains(where: {
                $0.activationID == activation.id && $0.purpose == .stage(key)
            }) else { throw misbehaved("cancels a timer with key \"\(key)\", but the stage has no such pending timer") }
        case .recordFact(let name, _):
            guard !name.isEmpty else { throw misbehaved("records a fact with an empty name") }
        case .complete(let outcome):
            let declared = engine.registry.kind(stage.stageKind).map { $0.outcomes(of: stage.read) } ?? []
            guard declared.contains(outcome) else {
                throw misbehaved("completes with \"\(outcome)\", which the kind does not declare; it declares "
                                     + declared.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            guard stage.target(of: outcome) != nil else {
                throw misbehaved("completes with \"\(outcome)\", which the node does not route; it routes "
                                     + stage.outcomes.map { "\"\($0.outcome)\"" }.joined(separator: ", "))
            }
        case .setState, .note:
            break
        }
    }
}
