/// The task operations Chinese approval systems offer on any human task: 转办, 委派, 加签, 退回 and 催办. Each is
/// recorded in the history with its actor, time and comment.
extension StepBuilder {
    /// The open task `taskID`; when `assignedToActor`, the command's actor must be its assignee.
    func openTask(_ taskID: Int, assignedToActor: Bool) throws(EngineError) -> HumanTask {
        guard let task = state.tasks[taskID] else {
            if let finished = state.finishedTasks[taskID] {
                throw .taskNotOpen(task: taskID, status: finished.status)
            }
            throw .taskNotFound(taskID)
        }
        if assignedToActor, !task.assignee.includes(actor) {
            throw .notAssignee(task: taskID, actor: actor.id, assignee: task.assignee)
        }
        return task
    }

    /// 转办: the assignee hands the task to someone else, who then decides it.
    mutating func transfer(task taskID: Int, to assignee: Assignee, comment: String?) throws(EngineError) {
        let task = try openTask(taskID, assignedToActor: true)
        emit(.taskTransferred(task: taskID, from: task.assignee, to: assignee, comment: comment))
    }

    /// 委派: the assignee has someone else work on the task; it comes back with their opinion.
    mutating func delegate(task taskID: Int, to assignee: Assignee, comment: String?) throws(EngineError) {
        let task = try openTask(taskID, assignedToActor: true)
        if task.consultationOf != nil { throw .consultationTask(task: taskID, operation: "delegated") }
        if let delegator = task.delegatedBy { throw .delegated(task: taskID, by: delegator) }
        emit(.taskDelegated(task: taskID, from: task.assignee, to: assignee, comment: comment))
    }

    /// The delegate hands a delegated task back to whoever delegated it.
    mutating func handBack(task taskID: Int, comment: String?) throws(EngineError) {
        let task = try openTask(taskID, assignedToActor: true)
        guard let delegator = task.delegatedBy else { throw .notDelegated(task: taskID) }
        emit(.taskHandedBack(task: taskID, to: delegator, comment: comment))
    }

    /// 加签: the assignee asks another reviewer's opinion, before deciding (`blocking`) or alongside.
    mutating func addReviewer(task taskID: Int, reviewer: Assignee, blocking: Bool, comment: String?)
        throws(EngineError)
    {
        let task = try openTask(taskID, assignedToActor: true)
        if task.consultationOf != nil { throw .consultationTask(task: taskID, operation: "given another reviewer") }
        let consultation = HumanTask(
            id: nextID, activationID: task.activationID, nodeID: task.nodeID, key: "consult:\(taskID):\(nextID)",
            title: "\(task.title)（加签意见）", assignee: reviewer, outcomes: ["agree", "disagree"], openedAt: now,
            due: task.due, consultationOf: taskID, blocking: blocking)
        emit(.taskOpened(consultation), actor: .system)
        emit(.reviewerAdded(task: taskID, consultation: consultation.id, blocking: blocking, comment: comment))
    }

    /// 退回: the assignee sends the project back to an earlier node the stage node allows.
    mutating func returnTo(task taskID: Int, node target: String, comment: String?) throws(EngineError) {
        let task = try openTask(taskID, assignedToActor: true)
        if task.consultationOf != nil { throw .consultationTask(task: taskID, operation: "used to return the project") }
        guard let node = definition.node(task.nodeID), case .stage(let stage) = node.kind,
              stage.returnTo.contains(target)
        else {
            let allowed: [String]
            if case .stage(let stage)? = definition.node(task.nodeID)?.kind { allowed = stage.returnTo } else { allowed = [] }
            throw .returnNotAllowed(task: taskID, node: target, allowed: allowed)
        }
        guard let activation = state.activations[task.activationID] else {
            preconditionFailure("open task \(taskID) has no running stage")
        }
        emit(.taskReturned(task: taskID, to: target, comment: comment))
        try cancel(activation: activation.id, reason: .returned(to: target))
        try move(token: activation.token, to: target)
    }

    /// 催办: someone urges the assignee; the reminder is recorded (the runner delivers it).
    mutating func urge(task taskID: Int, comment: String?) throws(EngineError) {
        _ = try openTask(taskID, assignedToActor: false)
        emit(.taskUrged(task: taskID, comment: comment))
    }
}
