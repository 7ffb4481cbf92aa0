import FlowCore
import Foundation

/// One event of every type, with every optional field both filled and empty somewhere, for the golden files and the
/// round-trip tests. `typeName(of:)` has no `default`: a new event type does not compile until it has a sample.
enum RecordSamples {
    static let opened = CivilDate(iso: "2024-09-27")!.startInChina.addingTimeInterval(9 * 3600)
    static let due = DueDate(date: CivilDate(iso: "2024-10-10")!, provisional: false)
    static let reviewer = Actor(id: "li", department: "区数据局", roles: ["reviewing-office", "reviewer"])
    static let unit = Actor(id: "edu", roles: ["project-unit"])

    static let task = HumanTask(
        id: 3, activationID: 2, nodeID: "pre-review", key: "review", title: "预审意见",
        assignee: .department("区数据局"),
        outcomes: ["pass", "revise"], openedAt: opened, due: due,
        exampleData: .object(["documentNumber": .string("〔2024〕1号")]))
    static let consultation = HumanTask(
        id: 9, activationID: 2, nodeID: "pre-review", key: "consultation:3", title: "预审意见（加签意见）",
        assignee: .role("expert"), outcomes: ["agree", "disagree"], openedAt: opened.addingTimeInterval(0.25),
        due: nil, status: .open, delegatedBy: .actor("zhang"), consultationOf: 3, blocking: true)
    static let deadline = PendingTimer(
        id: 4, purpose: .deadline("initial-opinion"), activationID: 2, tokenID: 1, nodeID: "pre-review",
        rule: .period(.workdays(5), from: CivilDate(iso: "2024-09-27")!), due: due)
    static let reminder = PendingTimer(
        id: 5, purpose: .reminder("initial-opinion"), activationID: 2, tokenID: 1, nodeID: "pre-review",
        rule: .before(.workdays(1), deadline: .period(.workdays(5), from: CivilDate(iso: "2024-09-27")!)),
        due: DueDate(date: CivilDate(iso: "2024-10-09")!, provisional: false))
    static let wait = PendingTimer(
        id: 6, purpose: .wait, activationID: nil, tokenID: 7, nodeID: "trial-run",
        rule: .date(CivilDate(iso: "2025-03-31")!),
        due: DueDate(date: CivilDate(iso: "2025-03-31")!, provisional: true))
    static let report = PendingTimer(
        id: 8, purpose: .stage("annual-report"), activationID: 12, tokenID: 7, nodeID: "annual-report",
        rule: .recurring(RecurringDueDay.parse("yearly 12-31")!, onOrAfter: CivilDate(iso: "2024-11-01")!),
        due: DueDate(date: CivilDate(iso: "2024-12-31")!, provisional: false))

