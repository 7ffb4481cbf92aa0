import FlowCore

/// The default policy, "approve everything at once".
extension Simulator {
    /// Answers each open task with its first outcome and the task's example data by an actor matching its
    /// assignee, at the current time (a delegated task is first handed back), repeatedly; when no task can be answered, lets the next timer fire.
    /// Returns `nil` when the project ended, else why it stopped running without ending.
    func approveAll() throws(SimulationError) -> String? {
        while true {
            let current = try state
            guard current.isRunning else { return nil }
            var refusal: String?
            for task in current.openTasks {
                let actor = Simulator.actor(matching: task.assignee)
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
}
