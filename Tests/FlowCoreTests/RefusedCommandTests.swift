import FlowCore
import Foundation
import Testing

/// A refused command says which rule it broke, and the project's stored state and history stay as they were.
@Suite struct RefusedCommandTests {
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "work", "reject": "rejected"])),
        {"id": "work", "type": "stage", "stage": "recording", "parameters": {"timer": "10 days"},
         "outcomes": {"done": "approved", "timed-out": "rejected"}},
        {"id": "approved", "type": "end", "result": "approved"},
        {"id": "rejected", "type": "end", "result": "rejected"}
        """)

    func refusal(_ driver: Driver, _ command: Command) throws -> String? {
        let before = driver.state
        let length = driver.history.count
        var message: String?
        do {
            try driver.service.perform(command, on: driver.projectID)
        } catch {
            message = error.description
        }
        #expect(driver.state == before)
        #expect(driver.history.count == length)
        return message
    }

    @Test func decisionByAnActorWhoIsNotTheAssigneeIsRefused() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        let task = try #require(driver.task(at: "review"))
        let intruder = Actor(id: "chen", department: "区财政局", roles: ["expert"])
        #expect(try refusal(driver, .decide(task: task.id, actor: intruder, outcome: "pass", comment: nil, data: .null))
            == "chen may not decide task \(task.id): it is assigned to role \"reviewer\"")
    }

    @Test func outcomeTheTaskDoesNotOfferIsRefusedWithTheChoices() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        let task = try #require(driver.task(at: "review"))
        #expect(try refusal(driver, .decide(task: task.id, actor: Fixtures.reviewer, outcome: "approve",
                                            comment: nil, data: .null))
            == "task \(task.id) has no outcome \"approve\"; choose one of \"pass\", \"reject\"")
    }

    @Test func decisionOnADecidedTaskIsRefused() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        let task = try #require(driver.task(at: "review"))
        try driver.decide("review", "pass")
        #expect(try refusal(driver, .decide(task: task.id, actor: Fixtures.reviewer, outcome: "pass", comment: nil,
                                            data: .null))
            == "task \(task.id) is not open (it is decided)")
        #expect(try refusal(driver, .decide(task: 999, actor: Fixtures.reviewer, outcome: "pass", comment: nil,
                                            data: .null))
            == "there is no task 999 in this project")
    }

    @Test func stageRefusalLeavesTheDecisionUnrecorded() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        let task = try #require(driver.task(at: "work"))
        #expect(try refusal(driver, .decide(task: task.id, actor: Fixtures.reviewer, outcome: "done",
                                            comment: "refuse", data: .null))
            == "stage \"work\" refused: the comment asked to refuse")
        #expect(driver.task(at: "work")?.status == .open)
    }

    @Test func timerThatIsNotDueCannotFire() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        let timer = try #require(driver.state.pendingTimers.first)
        #expect(timer.due.date == CivilDate(iso: "2024-10-07"))
        #expect(try refusal(driver, .fireTimer(timer.id))
            == "timer \(timer.id) is due at 2024-10-07T16:00:00Z, not yet at 2024-09-27T01:00:00Z")
    }

    @Test func stagesOwnTimerCompletesItAndFactsAreRecorded() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        // 10 days from Friday 2024-09-27 is Monday 2024-10-07 (a working day in a weekends-only calendar).
        try driver.advance(to: "2024-10-08", hour: 1)
        #expect(driver.state.status == .ended(result: "rejected"))

        let other = try Driver(Self.document, startingOn: "2024-09-27")
        try other.start()
        try other.decide("review", "pass")
        try other.decide("work", "done")
        #expect(other.state.facts["worker"] == .string("li"))
        #expect(other.state.status == .ended(result: "approved"))
    }

    @Test func startWithAMissingOrMistypedVariableIsRefusedNamingTheField() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        #expect(throws: ServiceError.self) { try driver.start([:]) }
        do {
            try driver.start(["amount": .number(-5), "amout": .number(1)])
        } catch {
            #expect("\(error)" == "the project's variables are invalid: \"amout\" is not a declared variable; "
                        + "did you mean \"amount\"?; \"amount\" must be at least 0, found -5")
        }
        #expect(try driver.service.store.projectIDs() == [])
    }
}
