import FlowCore
import Foundation

/// Running a decisions script's steps.
extension Simulator {
    /// Runs the steps in order; the first that fails stops the simulation.
    func run(_ steps: [ScriptStep]) throws(SimulationError) {
        for step in steps {
            try run(step)
        }
    }

    private func run(_ step: ScriptStep) throws(SimulationError) {
        let subject = Simulator.subject(of: step.action)
        func failure(_ message: String) -> SimulationError {
            .step(number: step.number, subject: subject, message: message)
        }
        if let at = step.at {
            guard at >= clock.now() else {
                throw failure("\"at\" \(ChinaTime.format(at)) is earlier than the simulation's clock, "
                                + "\(ChinaTime.format(clock.now())); steps must go forward in time")
            }
            try advance(to: at)
        }
        switch step.action {
        case .wait(let until):
            guard until >= clock.now() else {
                throw failure("\(ChinaTime.format(until)) is earlier than the simulation's clock, "
                                + "\(ChinaTime.format(clock.now())); steps must go forward in time")
            }
            try advance(to: until)
        case .waitFor(let node):
            try waitFor(node: node, failure: failure)
        case .approveUntil(let node):
            try approveUntil(node: node, failure: failure)
        case .withdraw(let actor, let comment):
            try perform(.withdraw(actor: actor ?? project.applicant, comment: comment), failure: failure)
        default:
            try runTaskAction(step.action, failure: failure)
        }
    }

    private func runTaskAction(_ action: ScriptAction, failure: (String) -> SimulationError) throws(SimulationError) {
        let current = try state
        guard current.isRunning else { throw failure(EngineError.instanceNotRunning(current.status).description) }
        let command: Command
        switch action {
        case .decide(let selector, let outcome, let comment, let data):
            let task = try find(selector, in: current, failure: failure)
            command = .decide(task: task.id, actor: actor(selector, task), outcome: outcome, comment: comment,
                              data: data)
        case .transfer(let selector, let assignee, let comment):
            let task = try find(selector, in: current, failure: failure)
            command = .transfer(task: task.id, actor: actor(selector, task), to: assignee, comment: comment)
        case .delegate(let selector, let assignee, let comment):
            let task = try find(selector, in: current, failure: failure)
            command = .delegate(task: task.id, actor: actor(selector, task), to: assignee, comment: comment)
        case .handBack(let selector, let comment):
            let task = try find(selector, in: current, failure: failure)
            command = .handBack(task: task.id, actor: actor(selector, task), comment: comment)
        case .addReviewer(let selector, let reviewer, let blocking, let comment):
            let task = try find(selector, in: current, failure: failure)
            command = .addReviewer(task: task.id, actor: actor(selector, task), reviewer: reviewer, blocking: blocking,
                                   comment: comment)
        case .returnTo(let selector, let node, let comment):
            let task = try find(selector, in: current, failure: failure)
            command = .returnTo(task: task.id, actor: actor(selector, task), node: node, comment: comment)
        case .urge(let selector, let comment):
            let task = try find(selector, in: current, failure: failure)
            command = .urge(task: task.id, actor: selector.actor ?? project.applicant, comment: comment)
        case .withdraw, .wait, .waitFor, .approveUntil:
            return
        }
        try perform(command, failure: failure)
    }

    private func perform(_ command: Command, failure: (String) -> SimulationError) throws(SimulationError) {
        try countStep()
        do {
            try perform(command)
        } catch {
            throw failure(error.message)
        }
    }

    /// The script's actor, or one matching the task's current assignee (a different one for each seat of a panel,
    /// as the default policy chooses).
    private func actor(_ selector: TaskSelector, _ task: FoundTask) -> Actor {
        selector.actor ?? task.actor ?? project.applicant
    }

    /// The task a step names: an open one (with an actor matching its assignee), or a finished one so the engine
    /// can say why.
    private struct FoundTask {
        let id: Int
        let actor: Actor?
    }

