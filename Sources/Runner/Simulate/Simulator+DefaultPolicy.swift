import FlowCore

/// The default policy, "approve everything at once".
extension Simulator {
    /// Answers each open task with its first outcome and the task's example data by an actor matching its
    /// assignee (a different one for each seat of a panel), at the current time (a delegated task is first handed
    /// back), repeatedly; when no task can be answered, lets the next timer fire.
    /// Returns `nil` when the project ended (or reached `node`), else why it stopped running without ending.
    ///
    /// With `node`, stops as soon as the project has an open task or a token there, before answering it.
    func approveAll(until node: String? = nil) throws(SimulationError) -> String? {
        while true {
            let current = try state
            guard current.isRunning else { return nil }
            if let node, Simulator.hasReached(node, current) { return nil }
            var refusal: String?
            for task in current.openTasks {
                let actor = Simulator.actor(for: task, among: current.openTasks)
                let command: Command = task.delegatedBy == nil
                    ? .decide(task: task.id, actor: actor, outcome: task.outcomes[0], comment: nil,
                                data: task.exampleData)
                    : .handBack(task: task.id, actor: actor, comment: nil)
                try countStep()
                do {
                    try perform(command)
                    refusal = nil
                    break
                } catch {
                    refusal = refusal ?? "task \(task.id) at \"\(task.nodeID)\": \(error.message)"
                }
            }
            if current.openTasks.isEmpty || refusal != nil {
                guard try fireNextTimer() else {
                    return refusal.map { "no open task can be answered (\($0)) and no timer is pending" }
                        ?? "no task is open and no timer is pending"
                }
            }
        }
    }

    /// Whether the project has an open task or a token at `node`.
    static func hasReached(_ node: String, _ state: InstanceState) -> Bool {
        state.openTasks.contains { $0.nodeID == node } || state.tokens.values.contains { $0.node == node }
    }

    /// An actor matching the task's assignee; when another open task of the same node has the same assignee (the
    /// seats of an expert or acceptance panel), the actor's id also names the task's key ("acceptance-expert/
    /// initial:2"), so that each seat is answered by a different person, as a panel requires.
    static func actor(for task: HumanTask, among open: [HumanTask]) -> Actor {
        let actor = actor(matching: task.assignee)
        if case .actor = task.assignee { return actor }
        let shared = open.contains { $0.id != task.id && $0.nodeID == task.nodeID && $0.assignee == task.assignee }
        guard shared else { return actor }
        return Actor(id: "\(actor.id)/\(task.key)", department: actor.department, roles: actor.roles)
    }
}
