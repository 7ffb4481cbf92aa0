import FlowCore
import Foundation
import Testing

@Suite struct EngineTests {
    // MARK: Exclusive gateways

    static let gatewayDocument = Fixtures.document(nodes: """
        {"id": "review", "type": "exclusive",
         "branches": [{"when": "project.amount >= 500", "to": "large"},
                      {"when": "project.amount >= 100", "to": "medium"}],
         "default": "small"},
        {"id": "large", "type": "end", "result": "large"},
        {"id": "medium", "type": "end", "result": "medium"},
        {"id": "small", "type": "end", "result": "small"}
        """)

    @Test(arguments: [("600", "large", 0), ("500", "large", 0), ("499.99", "medium", 1), ("40", "small", nil)])
    func exclusiveGatewayTakesTheFirstMatchingBranchElseTheDefault(amount: String, result: String, branch: Int?)
        throws
    {
        let driver = try Driver(Self.gatewayDocument, startingOn: "2024-09-27")
        try driver.start(["amount": .number(amount)])
        #expect(driver.state.status == .ended(result: result))
        #expect(driver.events.contains(.gatewayPassed(node: "review", branch: branch, target: result)))
    }

    // MARK: Parallel split and join

    static let parallelDocument = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "split"])),
        {"id": "split", "type": "parallel", "branches": ["finance", "security"], "join": "join"},
        \(Fixtures.task("finance", outcomes: ["agree": "join", "return": "review"],
                        assignee: #"{"department": "区财政局"}"#)),
        \(Fixtures.task("security", outcomes: ["agree": "join", "veto": "rejected"],
                        assignee: #"{"department": "区委网信办"}"#,
                        deadlines: #"[{"id": "opinion", "period": "3 workdays", "interrupting": false}]"#)),
        {"id": "join", "type": "join", "next": "approval"},
        \(Fixtures.task("approval", outcomes: ["approve": "approved"])),
        {"id": "approved", "type": "end", "result": "approved"},
        {"id": "rejected", "type": "end", "result": "rejected"}
        """)

    static let finance = Actor(id: "wang", department: "区财政局")
    static let security = Actor(id: "zhao", department: "区委网信办")

    @Test func joinWaitsForEveryBranchThenContinues() throws {
        let driver = try Driver(Self.parallelDocument, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        #expect(Set(driver.state.openTasks.map(\.nodeID)) == ["finance", "security"])
        try driver.decide("finance", "agree", as: Self.finance)
        #expect(driver.state.openTasks.map(\.nodeID) == ["security"])
        #expect(driver.state.scopes.values.first?.arrived.count == 1)
        try driver.decide("security", "agree", as: Self.security)
        #expect(driver.state.openTasks.map(\.nodeID) == ["approval"])
        #expect(driver.state.scopes.isEmpty)
        try driver.decide("approval", "approve")
        #expect(driver.state.status == .ended(result: "approved"))
    }

    @Test func returnFromInsideABranchCancelsTheSiblingBranchAndItsTimers() throws {
        let driver = try Driver(Self.parallelDocument, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        let securityTask = try #require(driver.task(at: "security"))
        #expect(driver.pendingDue == ["security deadline(\"opinion\") 2024-10-02"])

        try driver.decide("finance", "return", as: Self.finance)

        #expect(driver.state.openTasks.map(\.nodeID) == ["review"])
        #expect(driver.state.taskStatus(securityTask.id) == .closed)
        #expect(driver.state.timers.isEmpty)
        #expect(driver.state.scopes.isEmpty)
        #expect(driver.state.tokens.count == 1)
        #expect(driver.events.contains(.stageCancelled(activation: securityTask.activationID, reason: .branchLeft)))

        // The second round through the block is not blocked by the first one's arrivals.
        try driver.decide("review", "pass")
        try driver.decide("finance", "agree", as: Self.finance)
        try driver.decide("security", "agree", as: Self.security)
        #expect(driver.state.openTasks.map(\.nodeID) == ["approval"])
    }

    @Test func endReachedOnOneBranchEndsTheProjectAndCancelsTheOthers() throws {
        let driver = try Driver(Self.parallelDocument, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        try driver.decide("security", "veto", as: Self.security)
        #expect(driver.state.status == .ended(result: "rejected"))
        #expect(driver.state.openTasks.isEmpty)
        #expect(driver.state.timers.isEmpty)
        #expect(driver.state.tokens.isEmpty)
        #expect(driver.state.scopes.isEmpty)
    }

    // MARK: Deadlines and reminders

    static let revisionDocument = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "approved", "revise": "revision"],
                        deadlines: #"[{"id": "opinion", "period": "5 workdays", "interrupting": false, "remindBefore": ["1 workday"]}]"#)),
        \(Fixtures.task("revision", outcomes: ["resubmit": "review"], assignee: #"{"role": "project-unit"}"#,
                        deadlines: #"[{"id": "revise", "period": "15 workdays", "interrupting": true, "goto": "returned"}]"#)),
        {"id": "approved", "type": "end", "result": "approved"},
        {"id": "returned", "type": "end", "result": "returned"}
        """)

    static let unit = Actor(id: "unit", roles: ["project-unit"])

    @Test func nonInterruptingDeadlineRecordsTheOverdueItemAndKeepsTheTaskOpen() throws {
        let driver = try Driver(Self.revisionDocument, startingOn: "2024-09-27")
        try driver.start()
        // Weekends only: five working days after Friday 2024-09-27 is Friday 2024-10-04; the reminder one
        // working day before it is due at the end of Thursday 2024-10-03.
        #expect(driver.pendingDue == ["review reminder(\"opinion\") 2024-10-03", "review deadline(\"opinion\") 2024-10-04"])
        try driver.advance(to: "2024-10-04", hour: 23)
        let activation = try #require(driver.task(at: "review")).activationID
        #expect(driver.events.contains(.reminderSent(
            activation: activation, deadline: "opinion",
            due: DueDate(date: CivilDate(iso: "2024-10-04")!, provisional: false))))
        #expect(driver.state.overdue.isEmpty)
        try driver.advance(to: "2024-10-05")
        #expect(driver.state.overdue.map(\.deadline) == ["opinion"])
        #expect(driver.state.overdue.first?.due.date == CivilDate(iso: "2024-10-04"))
        #expect(driver.task(at: "review") != nil)
    }

    @Test func interruptingDeadlineLeavesTheStageAlongItsPath() throws {
        let driver = try Driver(Self.revisionDocument, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "revise")
        #expect(driver.pendingDue == ["revision deadline(\"revise\") 2024-10-18"])
        try driver.advance(to: "2024-10-18", hour: 23)
        #expect(driver.state.isRunning)
        try driver.advance(to: "2024-10-19", hour: 0)
        #expect(driver.state.status == .ended(result: "returned"))
        #expect(driver.state.openTasks.isEmpty)
        let fired = driver.history.first { if case .timerFired = $0.event { return true } else { return false } }
        #expect(fired?.event == .timerFired(timer: 7, lateBy: 0))
        #expect(fired?.actor == .system)
    }

    @Test func reenteringAStageRecreatesItsDeadlinesFromTheReentry() throws {
        let driver = try Driver(Self.revisionDocument, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "revise")
        try driver.advance(to: "2024-10-09")
        try driver.decide("revision", "resubmit", as: Self.unit)
        // Re-entered on Wednesday 2024-10-09: five working days later is Wednesday 2024-10-16.
        #expect(driver.pendingDue == ["review reminder(\"opinion\") 2024-10-15", "review deadline(\"opinion\") 2024-10-16"])
        #expect(driver.state.activations.count == 1)
    }

    @Test func timerFiredLateRecordsByHowMuch() throws {
        let driver = try Driver(Self.revisionDocument, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "revise")
        driver.clock.set(CivilDate(iso: "2024-10-21")!.startInChina.addingTimeInterval(3600))
        try driver.service.fireDueTimers()
        // Due at 2024-10-19 00:00, fired 2024-10-21 01:00: two days and an hour late.
        #expect(driver.events.contains(.timerFired(timer: 7, lateBy: 2 * 86_400 + 3600)))
    }

    // MARK: Waits

    static let waitDocument = Fixtures.document(
        nodes: """
            {"id": "review", "type": "wait", "period": "6 months", "next": "until"},
            {"id": "until", "type": "wait", "until": "project.deadline", "next": "done"},
            {"id": "done", "type": "end", "result": "done"}
            """,
        variables: #"{"deadline": {"type": "date"}}"#)

    @Test func waitNodesHoldTheProjectForAPeriodThenUntilADate() throws {
        let driver = try Driver(Self.waitDocument, startingOn: "2024-08-31")
        try driver.start(["deadline": .string("2025-03-10")])
        // Six months from 2024-08-31 is 2025-02-28 (no 31st in February), a Friday.
        #expect(driver.pendingDue == ["review wait 2025-02-28"])
        try driver.advance(to: "2025-03-01")
        #expect(driver.pendingDue == ["until wait 2025-03-09"])
        try driver.advance(to: "2025-03-09", hour: 23)
        #expect(driver.state.isRunning)
        try driver.advance(to: "2025-03-10", hour: 0)
        #expect(driver.state.status == .ended(result: "done"))
    }

    @Test func waitUntilADateAlreadyPassedContinuesAtOnce() throws {
        let driver = try Driver(Self.waitDocument, startingOn: "2024-08-31")
        try driver.start(["deadline": .string("2024-01-01")])
        try driver.advance(to: "2025-03-01")
        #expect(driver.state.status == .ended(result: "done"))
    }

    // MARK: Withdrawal

    @Test func withdrawnProjectLeavesNoLiveTimerOrOpenTask() throws {
        let driver = try Driver(Self.parallelDocument, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        let financeTask = try #require(driver.task(at: "finance"))
        try driver.service.perform(.withdraw(actor: Self.unit, comment: "项目取消"), on: driver.projectID)
        #expect(driver.state.status == .withdrawn)
        #expect(driver.state.timers.isEmpty)
        #expect(driver.state.openTasks.isEmpty)
        #expect(try driver.service.store.nextTimer() == nil)
        let error = #expect(throws: ServiceError.self) {
            try driver.service.perform(.decide(task: financeTask.id, actor: Self.finance, outcome: "agree",
                                               comment: nil, data: .null), on: driver.projectID)
        }
        #expect(error?.description == "the project has been withdrawn")
    }
}
