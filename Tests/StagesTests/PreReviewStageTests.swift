import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct PreReviewStageTests {
    static let parameters = """
        {"reviewer": {"department": "区数据局"}, "revisionWindow": "15 workdays", "reviewPeriod": "5 workdays"}
        """

    func start(_ parameters: String = PreReviewStageTests.parameters, deadlines: String = "[]") throws -> StageHarness {
        try StageHarness(kind: PreReviewStage(), parameters: parameters, deadlines: deadlines, start: Given.monday)
    }

    @Test func passingTheReviewCompletesPass() throws {
        var run = try start()
        let review = try #require(run.task("review"))
        #expect(review.outcomes == ["pass", "revise", "reject"])
        #expect(review.due?.date == Given.date("2024-09-09"))
        try run.decide("review", as: Given.dataBureau, outcome: "pass", comment: "材料齐全")
        #expect(run.result == "pass")
        #expect(run.facts["stage.revisions"] == .number(0))
    }

    @Test func rejectingTheReviewCompletesReject() throws {
        var run = try start()
        try run.decide("review", as: Given.dataBureau, outcome: "reject")
        #expect(run.result == "reject")
    }

    @Test func reviseOpensARevisionTaskForTheApplicantWithTheWindow() throws {
        var run = try start()
        try run.advance(days: 1)
        try run.decide("review", as: Given.dataBureau, outcome: "revise", comment: "补充造价评估报告")
        let revision = try #require(run.task("revision"))
        #expect(revision.assignee == .role("project-unit"))
        #expect(revision.outcomes == ["resubmit"])
        #expect(revision.due?.date == Given.date("2024-09-24"))
        #expect(run.pendingTimers.map(\.purpose) == [.stage("revision-window")])
        #expect(run.pendingTimers.first?.due.date == Given.date("2024-09-24"))
    }

    @Test func applicantWhoDoesNotResubmitInTimeIsReturned() throws {
        var run = try start()
        try run.advance(days: 1)
        try run.decide("review", as: Given.dataBureau, outcome: "revise")
        try run.advance(to: Given.date("2024-09-24"))
        #expect(run.result == nil)
        try run.advance(to: Given.date("2024-09-25"))
        #expect(run.result == "returned")
        #expect(run.notes.contains { $0.kind == "returned" })
        #expect(run.facts["stage.revisions"] == .number(1))
    }

    @Test func resubmittingReopensTheReviewAndCancelsTheWindow() throws {
        var run = try start()
        try run.decide("review", as: Given.dataBureau, outcome: "revise")
        try run.advance(days: 7)
        try run.decide("revision", as: Given.unit, outcome: "resubmit")
        #expect(run.pendingTimers.isEmpty)
        #expect(run.task("review")?.title.contains("第2次") == true)
        try run.advance(to: Given.date("2024-12-31"))
        #expect(run.result == nil)
        try run.decide("review", as: Given.dataBureau, outcome: "pass")
        #expect(run.result == "pass")
        #expect(run.facts["stage.revisions"] == .number(1))
    }

    @Test func reviseIsNoLongerOfferedAfterMaxRevisions() throws {
        var run = try start("""
            {"reviewer": {"department": "区数据局"}, "revisionWindow": "15 workdays", "maxRevisions": 1}
            """)
        try run.decide("review", as: Given.dataBureau, outcome: "revise")
        try run.decide("revision", as: Given.unit, outcome: "resubmit")
        #expect(run.task("review")?.outcomes == ["pass", "reject"])
    }

    @Test func decisionByANonAssigneeIsRefusedAndChangesNothing() throws {
        var run = try start()
        let before = run.state
        let task = try #require(run.task("review"))
        #expect(throws: EngineError.notAssignee(task: task.id, actor: "unit", assignee: .department("区数据局"))) {
            try run.decide("review", as: Given.unit, outcome: "pass")
        }
        #expect(run.state == before)
    }

    @Test func nonInterruptingReviewDeadlineRecordsOverdueNote() throws {
        var run = try start(deadlines: #"[{"id": "review-period", "period": "5 workdays", "interrupting": false}]"#)
        try run.advance(to: Given.date("2024-09-10"))
        #expect(run.state.overdue.map(\.deadline) == ["review-period"])
        #expect(run.notes.map(\.kind) == ["overdue"])
        #expect(run.task("review") != nil)
    }

    @Test func interruptingDeadlineCancelsTheStageAndItsTimer() throws {
        var run = try start(deadlines: #"[{"id": "all", "period": "3 workdays", "interrupting": true, "goto": "timeout"}]"#)
        try run.decide("review", as: Given.dataBureau, outcome: "revise")
        try run.advance(to: Given.date("2024-09-06"))
        #expect(run.result == "timeout")
        #expect(Given.count(run) { if case .stageCancelled(_, .deadlineExpired("all")) = $0 { true } else { false } } == 1)
        #expect(run.openTasks.isEmpty)
        #expect(run.pendingTimers.isEmpty)
    }

    @Test func withdrawingClosesTheRevisionTaskAndCancelsTheWindow() throws {
        var run = try start()
        try run.decide("review", as: Given.dataBureau, outcome: "revise")
        try run.withdraw(as: Given.unit)
        #expect(run.openTasks.isEmpty)
        #expect(run.pendingTimers.isEmpty)
        #expect(run.state.status == .withdrawn)
    }

    @Test func badParametersAreReportedWithPathsAndMessages() {
        let problems = Given.problems(PreReviewStage(), """
            {"reviewer": {"office": "区数据局"}, "revisonWindow": "15 workdays"}
            """)
        #expect(problems.sorted() == [
            #"$.nodes[0].parameters.reviewer.office: pre-review: "office" is not a kind of assignee; use "role", "department" or "actor""#,
            #"$.nodes[0].parameters.revisonWindow: pre-review: unknown parameter "revisonWindow"; did you mean "revisionWindow"?; parameters are "reviewer", "applicant", "revisionWindow", "reviewPeriod", "maxRevisions""#,
            #"$.nodes[0].parameters: pre-review: missing parameter "revisionWindow""#,
        ].sorted())
    }
}
