import FlowCore
import Foundation
import StageTesting
import Stages
import Testing

@Suite struct HumanTaskStageTests {
    static let parameters = #"""
        {"title": "网络安全等级保护测评", "assignee": {"department": "区委网信办"}, "outcomes": ["pass", "fail"],
         "fact": {"name": "security-assessment-passed", "trueFor": ["pass"]}}
        """#

    @Test func decisionCompletesWithItsOutcomeAndRecordsTheFact() throws {
        var run = try StageHarness(kind: HumanTaskStage(), parameters: Self.parameters, start: Given.monday)
        try run.decide("decision", as: Given.cyber, outcome: "fail")
        #expect(run.result == "fail")
        #expect(run.facts["security-assessment-passed"] == .bool(false))

        var passing = try StageHarness(kind: HumanTaskStage(), parameters: Self.parameters, start: Given.monday)
        try passing.decide("decision", as: Given.cyber, outcome: "pass")
        #expect(passing.facts["security-assessment-passed"] == .bool(true))
    }

    @Test func factNamingAnOutcomeTheTaskDoesNotOfferIsRejectedAtItsPath() {
        let problems = Given.problems(HumanTaskStage(), #"""
            {"title": "t", "assignee": {"role": "r"}, "outcomes": ["pass"], "fact": {"name": "x", "trueFor": ["passed"]}}
            """#)
        #expect(problems == ["$.nodes[0].parameters.fact.trueFor[0]: human-task: \"passed\" is not one of the task's outcomes"])
    }
}
