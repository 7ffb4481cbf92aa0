import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct JointDepartmentReviewStageTests {
    static let departments = #"["区委办", "区委网信办", "区财政局", "区审计局"]"#
    static let actors = [Given.office, Given.cyber, Given.finance, Given.audit]

    func start(_ extra: String, departments: String = JointDepartmentReviewStageTests.departments,
               deadlines: String = "[]") throws -> StageHarness {
        try StageHarness(kind: JointDepartmentReviewStage(),
                         parameters: #"{"departments": \#(departments), "due": "3 workdays"\#(extra)}"#,
                         deadlines: deadlines, start: Given.monday)
    }

    func opinion(_ run: inout StageHarness, _ actor: Actor, _ outcome: String) throws {
        try run.decide("opinion:\(actor.department ?? "")", as: actor, outcome: outcome, comment: "\(actor.id) 意见")
    }

    @Test func opensOneTaskPerDepartmentWithTheDuePeriod() throws {
        let run = try start("")
        #expect(run.openTasks.map(\.assignee) == Self.actors.compactMap(\.department).map { .department($0) })
        #expect(run.openTasks.allSatisfy { $0.due?.date == Given.date("2024-09-05") })
        #expect(run.pendingTimers.isEmpty)
    }

    @Test func allRuleApprovesWhenEveryDepartmentApproves() throws {
        var run = try start("")
        for actor in Self.actors.dropLast() { try opinion(&run, actor, "approve") }
        #expect(run.result == nil)
        try opinion(&run, Given.audit, "approve")
        #expect(run.result == "approved")
        #expect(run.facts["stage.opinions"]?.arrayValue?.count == 4)
        #expect(run.facts["stage.result"] == .string("approved"))
    }

    @Test func allRuleRejectsOnTheFirstRejectionAndClosesMootTasks() throws {
        var run = try start("")
        try opinion(&run, Given.office, "approve")
        try opinion(&run, Given.finance, "reject")
        #expect(run.result == "rejected")
        let closed = run.history.compactMap { entry -> String? in
            if case .taskClosed(_, let reason) = entry.event { return reason }
            return nil
        }
        #expect(closed == Array(repeating: "moot: the joint review is already rejected", count: 2))
    }

    @Test func vetoRuleApprovesWhenNoDepartmentRejects() throws {
        var run = try start(#", "rule": "veto", "noResponse": "abstain""#)
        try opinion(&run, Given.office, "approve")
        try run.advance(to: Given.date("2024-09-06"))
        #expect(run.result == "approved")
        let opinions = run.facts["stage.opinions"]?.arrayValue ?? []
        #expect(opinions.compactMap { $0["outcome"]?.stringValue } == ["approve", "abstain", "abstain", "abstain"])
    }

    @Test func allRuleCountsAnAbstentionAsNotApproving() throws {
        var run = try start(#", "noResponse": "abstain""#)
        for actor in Self.actors.dropLast() { try opinion(&run, actor, "approve") }
        try run.advance(to: Given.date("2024-09-05"))
        #expect(run.result == nil)
        try run.advance(to: Given.date("2024-09-06"))
        #expect(run.result == "rejected")
    }

    @Test func silenceCountsAsApprovalWhenConfigured() throws {
        var run = try start(#", "noResponse": "approve""#)
        try opinion(&run, Given.office, "approve")
        try run.advance(days: 4)
        #expect(run.result == "approved")
    }

    @Test func leaveOpenKeepsWaitingAfterTheDueDate() throws {
        var run = try start("")
        try run.advance(to: Given.date("2024-10-31"))
        #expect(run.result == nil)
        #expect(run.openTasks.count == 4)
    }

    @Test func quorumCountsApprovalsNotVotes() throws {
        let five = #"["区委办", "区委网信办", "区财政局", "区审计局", "区发改委"]"#
        var run = try start(#", "rule": "quorum", "ratio": 0.6"#, departments: five)
        try opinion(&run, Given.office, "reject")
        try opinion(&run, Given.cyber, "reject")
        #expect(run.result == nil)
        try opinion(&run, Given.finance, "reject")
        // Three of five voted, but none approved: 3 approvals are no longer reachable.
        #expect(run.result == "rejected")
    }

    @Test func quorumApprovesAsSoonAsEnoughApprove() throws {
        var run = try start(#", "rule": "quorum", "quorum": 2"#)
        try opinion(&run, Given.office, "reject")
        try opinion(&run, Given.cyber, "approve")
        #expect(run.result == nil)
        try opinion(&run, Given.finance, "approve")
        #expect(run.result == "approved")
        #expect(run.openTasks.isEmpty)
    }

    @Test func anyRuleRejectsOnlyWhenNobodyApproves() throws {
        var run = try start(#", "rule": "any""#)
        for actor in Self.actors.dropLast() { try opinion(&run, actor, "reject") }
        #expect(run.result == nil)
        try opinion(&run, Given.audit, "reject")
        #expect(run.result == "rejected")
    }

    @Test func aDepartmentMayNotAnswerForAnother() throws {
        var run = try start("")
        let before = run.state
        let task = try #require(run.task("opinion:区财政局"))
        #expect(throws: EngineError.notAssignee(task: task.id, actor: "qian", assignee: .department("区财政局"))) {
            try run.decide("opinion:区财政局", as: Given.audit, outcome: "approve")
        }
        #expect(run.state == before)
    }

    @Test func withdrawingClosesEveryOpinionTask() throws {
        var run = try start(#", "noResponse": "abstain""#)
        try run.withdraw(as: Given.unit, comment: "撤回申报")
        #expect(run.openTasks.isEmpty)
        #expect(run.pendingTimers.isEmpty)
        #expect(Given.count(run) { if case .stageCancelled(_, .withdrawn) = $0 { true } else { false } } == 1)
    }

    @Test func quorumLargerThanTheDepartmentsIsReported() {
        let problems = Given.problems(JointDepartmentReviewStage(), """
            {"departments": ["区委办", "区委网信办", "区财政局", "区审计局"], "rule": "quorum", "quorum": 5}
            """)
        #expect(problems == [
            #"$.nodes[0].parameters.quorum: joint-department-review: "quorum" is 5 but only 4 departments are listed; it must be from 1 to 4"#,
        ])
    }

    @Test func misspeltRuleAndMissingDueAreReported() {
        let problems = Given.problems(JointDepartmentReviewStage(), """
            {"departments": ["区委办"], "rule": "quorom", "noResponse": "abstain", "ratio": 1.5}
            """)
        #expect(problems.sorted() == [
            #"$.nodes[0].parameters.noResponse: joint-department-review: "noResponse": "abstain" needs "due", the period after which a department that has not answered counts as abstaining"#,
            #"$.nodes[0].parameters.ratio: joint-department-review: "ratio" applies only to rule "quorum"; the rule is "all""#,
            #"$.nodes[0].parameters.rule: joint-department-review: "rule" must be one of "all", "veto", "any", "quorum", found "quorom"; did you mean "quorum"?"#,
        ])
    }

    @Test func quorumRuleNeedsQuorumOrRatio() {
        #expect(Given.problems(JointDepartmentReviewStage(), #"{"departments": ["区委办"], "rule": "quorum"}"#) == [
            #"$.nodes[0].parameters: joint-department-review: rule "quorum" needs "quorum" (approvals needed) or "ratio" (share that must approve)"#,
        ])
    }
}
