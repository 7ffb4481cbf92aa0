import Foundation

extension StepBuilder {
    private func kind(of activation: InstanceState.Activation) -> any StageKind {
        guard let kind = engine.registry.kind(activation.kind) else {
            preconditionFailure("stage kind \"\(activation.kind)\" is not registered; the definition was validated "
                                    + "against another registry")
        }
        return kind
    }

    private func stageNode(_ id: String) -> (Node, StageNode) {
        guard let node = definition.node(id), case .stage(let stage) = node.kind else {
            preconditionFailure("node \"\(id)\" is not a stage node")
        }
        return (node, stage)
    }

    /// What the stage may know, built from the current state; the kind decodes the state itself.
    func context(for activationID: Int) -> StageContext<StageParameters, JSONValue> {
        guard let activation = state.activations[activationID] else {
            preconditionFailure("activation \(activationID) is not running")
        }
        let (node, stage) = stageNode(activation.node)
        return StageContext(
            activationID: activationID, nodeID: node.id, nodeName: node.name, parameters: stage.read,
            state: activation.state, project: state.variables, computed: state.computed, facts: state.facts,
            openTasks: state.openTasks.filter { $0.activationID == activationID },
            pendingTimers: state.pendingTimers(of: activationID),
            now: now, periods: engine.periods)
    }

    /// Calls the stage of a running activation.
    private func call(_ call: StageCall, activation: InstanceState.Activation) throws(EngineError)
        -> [StageAction<JSONValue>]
    {
        try kind(of: activation).call(call, context: context(for: activation.id))
    }

    /// Enters a stage: records the activation, schedules the node's deadlines and reminders, and lets the kind act.
    mutating func enterStage(node: Node, stage: StageNode, token: Int) throws(EngineError) {
        let activationID = nextID
        emit(.stageEntered(activation: activationID, token: token, node: node.id, kind: stage.stageKind),
             actor: .system)
        for deadline in stage.deadlines where deadline.task == nil {
            scheduleDeadline(deadline, activation: activationID, token: token, node: node.id)
        }
        guard let activation = state.activations[activationID] else { return }
        try perform(try call(.enter, activation: activation), in: activationID)
    }

    /// Schedules a node deadline and its reminders, counted from today.
    mutating func scheduleDeadline(_ deadline: Deadline, activation activationID: Int, token: Int, node: String) {
        let rule: DueRule
        switch deadline.due {
        case .period(let period): rule = .period(period, from: today)
        case .recurring(let day):
            // After the occurrence last asked for: a report handed in early is not asked for twice.
            let afterLast = state.lastRecurringDue["\(node)#\(deadline.id)"].map { $0.adding(days: 1) }
            rule = .recurring(day, onOrAfter: max(today, afterLast ?? today))
        }
        emit(.timerScheduled(PendingTimer(
            id: nextID, purpose: .deadline(deadline.id), activationID: activationID, tokenID: token,
            nodeID: node, rule: rule, due: rule.dueDate(using: engine.periods))), actor: .system)
        for offset in deadline.remindBefore {
            let reminder = DueRule.before(offset, deadline: rule)
            let due = reminder.dueDate(using: engine.periods)
            guard due.date.endInChina > now else { continue }  // Too late to remind before this deadline.
            emit(.timerScheduled(PendingTimer(
                id: nextID, purpose: .reminder(deadline.id), activationID: activationID, tokenID: token,
                nodeID: node, rule: reminder, due: due)), actor: .system)
        }
    }

    /// Cancels the deadlines (and their reminders) that run while a task with `key` is open.
    mutating func endTaskDeadlines(key: String, activation activationID: Int, node: String) {
        guard case .stage(let stage)? = definition.node(node)?.kind else { return }
        let bound = Set(stage.deadlines.filter { $0.task == key }.map(\.id))
        guard !bound.isEmpty else { return }
        for timer in state.pendingTimers where timer.activationID == activationID {
            switch timer.purpose {
            case .deadline(let id), .reminder(let id):
                if bound.contains(id) { emit(.timerCancelled(timer: timer.id), actor: .system) }
            case .stage, .wait:
                continue
            }
        }
    }

    /// An actor decides an open task.
    mutating func decide(task taskID: Int, outcome: String, comment: String?, data: JSONValue) throws(EngineError) {
        let task = try openTask(taskID, assignedToActor: true)
        if let delegator = task.delegatedBy { throw .delegated(task: taskID, by: delegator) }
        let waitingFor = state.openTasks.filter { $0.consultationOf == taskID && $0.blocking }.map(\.id)
        guard waitingFor.isEmpty else { throw .awaitingAddedReviewers(task: taskID, consultations: waitingFor) }
        guard task.outcomes.contains(outcome) else {
            throw .outcomeNotOffered(task: taskID, outcome: outcome, offered: task.outcomes)
        }
        emit(.taskDecided(task: taskID, actor: actor, outcome: outcome, comment: comment, data: data))
        // An added reviewer's opinion is recorded; the stage hears only decisions on its own tasks.
        guard task.consultationOf == nil else { return }
        endTaskDeadlines(key: task.key, activation: task.activationID, node: task.nodeID)
        guard let activation = state.activations[task.activationID] else {
            preconditionFailure("open task \(taskID) belongs to activation \(task.activationID), which is not running")
        }
        let decision = TaskDecision(task: task, actor: actor, outcome: outcome, comment: comment, data: data)
        try perform(try call(.decide(decision), activation: activation), in: activation.id)
    }

