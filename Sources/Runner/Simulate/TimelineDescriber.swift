import FlowCore
import Foundation

/// Turns a project's history into readable timeline rows, remembering which node each activation, task and timer
/// belongs to as it goes.
struct TimelineDescriber {
    let definition: WorkflowDefinition
    private var activationNodes: [Int: String] = [:]
    private var tasks: [Int: HumanTask] = [:]
    private var timers: [Int: PendingTimer] = [:]
    private var tokenNodes: [Int: String] = [:]
    private var scopeSplits: [Int: (split: String, join: String)] = [:]

    init(definition: WorkflowDefinition) {
        self.definition = definition
    }

    /// The rows of a whole history, in order.
    static func rows(_ history: [HistoryEntry], definition: WorkflowDefinition) -> [TimelineRow] {
        var describer = TimelineDescriber(definition: definition)
        return history.map { describer.row($0) }
    }

    /// `预审 (pre-review)`, or the id when the node has no other name.
    func name(_ node: String) -> String {
        guard let found = definition.node(node), found.name != node else { return node }
        return "\(found.name) (\(node))"
    }

    static func due(_ due: DueDate) -> String {
        due.date.iso + (due.provisional ? " (provisional)" : "")
    }

    static func assignee(_ assignee: Assignee) -> String {
        switch assignee {
        case .actor(let id): return "actor \(id)"
        case .department(let department): return "department \(department)"
        case .role(let role): return "role \(role)"
        }
    }

    static func comment(_ comment: String?) -> String {
        comment.map { ": \"\($0)\"" } ?? ""
    }

    private func timerSubject(_ timer: PendingTimer) -> String {
        switch timer.purpose {
        case .deadline(let id): return "deadline \"\(id)\""
        case .reminder(let id): return "reminder for deadline \"\(id)\""
        case .stage(let key): return "stage timer \"\(key)\""
        case .wait: return "wait"
        }
    }