    /// The task a step acts on: the open task at the node (with the key, if given; an added reviewer's task only
    /// when named or when the actor is its assignee), else the node's latest task so that the engine says why it is
    /// not open.
    private func find(_ selector: TaskSelector, in state: InstanceState, failure: (String) -> SimulationError)
        throws(SimulationError) -> FoundTask
    {
        guard definition.node(selector.node) != nil else {
            throw failure("there is no node \"\(selector.node)\" in workflow \"\(definition.id)\"")
        }
        var open = state.openTasks
            .filter { $0.nodeID == selector.node && (selector.key == nil || $0.key == selector.key) }
        if let actor = selector.actor, open.contains(where: { $0.assignee.includes(actor) }) {
            open = open.filter { $0.assignee.includes(actor) }
        }
        if selector.key == nil, open.contains(where: { $0.consultationOf == nil }) {
            open = open.filter { $0.consultationOf == nil }
        }
        if open.count == 1, let task = open.first {
            return FoundTask(id: task.id, actor: Simulator.actor(for: task, among: state.openTasks))
        }
        if open.count > 1 {
            throw failure("node \"\(selector.node)\" has \(open.count) open tasks ("
                            + open.map { "\"\($0.key)\"" }.joined(separator: ", ") + "); name one with \"task\"")
        }
        let finished = state.finishedTasks.values
            .filter { $0.nodeID == selector.node && (selector.key == nil || $0.key == selector.key) }
        if let latest = finished.max(by: { $0.id < $1.id }) { return FoundTask(id: latest.id, actor: nil) }
        let openTasks = state.openTasks.map { "\"\($0.nodeID)\" (\"\($0.key)\")" }
        throw failure("no task has been opened at node \"\(selector.node)\""
                        + (selector.key.map { " with key \"\($0)\"" } ?? "") + "; "
                        + (openTasks.isEmpty ? "no task is open" : "open tasks: " + openTasks.joined(separator: ", ")))
    }

    /// Lets timers fire until the project ends (`node == nil`) or has an open task or a token at `node`.
    private func waitFor(node: String?, failure: (String) -> SimulationError) throws(SimulationError) {
        if let node, definition.node(node) == nil {
            throw failure("there is no node \"\(node)\" in workflow \"\(definition.id)\"")
        }
        while true {
            let current = try state
            if let node {
                if Simulator.hasReached(node, current) { return }
                guard current.isRunning else {
                    throw failure("the project ended (\(Simulator.statusText(current.status))) before reaching "
                                    + "node \"\(node)\"")
                }
            } else if !current.isRunning {
                return
            }
            guard try fireNextTimer() else {
                throw failure("no timer is pending, so waiting cannot get there (\(Simulator.summary(current))); "
                                + "answer the open tasks first")
            }
        }
    }

    /// Runs the default policy until the project has an open task or a token at `node`; fails when the project
    /// ends first or the policy can go no further.
    private func approveUntil(node: String, failure: (String) -> SimulationError) throws(SimulationError) {
        guard definition.node(node) != nil else {
            throw failure("there is no node \"\(node)\" in workflow \"\(definition.id)\""
                            + NameSuggestion.hint(for: node, in: definition.nodes.map(\.id)))
        }
        let stopped = try approveAll(until: node)
        let current = try state
        if Simulator.hasReached(node, current) { return }
        if let stopped {
            throw failure("the default policy stopped before reaching node \"\(node)\": \(stopped)")
        }
        throw failure("the project ended (\(Simulator.statusText(current.status))) before reaching node \"\(node)\"")
    }

    /// `decide at node "pre-review"`, `wait`…
    static func subject(of action: ScriptAction) -> String {
        switch action {
        case .decide(let selector, _, _, _), .transfer(let selector, _, _), .delegate(let selector, _, _),
             .handBack(let selector, _), .addReviewer(let selector, _, _, _), .returnTo(let selector, _, _),
             .urge(let selector, _):
            return "\(action.name) at node \"\(selector.node)\""
        case .waitFor(let node):
            return "waitFor \"\(node ?? "end")\""
        case .approveUntil(let node):
            return "approveUntil \"\(node)\""
        case .wait, .withdraw:
            return action.name
        }
    }

    /// `ended with "approved"`, `withdrawn`, `running`.
    static func statusText(_ status: InstanceState.Status) -> String {
        switch status {
        case .running: return "running"
        case .ended(let result): return "ended with \"\(result)\""
        case .withdrawn: return "withdrawn"
        }
    }
}