    /// Lets a stage react to one of its timers.
    mutating func notifyStage(_ activationID: Int, of timer: FiredTimer) throws(EngineError) {
        guard let activation = state.activations[activationID] else { return }
        try perform(try call(.timerFired(timer), activation: activation), in: activationID)
    }

    /// Leaves a stage without completing it: the kind may record what it must, then its tasks are closed and its
    /// timers cancelled.
    mutating func cancel(activation activationID: Int, reason: CancellationReason) throws(EngineError) {
        guard let activation = state.activations[activationID] else { return }
        let actions = try call(.cancelled(reason), activation: activation)
        let (node, stage) = stageNode(activation.node)
        for (index, action) in actions.enumerated() {
            try check(action, number: index + 1, activation: activation, node: node, stage: stage, cancelling: true)
        }
        for action in actions {
            switch action {
            case .recordFact(let name, let value):
                emit(.factRecorded(activation: activationID, name: name, value: value), actor: .system)
            case .note(let kind, let message, let data):
                emit(.noteRecorded(activation: activationID, kind: kind, message: message, data: data), actor: .system)
            case .setState(let value):
                emit(.stageStateSaved(activation: activationID, state: value), actor: .system)
            default:
                preconditionFailure("check(_:) lets a cancelled stage only save state, record facts and notes")
            }
        }
        closeEverything(of: activationID, reason: "stage cancelled: \(reason)")
        emit(.stageCancelled(activation: activationID, reason: reason), actor: .system)
    }

    private mutating func closeEverything(of activationID: Int, reason: String) {
        for task in state.openTasks where task.activationID == activationID {
            emit(.taskClosed(task: task.id, reason: reason), actor: .system)
        }
        for timer in state.pendingTimers where timer.activationID == activationID {
            emit(.timerCancelled(timer: timer.id), actor: .system)
        }
    }

    /// Checks and applies a stage's actions in order. The command is refused at the first invalid action (the
    /// engine works on a copy, so nothing of it is kept).
    mutating func perform(_ actions: [StageAction<JSONValue>], in activationID: Int) throws(EngineError) {
        guard let activation = state.activations[activationID] else { return }
        let (node, stage) = stageNode(activation.node)
        for (index, action) in actions.enumerated() {
            guard state.activations[activationID] != nil else {
                throw .stageMisbehaved(node: node.id, kind: stage.stageKind,
                                       problem: "action \(index + 1) (\(action)) comes after the stage completed")
            }
            try check(action, number: index + 1, activation: activation, node: node, stage: stage, cancelling: false)
            switch action {
            case .openTask(let request):
                let task = HumanTask(
                    id: nextID, activationID: activationID, nodeID: node.id, key: request.key, title: request.title,
                    assignee: request.assignee, outcomes: request.outcomes, openedAt: now,
                    due: request.due.map { engine.periods.due($0, after: today) }, exampleData: request.exampleData)
                emit(.taskOpened(task), actor: .system)
                for deadline in stage.deadlines where deadline.task == request.key {
                    scheduleDeadline(deadline, activation: activationID, token: activation.token, node: node.id)
                }
            case .closeTask(let key, let reason):
                for task in state.openTasks where task.activationID == activationID && task.key == key {
                    emit(.taskClosed(task: task.id, reason: reason), actor: .system)
                }
                endTaskDeadlines(key: key, activation: activationID, node: node.id)
            case .setState(let value):
                emit(.stageStateSaved(activation: activationID, state: value), actor: .system)
            case .recordFact(let name, let value):
                emit(.factRecorded(activation: activationID, name: name, value: value), actor: .system)
            case .scheduleTimer(let key, let period):
                schedule(key: key, rule: .period(period, from: today), activation: activation)
            case .scheduleTimerOn(let key, let date):
                schedule(key: key, rule: .date(date), activation: activation)
            case .cancelTimer(let key):
                for timer in state.pendingTimers(of: activationID) where timer.purpose == .stage(key) {
                    emit(.timerCancelled(timer: timer.id), actor: .system)
                }
            case .note(let kind, let message, let data):
                emit(.noteRecorded(activation: activationID, kind: kind, message: message, data: data), actor: .system)
            case .complete(let outcome):
                guard let target = stage.target(of: outcome) else {
                    preconditionFailure("check(_:) lets a stage complete only with a routed outcome")
                }
                closeEverything(of: activationID, reason: "stage completed with \"\(outcome)\"")
                emit(.stageCompleted(activation: activationID, outcome: outcome), actor: .system)
                try move(token: activation.token, to: target)
            }
        }
    }

    private mutating func schedule(key: String, rule: DueRule, activation: InstanceState.Activation) {
        if let existing = state.timers.values.first(where: {
            $0.activationID == activation.id && $0.purpose == .stage(key)
        }) {
            emit(.timerCancelled(timer: existing.id), actor: .system)
        }
        emit(.timerScheduled(PendingTimer(
            id: nextID, purpose: .stage(key), activationID: activation.id, tokenID: activation.token,
            nodeID: activation.node, rule: rule, due: rule.dueDate(using: engine.periods))), actor: .system)
    }
}