    /// Describes one entry and updates what the describer remembers.
    mutating func row(_ entry: HistoryEntry) -> TimelineRow {
        var node: String?
        var details: [JSONMember] = []
        var bookkeeping = false
        func detail(_ key: String, _ value: JSONValue) { details.append(JSONMember(key: key, value: value)) }
        func dueDetails(_ due: DueDate) {
            detail("due", .string(due.date.iso))
            detail("provisional", .bool(due.provisional))
        }
        let text: String
        switch entry.event {
        case .instanceStarted(let id, let version, let variables, _):
            let values = variables.keys.sorted().compactMap { key in variables[key].map { "\(key) = \($0)" } }
            text = "project started on \(id) version \(version)"
                + (values.isEmpty ? "" : " (" + values.joined(separator: ", ") + ")")
        case .tokenCreated(let token, let at, _):
            tokenNodes[token] = at
            node = at
            bookkeeping = true
            text = "token \(token) created at \(name(at))"
        case .tokenMoved(let token, let to, _):
            tokenNodes[token] = to
            node = to
            bookkeeping = true
            text = "token \(token) moved to \(name(to))"
        case .tokenRemoved(let token):
            node = tokenNodes[token]
            bookkeeping = true
            text = "token \(token) removed"
        case .scopeOpened(let scope, let split, let join, _, let branches):
            scopeSplits[scope] = (split, join)
            node = split
            text = "parallel split into \(branches) branches, joining at \(name(join))"
        case .branchArrived(let scope, _):
            node = scopeSplits[scope]?.join
            text = "a branch arrived at the join"
        case .scopeCompleted(let scope):
            node = scopeSplits[scope]?.join
            text = "every branch arrived: the join continues"
        case .scopeCancelled(let scope, _):
            node = scopeSplits[scope]?.split
            text = "parallel block cancelled"
        case .gatewayPassed(let gateway, let branch, let target):
            node = gateway
            text = "gateway took " + branchText(gateway: gateway, branch: branch) + " → \(name(target))"
        case .stageEntered(let activation, _, let at, let kind):
            activationNodes[activation] = at
            node = at
            text = "stage entered: \(name(at)) [\(kind)]"
        case .stageStateSaved(let activation, _):
            node = activationNodes[activation]
            bookkeeping = true
            text = "stage state saved"
        case .taskOpened(let task):
            tasks[task.id] = task
            node = task.nodeID
            detail("task", .number(task.id))
            if let due = task.due { dueDetails(due) }
            text = "task \(task.id) \"\(task.title)\" opened for \(Self.assignee(task.assignee))"
                + (task.due.map { " due \(Self.due($0))" } ?? "")
        case .taskDecided(let task, let actor, let outcome, let comment, _):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            detail("outcome", .string(outcome))
            text = "decision \"\(outcome)\" on task \(task) by \(actor.id)\(Self.comment(comment))"
        case .taskTransferred(let task, let from, let to, let comment):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            text = "task \(task) transferred from \(Self.assignee(from)) to \(Self.assignee(to))"
                + Self.comment(comment)
        case .taskDelegated(let task, let from, let to, let comment):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            text = "task \(task) delegated by \(Self.assignee(from)) to \(Self.assignee(to))\(Self.comment(comment))"
        case .taskHandedBack(let task, let to, let comment):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            text = "task \(task) handed back to \(Self.assignee(to))\(Self.comment(comment))"
        case .reviewerAdded(let task, let consultation, let blocking, let comment):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            text = "reviewer added to task \(task) (task \(consultation), "
                + (blocking ? "before the decision" : "alongside") + ")\(Self.comment(comment))"
        case .taskReturned(let task, let to, let comment):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            text = "task \(task) returned the project to \(name(to))\(Self.comment(comment))"
        case .taskUrged(let task, let comment):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            text = "task \(task) urged\(Self.comment(comment))"
        case .taskClosed(let task, let reason):
            node = tasks[task]?.nodeID
            detail("task", .number(task))
            text = "task \(task) closed (\(reason))"
        case .timerScheduled(let timer):
            timers[timer.id] = timer
            node = timer.nodeID
            detail("timer", .string(Self.kind(of: timer)))
            if case .deadline(let id) = timer.purpose { detail("deadline", .string(id)) }
            dueDetails(timer.due)
            text = timer.purpose == .wait
                ? "waiting until the end of \(Self.due(timer.due))"
                : "\(timerSubject(timer)) due \(Self.due(timer.due)) scheduled"
        case .timerRescheduled(let timer, let from, let to):
            timers[timer]?.due = to
            node = timers[timer]?.nodeID
            if let known = timers[timer] { detail("timer", .string(Self.kind(of: known))) }
            dueDetails(to)
            text = (timers[timer].map(timerSubject) ?? "timer \(timer)")
                + " moved from \(Self.due(from)) to \(Self.due(to))"
        case .timerFired(let timer, _):
            node = timers[timer]?.nodeID
            if let known = timers[timer] { detail("timer", .string(Self.kind(of: known))) }
            let isWait = timers[timer]?.purpose == .wait
            bookkeeping = !isWait
            text = isWait ? "wait over" : (timers[timer].map(timerSubject) ?? "timer \(timer)") + " fired"
        case .timerCancelled(let timer):
            node = timers[timer]?.nodeID
            if let known = timers[timer] { detail("timer", .string(Self.kind(of: known))) }
            bookkeeping = timers[timer].map { if case .deadline = $0.purpose { false } else { true } } ?? true
            text = (timers[timer].map { "\(timerSubject($0)) due \(Self.due($0.due))" } ?? "timer \(timer)")
                + " cancelled"
        case .deadlineExpired(let activation, let deadline, let due, let interrupting):
            node = activationNodes[activation]
            detail("deadline", .string(deadline))
            dueDetails(due)
            text = "deadline \"\(deadline)\" due \(Self.due(due)) expired"
                + (interrupting ? ": leaving the stage" : ": overdue")
        case .reminderSent(let activation, let deadline, let due):
            node = activationNodes[activation]
            detail("deadline", .string(deadline))
            dueDetails(due)
            text = "reminder: deadline \"\(deadline)\" falls due \(Self.due(due))"
        case .factRecorded(let activation, let fact, let value):
            node = activationNodes[activation]
            text = "fact recorded: \(fact) = \(JSONTextWriter.compact(value))"
        case .noteRecorded(let activation, let kind, let message, _):
            node = activationNodes[activation]
            text = "note [\(kind)]: \(message)"
        case .stageCompleted(let activation, let outcome):
            node = activationNodes[activation]
            detail("outcome", .string(outcome))
            text = "stage completed with \"\(outcome)\""
        case .stageCancelled(let activation, let reason):
            node = activationNodes[activation]
            text = "stage left without completing: \(reason)"
        case .instanceEnded(let end, let result):
            node = end
            detail("result", .string(result))
            text = "project ended: \(result)"
        case .instanceWithdrawn(let actor, let comment):
            text = "project withdrawn by \(actor.id)\(Self.comment(comment))"
        case .incidentRaised(let incident, let timer, let command, let error):
            node = timer.flatMap { timers[$0]?.nodeID }
            detail("incident", .number(incident))
            text = "incident \(incident) raised: \(command) failed: \(error)"
        case .incidentRetryFailed(let incident, let error):
            detail("incident", .number(incident))
            text = "incident \(incident) failed again: \(error)"
        case .incidentResolved(let incident, let resolution, let movedTo, let comment):
            node = movedTo
            detail("incident", .number(incident))
            detail("resolution", .string(resolution.rawValue))
            text = "incident \(incident) resolved (\(resolution.rawValue)"
                + (movedTo.map { " to \(name($0))" } ?? "") + ")\(Self.comment(comment))"
        }
        return TimelineRow(sequence: entry.sequence, at: entry.at, actor: entry.actor.id,
                           type: entry.event.typeName, node: node, description: text, details: details,
                           bookkeeping: bookkeeping)
    }

    /// "deadline", "reminder", "stage" or "wait".
    static func kind(of timer: PendingTimer) -> String {
        switch timer.purpose {
        case .deadline: return "deadline"
        case .reminder: return "reminder"
        case .stage: return "stage"
        case .wait: return "wait"
        }
    }

    private func branchText(gateway: String, branch: Int?) -> String {
        guard let branch, let node = definition.node(gateway), case .exclusive(let exclusive) = node.kind,
              exclusive.branches.indices.contains(branch)
        else { return "the default branch" }
        let chosen = exclusive.branches[branch]
        let condition = "\"\(chosen.condition.source)\""
        return "branch " + (chosen.label.map { "\"\($0)\" (\(condition))" } ?? condition)
    }
}
