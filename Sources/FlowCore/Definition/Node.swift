/// One node of a workflow's graph.
public struct Node: Sendable {
    /// The node's id, unique in its definition.
    public let id: String
    /// A name for people, e.g. "预审"; defaults to the id.
    public let name: String
    /// The article the node implements, e.g. "第十一条（二）".
    public let basis: String?
    /// A remark, e.g. where the regulation leaves something open.
    public let note: String?
    /// What the node does.
    public let kind: NodeKind

    /// The ids of the nodes this node can lead to, in the order written.
    public var successors: [String] {
        var successors: [String] = []
        forEachSuccessor { successors.append($0) }
        return successors
    }

    /// Calls `body` with each of `successors` in turn, without building the array.
    func forEachSuccessor(_ body: (String) -> Void) {
        switch kind {
        case .stage(let stage):
            for outcome in stage.outcomes { body(outcome.target) }
            for deadline in stage.deadlines { if let target = deadline.target { body(target) } }
            for target in stage.returnTo { body(target) }
        case .exclusive(let gateway):
            for branch in gateway.branches { body(branch.target) }
            if let target = gateway.defaultTarget { body(target) }
        case .parallel(let split):
            for branch in split.branches { body(branch) }
        case .join(let join):
            body(join.next)
        case .wait(let wait):
            body(wait.next)
        case .end:
            break
        }
    }
}

/// The kinds of node.
public enum NodeKind: Sendable {
    /// A stage run by a stage kind plugin (预审, 会审, a plain human task…).
    case stage(StageNode)
    /// An exclusive gateway: the first branch whose condition holds, else the default.
    case exclusive(ExclusiveGateway)
    /// A parallel split: every branch runs at once until they meet at the split's join.
    case parallel(ParallelSplit)
    /// A parallel join: continues once every branch of its split has arrived.
    case join(ParallelJoin)
    /// A wait for a period or until a date.
    case wait(WaitNode)
    /// An end with a named result (approved, rejected, returned, withdrawn…).
    case end(EndNode)

    /// The word definitions use for this kind in `"type"`.
    public var typeName: String {
        switch self {
        case .stage: return "stage"
        case .exclusive: return "exclusive"
        case .parallel: return "parallel"
        case .join: return "join"
        case .wait: return "wait"
        case .end: return "end"
        }
    }
}

/// A stage node: which kind runs it, with which parameters, where each outcome leads, and its deadlines.
public struct StageNode: Sendable {
    /// The stage kind's identifier, e.g. "pre-review".
    public let stageKind: String
    /// The parameters as written in the definition.
    public let parameters: JSONValue
    /// The parameters as the kind read them when the definition loaded; every call of the stage receives them.
    public let read: StageParameters
    /// Where each outcome leads, in the order written.
    public let outcomes: [OutcomeRoute]
    /// Boundary timers on the stage.
    public let deadlines: [Deadline]
    /// The earlier nodes a task's assignee may return the project to (退回), besides the routed outcomes.
    public let returnTo: [String]

    /// The node an outcome leads to, if the outcome is routed.
    public func target(of outcome: String) -> String? {
        outcomes.first { $0.outcome == outcome }?.target
    }

    /// The deadline with this id, if there is one.
    public func deadline(_ id: String) -> Deadline? {
        deadlines.first { $0.id == id }
    }
}

/// An outcome of a stage and the node it leads to.
public struct OutcomeRoute: Hashable, Sendable {
    public let outcome: String
    public let target: String
}

/// A deadline on a stage (a BPMN boundary timer), counted from the day the stage is entered.
public struct Deadline: Hashable, Sendable {
    /// The deadline's id, unique on its node.
    public let id: String
    /// When it falls due: a period counted from the start (5 working days), or the next recurring due day
    /// (每月20日前).
    public let due: DeadlineDue
    /// Whether expiry leaves the stage (along `target`) or only records that it is overdue.
    public let interrupting: Bool
    /// Where an interrupting deadline leads.
    public let target: String?
    /// Reminders (催办) before the deadline, e.g. 1 working day before.
    public let remindBefore: [Period]
    /// The article that sets the period.
    public let basis: String?
    /// When set, the deadline runs while the stage's task with this key is open (e.g. "review" of a pre-review):
    /// it starts each time such a task opens and ends when it is decided or closed. Otherwise it runs from the
    /// stage's entry until the stage is left.
    public let task: String?
}

/// An exclusive gateway.
public struct ExclusiveGateway: Sendable {
    /// The conditional branches, tried in order.
    public let branches: [ConditionalBranch]
    /// Where to go when no condition holds; required unless the conditions cover every case.
    public let defaultTarget: String?
}

/// A branch of an exclusive gateway.
public struct ConditionalBranch: Sendable {
    /// The condition, a boolean expression.
    public let condition: Expression
    public let target: String
    /// A label for diagrams, e.g. "≥500万元".
    public let label: String?
}

/// A parallel split.
public struct ParallelSplit: Hashable, Sendable {
    /// The first node of each branch.
    public let branches: [String]
    /// The join where the branches meet.
    public let join: String
}

/// A parallel join.
public struct ParallelJoin: Hashable, Sendable {
    /// Where to continue once every branch has arrived.
    public let next: String
}

/// A wait node.
public struct WaitNode: Sendable {
    /// What the node waits for.
    public enum Until: Sendable {
        /// A period counted from the day the node is entered.
        case period(Period)
        /// The date a date-typed expression gives (e.g. `project.plannedStart`).
        case date(Expression)
    }

    public let until: Until
    public let next: String
}

/// An end node.
public struct EndNode: Hashable, Sendable {
    /// The project's result, e.g. "approved", "rejected", "returned".
    public let result: String
}

/// When a deadline falls due.
public enum DeadlineDue: Hashable, Sendable, CustomStringConvertible {
    /// A period counted from the day the stage (or the task) starts: "5 workdays".
    case period(Period)
    /// The first occurrence of a recurring due day on or after the day the stage (or the task) starts:
    /// "monthly 20" for 每月20日前.
    case recurring(RecurringDueDay)

    /// As written in definitions.
    public var description: String {
        switch self {
        case .period(let period): return period.description
        case .recurring(let day): return day.notation
        }
    }
}
