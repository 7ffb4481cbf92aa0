import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct AcceptanceStageTests {
    static let parameters = """
        {"experts": {"role": "acceptance-expert"}, "panelSize": 3, "oddPanel": true,
         "acceptor": {"department": "区数据资源局"},
         "preconditions": ["securityAssessmentPassed", "archiveAcceptancePassed"],
         "rectificationWindow": "2 months"}
        """
    let bureau = Actor(id: "lin", department: "区数据资源局")

    func expert(_ id: String) -> Actor { Actor(id: id, roles: ["acceptance-expert"]) }

    func start(facts: [String: JSONValue] = ["securityAssessmentPassed": .bool(true),
                                             "archiveAcceptancePassed": .bool(true)]) throws -> StageHarness {
        try StageHarness(kind: AcceptanceStage(), parameters: Self.parameters, facts: facts, start: Given.monday)
    }

    func passInitial(_ run: inout StageHarness) throws {
        try run.decide("initial:1", as: expert("a"), outcome: "pass")
        try run.decide("initial:2", as: expert("b"), outcome: "pass")
    }

    @Test func initialThenFinalAcceptanceAccepts() throws {
        var run = try start()
        #expect(run.openTasks.map(\.key) == ["initial:1", "initial:2", "initial:3"])
        try passInitial(&run)
        #expect(run.openTasks.map(\.key) == ["apply"])
        try run.decide("apply", as: Given.unit, outcome: "apply")
        try run.decide("final", as: bureau, outcome: "pass")
        #expect(run.result == "accepted")
        #expect(run.facts["stage.acceptedOn"] == .string("2024-09-02"))
        #expect(run.facts["stage.initialOpinions"]?.arrayValue?.count == 2)
    }

    @Test func applyingWithoutThePreconditionsIsRefusedListingThem() throws {
        var run = try start(facts: ["securityAssessmentPassed": .bool(false)])
        try passInitial(&run)
        let before = run.state
        #expect(throws: EngineError.refused(node: "stage", reason: #"final acceptance cannot be applied for yet; these preconditions are not met: "securityAssessmentPassed", "archiveAcceptancePassed" (each must be recorded as the fact true)"#)) {
            try run.decide("apply", as: Given.unit, outcome: "apply")
        }
        #expect(run.state == before)
    }

    @Test func aFailedFinalAcceptanceFailsWhenTheRectificationWindowExpires() throws {
        var run = try start()
        try passInitial(&run)
        try run.decide("apply", as: Given.unit, outcome: "apply")
        try run.decide("final", as: bureau, outcome: "fail", comment: "部分功能未实现")
        let rectify = try #require(run.task("rectify"))
        #expect(run.notes.last?.message == "acceptance: 验收不合格，限2个月内整改后再提请验收 — 部分功能未实现")
        // 2 months from Monday 2024-09-02 is Saturday 2024-11-02: the next working day.
        #expect(rectify.due?.date == Given.date("2024-11-04"))
        try run.advance(to: Given.date("2024-11-04"))
        #expect(run.result == nil)
        try run.advance(days: 1)
        #expect(run.result == "failed")
    }

    @Test func rectifyingInTimeLeadsToANewApplication() throws {
        var run = try start()
        try passInitial(&run)
        try run.decide("apply", as: Given.unit, outcome: "apply")
        try run.decide("final", as: bureau, outcome: "fail")
        try run.advance(days: 30)
        try run.decide("rectify", as: Given.unit, outcome: "reapply")
        #expect(run.pendingTimers.isEmpty)
        try run.decide("apply", as: Given.unit, outcome: "apply")
        try run.decide("final", as: bureau, outcome: "pass")
        #expect(run.result == "accepted")
        #expect(run.facts["stage.rectifications"] == .number(1))
    }

    @Test func aFailedInitialAcceptanceIsRepeatedAfterRectification() throws {
        var run = try start()
        try run.decide("initial:1", as: expert("a"), outcome: "fail")
        try run.decide("initial:3", as: expert("c"), outcome: "fail")
        #expect(run.openTasks.map(\.key) == ["rectify"])
        try run.decide("rectify", as: Given.unit, outcome: "reapply")
        #expect(run.openTasks.map(\.key) == ["initial:1", "initial:2", "initial:3"])
    }

    @Test func withoutARectificationWindowAFailureFailsAtOnce() throws {
        var run = try StageHarness(kind: AcceptanceStage(), parameters: #"{"phases": ["final"], "acceptor": {"department": "区数据资源局"}}"#,
                                   start: Given.monday)
        try run.decide("apply", as: Given.unit, outcome: "apply")
        try run.decide("final", as: bureau, outcome: "fail")
        #expect(run.result == "failed")
    }

    @Test func panelSizeRulesAreReported() {
        #expect(Given.problems(AcceptanceStage(), """
            {"experts": {"role": "acceptance-expert"}, "panelSize": 4, "oddPanel": true,
             "acceptor": {"department": "区数据资源局"}}
            """) == [
            #"$.nodes[0].parameters.panelSize: acceptance: "oddPanel" requires an odd number of experts, but "panelSize" is 4"#,
        ])
        #expect(Set(Given.problems(AcceptanceStage(), #"{"phases": ["initial"], "panelSize": 2, "acceptor": {"role": "x"}}"#)) == [
            #"$.nodes[0].parameters.panelSize: acceptance: "panelSize" is 2 but the group needs at least 3 experts ("minimumPanelSize")"#,
            #"$.nodes[0].parameters: acceptance: missing parameter "experts""#,
            #"$.nodes[0].parameters.acceptor: acceptance: "acceptor" applies only with the "final" phase"#,
        ])
    }
}
