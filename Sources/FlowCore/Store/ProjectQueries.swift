import Foundation

/// Which projects a listing covers: every project, or the ones a project unit owns (started by the actor or by
/// someone of the same department).
public enum ProjectScope: Hashable, Sendable {
    /// Every project.
    case every
    /// The projects started by the actor `actorID`, or by anyone of `department` when it is not `nil`.
    case startedBy(actorID: String, department: String?)

    /// Whether a project started by `starterID` of `starterDepartment` is in the scope.
    public func includes(starterID: String, starterDepartment: String?) -> Bool {
        switch self {
        case .every:
            return true
        case .startedBy(let actorID, let department):
            return starterID == actorID || (department != nil && starterDepartment == department)
        }
    }
}

/// Which open tasks an inbox lists: the tasks assigned exactly to one of `assignees`, in running projects of
/// `scope`; or, with `everyone`, every open task of `scope` whoever it is assigned to.
public struct TaskFilter: Hashable, Sendable {
    /// The assignees whose tasks are listed (a task matches when its assignee equals one of them).
    public let assignees: [Assignee]
    public let scope: ProjectScope
    /// Whether every open task is listed, whatever its assignee (`assignees` is then ignored).
    public let everyone: Bool

    public init(assignees: [Assignee], scope: ProjectScope) {
        self.assignees = assignees
        self.scope = scope
        everyone = false
    }

    /// Every open task in running projects of `scope`, whoever it is assigned to.
    public static func everyone(scope: ProjectScope) -> TaskFilter { TaskFilter(scope: scope) }

    private init(scope: ProjectScope) {
        assignees = []
        self.scope = scope
        everyone = true
    }
}

/// Who started a project, when, and with which definition: what access checks need, without the history.
public struct ProjectStart: Hashable, Sendable {
    public let projectID: String
    /// The id of the actor of the project's first history entry.
    public let starterID: String
    /// That actor's department, if any.
    public let starterDepartment: String?
    public let startedAt: Date
    public let definitionID: String
    public let definitionVersion: Int

    public init(projectID: String, starterID: String, starterDepartment: String?, startedAt: Date,
                definitionID: String, definitionVersion: Int) {
        self.projectID = projectID
        self.starterID = starterID
        self.starterDepartment = starterDepartment
        self.startedAt = startedAt
        self.definitionID = definitionID
        self.definitionVersion = definitionVersion
    }
}

/// An open task of a running project, with the workflow it runs: one inbox line.
public struct OpenTaskRecord: Hashable, Sendable {
    public let projectID: String
    public let definitionID: String
    public let definitionVersion: Int
    public let task: HumanTask

    public init(projectID: String, definitionID: String, definitionVersion: Int, task: HumanTask) {
        self.projectID = projectID
        self.definitionID = definitionID
        self.definitionVersion = definitionVersion
        self.task = task
    }

    /// Inbox order: by due date (tasks without one last), then project id, then task id.
    public static func inboxOrder(_ lhs: OpenTaskRecord, _ rhs: OpenTaskRecord) -> Bool {
        let left = (lhs.task.due == nil ? 1 : 0, lhs.task.due?.date.iso ?? "", lhs.projectID, lhs.task.id)
        let right = (rhs.task.due == nil ? 1 : 0, rhs.task.due?.date.iso ?? "", rhs.projectID, rhs.task.id)
        return left < right
    }
}

/// A pending timer of a running project, as the deadline window lists it.
public struct DeadlineRecord: Hashable, Sendable {
    public let projectID: String
    public let timerID: Int
    public let purpose: PendingTimer.Purpose
    public let nodeID: String
    public let due: DueDate
    /// The open incident that keeps the timer from firing, if any.
    public let suspendedBy: Int?

    public init(projectID: String, timerID: Int, purpose: PendingTimer.Purpose, nodeID: String, due: DueDate,
                suspendedBy: Int? = nil) {
        self.projectID = projectID
        self.timerID = timerID
        self.purpose = purpose
        self.nodeID = nodeID
        self.due = due
        self.suspendedBy = suspendedBy
    }

    /// The instant the timer fires: the end of its due date in China.
    public var fireAt: Date { due.date.endInChina }

    /// Window order: by due date (so by firing instant), then project id, then timer id.
    public static func windowOrder(_ lhs: DeadlineRecord, _ rhs: DeadlineRecord) -> Bool {
        (lhs.due.date, lhs.projectID, lhs.timerID) < (rhs.due.date, rhs.projectID, rhs.timerID)
    }
}

/// An overdue record of some project; `position` is its place in the project's list (0 first).
public struct ProjectOverdueRecord: Hashable, Sendable {
    public let projectID: String
    public let position: Int
    public let record: OverdueRecord

    public init(projectID: String, position: Int, record: OverdueRecord) {
        self.projectID = projectID
        self.position = position
        self.record = record
    }

    /// List order: by due date, then project id, then activation, then position.
    public static func listOrder(_ lhs: ProjectOverdueRecord, _ rhs: ProjectOverdueRecord) -> Bool {
        (lhs.record.due.date, lhs.projectID, lhs.record.activation, lhs.position)
            < (rhs.record.due.date, rhs.projectID, rhs.record.activation, rhs.position)
    }
}

/// Counts over every project, for `/metrics`.
public struct StoreStatistics: Hashable, Sendable {
    /// Projects by status name: "running", "ended", "withdrawn".
    public var projectsByStatus: [String: Int] = ["running": 0, "ended": 0, "withdrawn": 0]
    /// Stage activations in progress, by workflow (definition id) then stage node.
    public var activationsByNode: [String: [String: Int]] = [:]
    /// Pending timers by purpose name: "deadline", "reminder", "stage", "wait".
    public var timersByPurpose: [String: Int] = ["deadline": 0, "reminder": 0, "stage": 0, "wait": 0]
    /// Timers fired, as recorded in the histories, and how many of them fired late.
    public var timersFired = 0
    public var timersFiredLate = 0
    /// Overdue records kept.
    public var overdueRecords = 0
    /// Open tasks of running projects.
    public var openTasks = 0

    public init() {}
}
