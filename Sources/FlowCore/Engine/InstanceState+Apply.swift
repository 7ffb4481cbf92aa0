extension InstanceState {
    /// Applies one history entry read back from storage, checking that it comes in order (sequence numbers
    /// without gaps from 1, and the project's start first) and that its event is possible (`Lifecycle.table`).
    public mutating func apply(_ entry: HistoryEntry) throws(ReplayError) {
        guard entry.sequence == lastSequence + 1 else {
            throw .outOfOrder(project: id, expected: lastSequence + 1, found: entry.sequence)
        }
        if lastSequence == 0 {
            guard case .instanceStarted = entry.event else { throw .notStarted(project: id) }
        }
        try Lifecycle.check(entry, in: self)
        applyChecked(entry)
    }

    /// Applies an entry the engine has just produced (always in order). The engine never emits an impossible event;
    /// if it did, that is a bug in GovFlow, and it traps rather than record a history that cannot be replayed.
    mutating func applyInOrder(_ entry: HistoryEntry) {
        do {
            try Lifecycle.check(entry, in: self)
        } catch {
            preconditionFailure("the engine emitted an impossible event: \(error)")
        }
        applyChecked(entry)
    }

    /// Applies an entry whose order and lifecycle were checked.
    private mutating func applyChecked(_ entry: HistoryEntry) {
        lastSequence = entry.sequence
        updatedAt = entry.at
        switch entry.event {
        case .instanceStarted(let definitionID, let version, let variables, let computed):
            self.definitionID = definitionID
            definitionVersion = version
            self.variables = variables
            self.computed = computed
            startedAt = entry.at
        case .tokenCreated(let token, let node, let scope):
            takeID(token)
            tokens[token] = Token(id: token, node: node, scope: scope)
        case .tokenMoved(let token, let node, let scope):
            tokens[token]?.node = node
            tokens[token]?.scope = scope
        case .tokenRemoved(let token):
            tokens[token] = nil
        case .scopeOpened(let scope, let split, let join, let parent, let branches):
            takeID(scope)
            scopes[scope] = Scope(id: scope, split: split, join: join, parent: parent, branches: branches, arrived: [])
        case .branchArrived(let scope, let token):
            scopes[scope]?.arrived.append(token)
        case .scopeCompleted(let scope), .scopeCancelled(let scope, _):
            scopes[scope] = nil
        case .gatewayPassed:
            break
        case .stageEntered(let activation, let token, let node, let kind):
            takeID(activation)
            activations[activation] = Activation(id: activation, token: token, node: node, kind: kind,
                                                 enteredAt: entry.at, state: .null)
        case .stageStateSaved(let activation, let state):
            activations[activation]?.state = state
        case .taskOpened(let task):
            takeID(task.id)
            tasks[task.id] = task
            openTaskIDs.append(task.id)
        case .taskDecided(let task, _, _, _, _):
            finish(task, as: .decided)
        case .taskTransferred(let task, _, let to, _):
            tasks[task]?.assignee = to
        case .taskDelegated(let task, let from, let to, _):
            tasks[task]?.delegatedBy = from
            tasks[task]?.assignee = to
        case .taskHandedBack(let task, let to, _):
            tasks[task]?.assignee = to
            tasks[task]?.delegatedBy = nil
        case .reviewerAdded, .taskReturned, .taskUrged:
            break
        case .taskClosed(let task, _):
            finish(task, as: .closed)
        case .timerScheduled(let timer):
            takeID(timer.id)
            timers[timer.id] = timer
            if case .recurring = timer.rule, case .deadline(let deadline) = timer.purpose {
                lastRecurringDue["\(timer.nodeID)#\(deadline)"] = timer.due.date
            }
        case .timerRescheduled(let timer, _, let due):
            timers[timer]?.due = due
        case .timerFired(let timer, _), .timerCancelled(let timer):
            timers[timer] = nil
        case .deadlineExpired(let activation, let deadline, let due, let interrupting):
            overdue.append(OverdueRecord(activation: activation, node: activations[activation]?.node ?? "",
                                         deadline: deadline, due: due, interrupting: interrupting,
                                         recordedAt: entry.at))
        case .reminderSent, .noteRecorded:
            break
        case .factRecorded(_, let name, let value):
            facts[name] = value
        case .stageCompleted(let activation, _), .stageCancelled(let activation, _):
            activations[activation] = nil
        case .instanceEnded(_, let result):
            status = .ended(result: result)
        case .instanceWithdrawn:
            status = .withdrawn
        case .incidentRaised, .incidentRetryFailed, .incidentResolved:
            applyIncident(entry)
        }
    }

    private mutating func finish(_ id: Int, as status: HumanTask.Status) {
        guard let task = tasks.removeValue(forKey: id) else { return }
        finishedTasks[id] = FinishedTask(id: id, nodeID: task.nodeID, key: task.key, status: status)
        openTaskIDs.removeAll { $0 == id }
    }
}
