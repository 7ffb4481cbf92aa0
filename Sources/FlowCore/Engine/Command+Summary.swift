extension Command {
    /// The command in words, as an incident records what failed: `decide task 3 with "agree" by zhang.wei`.
    public var summary: String {
        switch self {
        case .decide(let task, let actor, let outcome, _, _):
            return "decide task \(task) with \"\(outcome)\" by \(actor.id)"
        case .transfer(let task, let actor, let to, _):
            return "transfer task \(task) to \(to) by \(actor.id)"
        case .delegate(let task, let actor, let to, _):
            return "delegate task \(task) to \(to) by \(actor.id)"
        case .handBack(let task, let actor, _):
            return "hand back task \(task) by \(actor.id)"
        case .addReviewer(let task, let actor, let reviewer, let blocking, _):
            return "add \(blocking ? "blocking " : "")reviewer \(reviewer) to task \(task) by \(actor.id)"
        case .returnTo(let task, let actor, let node, _):
            return "return task \(task) to \"\(node)\" by \(actor.id)"
        case .urge(let task, let actor, _):
            return "urge task \(task) by \(actor.id)"
        case .fireTimer(let timer):
            return "fire timer \(timer)"
        case .withdraw(let actor, _):
            return "withdraw the project by \(actor.id)"
        case .recalculateProvisionalTimers:
            return "recalculate provisional deadlines"
        }
    }
}

extension PendingTimer {
    /// The firing in words, as an incident records it: `fire timer 4 (deadline "review" of node "pre-review")`.
    public var firingSummary: String {
        let what: String
        switch purpose {
        case .deadline(let id): what = "deadline \"\(id)\""
        case .reminder(let id): what = "reminder before deadline \"\(id)\""
        case .stage(let key): what = "stage timer \"\(key)\""
        case .wait: what = "wait"
        }
        return "fire timer \(id) (\(what) of node \"\(nodeID)\")"
    }
}
