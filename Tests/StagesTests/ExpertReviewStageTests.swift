import FlowCore
import Foundation
import StageTesting
import Stages
import Testing

@Suite struct ExpertReviewStageTests {
    static let panel = """
        {"members": [{"actor": "wang", "field": "technical"}, {"actor": "chen", "field": "technical"},
                     {"actor": "he", "field": "finance"}],
         "minimumSize": 3, "oddSize": true, "requiredFields": ["technical", "finance"], "due": "5 workdays"}
        """
    let wang = Actor(id: "wang")
    let chen = Actor(id: "chen")
    let he = Actor(id: "he")

    @Test func majorityApprovesAndClosesTheRemainingSeat() throws {
        var run = try StageHarness(kind: ExpertReviewStage(), parameters: Self.panel, start: Given.monday)
        #expect(run.openTasks.map(\.assignee) == [.actor("wang"), .actor("chen"), .actor("he")])
        #expect(run.openTasks.allSatisfy { $0.due?.date == Given.date("2024-09-09") })
        try run.decide("expert:1", as: wang, outcome: "approve", comment: "技术方案可行",
                       data: .object(["suggestedBudget": .number(280)]))
        try run.decide("expert:3", as: he, outcome: "approve", comment: "投资概算偏高",
                       data: .object(["suggestedBudget": .number(250)]))
        #expect(run.result == "approved")
        #expect(run.facts["stage.suggestedBudget"] == .number(265))
        let opinions = run.facts["stage.opinions"]?.arrayValue ?? []
        #expect(opinions.compactMap { $0["comment"]?.stringValue } == ["技术方案可行", "投资概算偏高"])
        #expect(opinions.compactMap { $0["field"]?.stringValue } == ["technical", "finance"])
    }

    @Test func majorityRejectsWhenApprovalCannotReachMoreThanHalf() throws {
        var run = try StageHarness(kind: ExpertReviewStage(), parameters: Self.panel, start: Given.monday)
        try run.decide("expert:1", as: wang, outcome: "reject")
        #expect(run.result == nil)
        try run.decide("expert:2", as: chen, outcome: "reject")
        #expect(run.result == "rejected")
    }

    @Test func averageScoreDecidesAgainstTheThreshold() throws {
        let parameters = #"{"size": 3, "assignee": {"role": "expert"}, "rule": "averageScore", "threshold": 80}"#
        var run = try StageHarness(kind: ExpertReviewStage(), parameters: parameters, start: Given.monday)
        try run.decide("expert:1", as: Given.expert("a"), outcome: "score", data: .object(["score": .number(90)]))
        try run.decide("expert:2", as: Given.expert("b"), outcome: "score", data: .object(["score": .number(75)]))
        #expect(run.result == nil)
        try run.decide("expert:3", as: Given.expert("c"), outcome: "score", data: .object(["score": .number(74)]))
        #expect(run.result == "rejected")
        #expect(run.facts["stage.averageScore"] == .number(Decimal(string: "79.67")!))
    }

    @Test func aScoreIsRequiredUnderAverageScore() throws {
        let parameters = #"{"size": 1, "assignee": {"role": "expert"}, "rule": "averageScore", "threshold": 60}"#
        var run = try StageHarness(kind: ExpertReviewStage(), parameters: parameters, start: Given.monday)
        #expect(throws: EngineError.refused(node: "stage", reason: #"a score from 0 to 100 is needed in the decision data, e.g. {"score": 85}; found none"#)) {
            try run.decide("expert:1", as: Given.expert("a"), outcome: "score")
        }
        try run.decide("expert:1", as: Given.expert("a"), outcome: "score", data: .object(["score": .number(60)]))
        #expect(run.result == "approved")
    }

    @Test func oneExpertCannotTakeTwoSeats() throws {
        var run = try StageHarness(kind: ExpertReviewStage(),
                                   parameters: #"{"size": 3, "assignee": {"role": "expert"}}"#, start: Given.monday)
        try run.decide("expert:1", as: Given.expert("a"), outcome: "approve")
        let before = run.state
        #expect(throws: EngineError.refused(node: "stage", reason: #"a has already given an opinion on this panel (seat "expert:1"); each seat needs a different expert"#)) {
            try run.decide("expert:2", as: Given.expert("a"), outcome: "approve")
        }
        #expect(run.state == before)
    }

    @Test func seatsForARoleWithCountsAndFields() throws {
        let parameters = """
            {"members": [{"role": "technical-expert", "field": "technical", "count": 2},
                         {"role": "finance-expert", "field": "finance"}], "requiredFields": ["technical", "finance"]}
            """
        let run = try StageHarness(kind: ExpertReviewStage(), parameters: parameters, start: Given.monday)
        #expect(run.openTasks.map(\.key) == ["expert:1", "expert:2", "expert:3"])
        #expect(run.openTasks.map(\.assignee) == [.role("technical-expert"), .role("technical-expert"),
                                                  .role("finance-expert")])
    }

    @Test func evenPanelWhereOddIsRequiredIsReported() {
        let problems = Given.problems(ExpertReviewStage(), """
            {"members": [{"actor": "a", "field": "technical"}, {"actor": "b", "field": "technical"}],
             "oddSize": true, "requiredFields": ["technical", "finance"]}
            """)
        #expect(problems.sorted() == [
            #"$.nodes[0].parameters.members: expert-review: "oddSize" requires an odd number of experts, but the panel has 2"#,
            #"$.nodes[0].parameters.members: expert-review: the panel has no "finance" member; "requiredFields" asks for at least one"#,
        ])
    }

    @Test func panelParametersAreCheckedMemberByMember() {
        let problems = Given.problems(ExpertReviewStage(), """
            {"members": [{"actor": "a", "count": 2}, {"actor": "a"}, {"field": "finance"}], "minimumSize": 5,
             "rule": "averageScore"}
            """)
        #expect(Set(problems) == [
            #"$.nodes[0].parameters: expert-review: missing parameter "threshold""#,
            #"$.nodes[0].parameters.members[0].count: expert-review: "count" applies only to a role or department"#,
            #"$.nodes[0].parameters.members[1].actor: expert-review: "a" is listed twice; each expert has one seat"#,
            #"$.nodes[0].parameters.members[2]: expert-review: each member needs exactly one of "actor", "role" or "department""#,
        ])
    }
}
