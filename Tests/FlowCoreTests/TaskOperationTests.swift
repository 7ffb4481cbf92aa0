import FlowCore
import Foundation
import Testing

/// 转办, 委派, 加签, 退回 and 催办 on any human task, each recorded with actor, time and comment.
@Suite struct TaskOperationTests {
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "split"])),
        {"id": "split", "type": "parallel", "branches": ["finance", "security"], "join": "join"},
        {"id": "finance", "type": "stage", "stage": "human-task",
         "parameters": {"title": "财政审核", "assignee": {"department": "区财政局"}, "outcomes": ["agree"]},
         "outcomes": {"agree": "join"}, "returnTo": ["review"]},
        \(Fixtures.task("security", outcomes: ["agree": "join"], assignee: #"{"department": "区委网信办"}"#,
                        deadlines: #"[{"id": "opinion", "period": "3 workdays", "interrupting": false}]"#)),
        {"id": "join", "type": "join", "next": "approved"},
        {"id": "approved", "type": "end", "result": "approved"}
        """)

    static let finance = Actor(id: "wang", department: "区财政局")
    static let expert = Actor(id: "sun", roles: ["expert"])

    func started() throws -> (Driver, HumanTask) {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        return (driver, try #require(driver.task(at: "finance")))
    }

    func perform(_ driver: Driver, _ command: Command) throws {
        try driver.service.perform(command, on: driver.projectID)
    }

    @Test func transferHandsTheTaskToTheNewAssigneeOnly() throws {
        let (driver, task) = try started()
        try perform(driver, .transfer(task: task.id, actor: Self.finance, to: .actor("sun"), comment: "请孙工办理"))
        #expect(driver.events.last == .taskTransferred(task: task.id, from: .department("区财政局"),
                                                        to: .actor("sun"), comment: "请孙工办理"))
        #expect(driver.history.last?.actor == Self.finance)
        #expect(throws: ServiceError.self) { try driver.decide("finance", "agree", as: Self.finance) }
        try driver.decide("finance", "agree", as: Self.expert)
        #expect(driver.state.taskStatus(task.id) == .decided)
    }

    @Test func delegatedTaskComesBackToTheDelegatorWhoDecides() throws {
        let (driver, task) = try started()
        try perform(driver, .delegate(task: task.id, actor: Self.finance, to: .actor("sun"), comment: nil))
        do {
            try driver.decide("finance", "agree", as: Self.expert)
            Issue.record("a delegate must not decide")
        } catch {
            #expect("\(error)" == "task \(task.id) is delegated by department \"区财政局\"; hand it back with your "
                        + "opinion so that they decide it")
        }
        try perform(driver, .handBack(task: task.id, actor: Self.expert, comment: "建议同意"))
        #expect(driver.state.tasks[task.id]?.assignee == .department("区财政局"))
        try driver.decide("finance", "agree", as: Self.finance)
        #expect(driver.state.taskStatus(task.id) == .decided)
    }

    @Test func reviewerAddedBeforeBlocksTheDecisionUntilTheyGiveTheirOpinion() throws {
        let (driver, task) = try started()
        try perform(driver, .addReviewer(task: task.id, actor: Self.finance, reviewer: .role("expert"),
                                         blocking: true, comment: "请专家把关"))
        let consultation = try #require(driver.state.openTasks.first { $0.consultationOf == task.id })
        #expect(consultation.outcomes == ["agree", "disagree"])
        do {
            try driver.decide("finance", "agree", as: Self.finance)
            Issue.record("the decision must wait for the added reviewer")
        } catch {
            #expect("\(error)" == "task \(task.id) waits for the opinion of the added reviewer(s) in task(s) "
                        + "\(consultation.id)")
        }
        try perform(driver, .decide(task: consultation.id, actor: Self.expert, outcome: "disagree", comment: "预算偏高",
                                    data: .null))
        #expect(driver.state.taskStatus(task.id) == .open)
        try driver.decide("finance", "agree", as: Self.finance)
        #expect(driver.state.taskStatus(task.id) == .decided)
    }

    @Test func returnFromABranchGoesToTheAllowedNodeAndCancelsTheSiblings() throws {
        let (driver, task) = try started()
        do {
            try perform(driver, .returnTo(task: task.id, actor: Self.finance, node: "split", comment: nil))
            Issue.record("returning to a node the stage does not allow must be refused")
        } catch {
            #expect("\(error)" == "task \(task.id) cannot be returned to \"split\"; its stage allows \"review\"")
        }
        try perform(driver, .returnTo(task: task.id, actor: Self.finance, node: "review", comment: "材料不全"))
        #expect(driver.state.openTasks.map(\.nodeID) == ["review"])
        #expect(driver.state.timers.isEmpty)
        #expect(driver.state.scopes.isEmpty)
        #expect(driver.events.contains(.stageCancelled(activation: task.activationID, reason: .returned(to: "review"))))
    }

    @Test func urgingIsRecordedWithItsActorAndComment() throws {
        let (driver, task) = try started()
        let applicant = Actor(id: "unit", roles: ["project-unit"])
        try perform(driver, .urge(task: task.id, actor: applicant, comment: "请尽快出具意见"))
        #expect(driver.events.last == .taskUrged(task: task.id, comment: "请尽快出具意见"))
        #expect(driver.history.last?.actor == applicant)
    }
}