    /// One sample per event type (several for types whose nested records have kinds), named for the golden file.
    static let events: [(name: String, event: Event)] = [
        ("instanceStarted", .instanceStarted(
            definitionID: "tinghu", version: 1,
            variables: ["amount": .decimal(Decimal(string: "1234.56")!), "category": .string("新建"),
                        "secret": .bool(false), "plannedStart": .date(CivilDate(iso: "2025-01-02")!),
                        "departments": .list([.string("区财政局"), .string("区审计局")])],
            computed: ["tier": .string("medium")])),
        ("tokenCreated", .tokenCreated(token: 20, node: "finance", scope: 19)),
        ("tokenMoved", .tokenMoved(token: 1, node: "pre-review", scope: nil)),
        ("tokenRemoved", .tokenRemoved(token: 8)),
        ("scopeOpened", .scopeOpened(scope: 19, split: "split", join: "join", parent: nil, branches: 2)),
        ("branchArrived", .branchArrived(scope: 19, token: 20)),
        ("scopeCompleted", .scopeCompleted(scope: 19)),
        ("scopeCancelled", .scopeCancelled(scope: 19, byToken: 21)),
        ("gatewayPassed", .gatewayPassed(node: "secrecy", branch: nil, target: "pre-review")),
        ("stageEntered", .stageEntered(activation: 2, token: 1, node: "pre-review", kind: "pre-review")),
        ("stageStateSaved", .stageStateSaved(activation: 2, state: .object(["phase": .string("review"),
                                                                            "revisions": .number(0)]))),
        ("taskOpened", .taskOpened(task)),
        ("taskOpened-consultation", .taskOpened(consultation)),
        ("taskDecided", .taskDecided(task: 3, actor: reviewer, outcome: "pass", comment: "同意",
                                     data: .object(["score": .number(90)]))),
        ("taskTransferred", .taskTransferred(task: 3, from: .department("区数据局"), to: .actor("sun"),
                                             comment: "请孙工办理")),
        ("taskDelegated", .taskDelegated(task: 3, from: .actor("sun"), to: .role("reviewer"), comment: nil)),
        ("taskHandedBack", .taskHandedBack(task: 3, to: .actor("sun"), comment: "建议通过")),
        ("reviewerAdded", .reviewerAdded(task: 3, consultation: 9, blocking: true, comment: "请专家把关")),
        ("taskReturned", .taskReturned(task: 23, to: "pre-review", comment: "材料不全")),
        ("taskUrged", .taskUrged(task: 3, comment: nil)),
        ("taskClosed", .taskClosed(task: 26, reason: "stage cancelled: deadline \"security-opinion\" expired")),
        ("timerScheduled", .timerScheduled(deadline)),
        ("timerScheduled-reminder", .timerScheduled(reminder)),
        ("timerScheduled-wait", .timerScheduled(wait)),
        ("timerScheduled-stage", .timerScheduled(report)),
        ("timerRescheduled", .timerRescheduled(
            timer: 6, from: DueDate(date: CivilDate(iso: "2025-03-31")!, provisional: true),
            to: DueDate(date: CivilDate(iso: "2025-04-01")!, provisional: false))),
        ("timerFired", .timerFired(timer: 4, lateBy: 291_600)),
        ("timerCancelled", .timerCancelled(timer: 5)),
        ("deadlineExpired", .deadlineExpired(activation: 2, deadline: "initial-opinion", due: due,
                                             interrupting: false)),
        ("reminderSent", .reminderSent(activation: 2, deadline: "initial-opinion",
                                       due: DueDate(date: CivilDate(iso: "2024-10-09")!, provisional: false))),
        ("factRecorded", .factRecorded(activation: 2, name: "pre-review.passedOn", value: .string("2024-10-08"))),
        ("noteRecorded", .noteRecorded(activation: 14, kind: "filing", message: "报区发改委备案",
                                       data: .object(["authority": .string("区发改委")]))),
        ("stageCompleted", .stageCompleted(activation: 2, outcome: "pass")),
        ("stageCancelled", .stageCancelled(activation: 24, reason: .deadlineExpired("security-opinion"))),
        ("stageCancelled-branchLeft", .stageCancelled(activation: 22, reason: .branchLeft)),
        ("stageCancelled-instanceEnded", .stageCancelled(activation: 22, reason: .instanceEnded)),
        ("stageCancelled-withdrawn", .stageCancelled(activation: 22, reason: .withdrawn)),
        ("stageCancelled-returned", .stageCancelled(activation: 22, reason: .returned(to: "pre-review"))),
        ("stageCancelled-moved", .stageCancelled(activation: 22, reason: .moved(to: "pre-review"))),
        ("instanceEnded", .instanceEnded(node: "approved", result: "approved")),
        ("instanceWithdrawn", .instanceWithdrawn(actor: unit, comment: "项目取消")),
        ("incidentRaised", .incidentRaised(incident: 1, timer: 4, command: "fire timer 4 (deadline \"opinion\" of "
            + "node \"pre-review\")", error: "stage \"gate\" refused entry: amount 500 is above the limit")),
        ("incidentRaised-command", .incidentRaised(incident: 2, timer: nil, command: "decide task 3 with \"pass\" by li",
                                                   error: "node \"check\": no condition holds")),
        ("incidentRetryFailed", .incidentRetryFailed(incident: 1, error: "stage \"gate\" refused entry: still")),
        ("incidentResolved", .incidentResolved(incident: 1, resolution: .moved, movedTo: "pre-review",
                                               comment: "重新预审")),
        ("incidentResolved-retried", .incidentResolved(incident: 1, resolution: .retried, movedTo: nil,
                                                       comment: nil)),
    ]

    /// The record `type` of an event, by an exhaustive switch.
    static func typeName(of event: Event) -> String {
        switch event {
        case .instanceStarted: return "instanceStarted"
        case .tokenCreated: return "tokenCreated"
        case .tokenMoved: return "tokenMoved"
        case .tokenRemoved: return "tokenRemoved"
        case .scopeOpened: return "scopeOpened"
        case .branchArrived: return "branchArrived"
        case .scopeCompleted: return "scopeCompleted"
        case .scopeCancelled: return "scopeCancelled"
        case .gatewayPassed: return "gatewayPassed"
        case .stageEntered: return "stageEntered"
        case .stageStateSaved: return "stageStateSaved"
        case .taskOpened: return "taskOpened"
        case .taskDecided: return "taskDecided"
        case .taskTransferred: return "taskTransferred"
        case .taskDelegated: return "taskDelegated"
        case .taskHandedBack: return "taskHandedBack"
        case .reviewerAdded: return "reviewerAdded"
        case .taskReturned: return "taskReturned"
        case .taskUrged: return "taskUrged"
        case .taskClosed: return "taskClosed"
        case .timerScheduled: return "timerScheduled"
        case .timerRescheduled: return "timerRescheduled"
        case .timerFired: return "timerFired"
        case .timerCancelled: return "timerCancelled"
        case .deadlineExpired: return "deadlineExpired"
        case .reminderSent: return "reminderSent"
        case .factRecorded: return "factRecorded"
        case .noteRecorded: return "noteRecorded"
        case .stageCompleted: return "stageCompleted"
        case .stageCancelled: return "stageCancelled"
        case .instanceEnded: return "instanceEnded"
        case .instanceWithdrawn: return "instanceWithdrawn"
        case .incidentRaised: return "incidentRaised"
        case .incidentRetryFailed: return "incidentRetryFailed"
        case .incidentResolved: return "incidentResolved"
        }
    }
}
