import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct TrialRunStageTests {
    @Test func earlyCompletionIsRefusedNamingTheEarliestDate() throws {
        var run = try StageHarness(kind: TrialRunStage(), parameters: #"{"minimum": "30 days"}"#, start: Given.monday)
        // 2024-09-02 is not counted; the 30 days are 09-03 to 10-02, which the trial must run through.
        #expect(run.facts["stage.earliestEnd"] == .string("2024-10-03"))
        try run.advance(to: Given.date("2024-10-02"))
        let before = run.state
        #expect(throws: EngineError.refused(node: "stage", reason: "the trial run started on 2024-09-02 must last at least 30 days: completion can be reported from 2024-10-03")) {
            try run.decide("report", as: Given.unit, outcome: "completed")
        }
        #expect(run.state == before)
        try run.advance(days: 1)
        try run.decide("report", as: Given.unit, outcome: "completed")
        #expect(run.result == "completed")
        #expect(run.facts["stage.completedOn"] == .string("2024-10-03"))
    }

    @Test func aSixMonthTrialStartedOnFifteenAprilMayBeReportedFromSixteenOctober() throws {
        // 民法典 第二百零一条: the day the trial starts (15 April, during the day) is not counted; the six months end
        // on the corresponding day, 15 October (第二百零二条), which the trial must run through.
        var run = try StageHarness(kind: TrialRunStage(), parameters: #"{"minimum": "6 months"}"#,
                                   start: Given.date("2024-04-15"))
        #expect(run.task("report")?.title == "trial-run: 试运行（不少于6个月，2024-10-16 起可报告完成）")
        try run.advance(to: Given.date("2024-10-15"))
        #expect(throws: EngineError.refused(node: "stage", reason: "the trial run started on 2024-04-15 must last at least 6 months: completion can be reported from 2024-10-16")) {
            try run.decide("report", as: Given.unit, outcome: "completed")
        }
        try run.advance(to: Given.date("2024-10-16"))
        try run.decide("report", as: Given.unit, outcome: "completed")
        #expect(run.facts["stage.completedOn"] == .string("2024-10-16"))
    }

    @Test func aMinimumEndingOnARestDayIsNotExtended() throws {
        // 3 months from Friday 2024-08-02 end on Saturday 2024-11-02: the trial has then lasted its full length
        // (第二百零三条 lengthens a time limit, not a minimum), so completion may be reported on Sunday 2024-11-03.
        var run = try StageHarness(kind: TrialRunStage(), parameters: #"{"minimum": "3 months"}"#,
                                   start: Given.date("2024-08-02"))
        #expect(run.facts["stage.earliestEnd"] == .string("2024-11-03"))
        try run.advance(to: Given.date("2024-11-03"))
        try run.decide("report", as: Given.unit, outcome: "completed")
        #expect(run.result == "completed")
    }

    @Test func projectUnitIsToldWhenTheMinimumHasPassed() throws {
        var run = try StageHarness(kind: TrialRunStage(), parameters: #"{"minimum": "30 days"}"#, start: Given.monday)
        // Fires as 2024-10-03 begins: at the end of 2024-10-02, the minimum's last day.
        #expect(run.pendingTimers.map { "\($0.purpose) \($0.due.date)" } == ["stage(\"minimum-reached\") 2024-10-02"])
        try run.advance(to: Given.date("2024-10-03"))
        #expect(run.notes == [StageHarness.Note(kind: "minimum-reached", message: "trial-run: 试运行已满最短期限，可以报告完成",
                                                 data: .object(["date": .string("2024-10-03")]))])
        try run.decide("report", as: Given.unit, outcome: "completed")
        #expect(run.result == "completed")
    }

    @Test func theMinimumFollowsTheAmount() throws {
        let parameters = #"{"minimum": [{"below": 500, "period": "3 months"}, {"period": "6 months"}]}"#
        let large = try StageHarness(kind: TrialRunStage(), parameters: parameters,
                                     variables: ["amount": .number(500)], start: Given.monday)
        // 6 months from 2024-09-02 end on 2025-03-02, so completion can be reported from 2025-03-03.
        #expect(large.facts["stage.earliestEnd"] == .string("2025-03-03"))
        let small = try StageHarness(kind: TrialRunStage(), parameters: parameters,
                                     variables: ["amount": .number(499)], start: Given.monday)
        #expect(small.facts["stage.earliestEnd"] == .string("2024-12-03"))
    }

    @Test func loggedProblemsAreNotesAndKeepTheStageOpen() throws {
        var run = try StageHarness(kind: TrialRunStage(), parameters: #"{"minimum": "30 days"}"#, start: Given.monday)
        try run.decide("report", as: Given.unit, outcome: "log-problem", comment: "统一身份认证偶发超时",
                       data: .object(["severity": .string("minor")]))
        #expect(run.result == nil)
        #expect(run.notes == [StageHarness.Note(kind: "problem", message: "统一身份认证偶发超时",
                                                 data: .object(["severity": .string("minor")]))])
        #expect(run.task("report") != nil)
        try run.advance(days: 31)
        try run.decide("report", as: Given.unit, outcome: "completed")
        #expect(run.facts["stage.problems"] == .number(1))
    }

    @Test func badMinimumsAreReported() {
        #expect(Given.problems(TrialRunStage(), #"{"minimum": "30 dais", "amountVariable": "amount"}"#).sorted() == [
            #"$.nodes[0].parameters.amountVariable: trial-run: "amountVariable" applies only when "minimum" is a table by amount"#,
            #"$.nodes[0].parameters.minimum: trial-run: "30 dais" is not a period; write "N workdays", "N days", "N months", "N years" (N a whole number ≥ 1) or ISO 8601 "PnD", "PnW", "PnM", "PnY""#,
        ])
        #expect(Given.problems(TrialRunStage(), #"{}"#) == [#"$.nodes[0].parameters: trial-run: missing parameter "minimum""#])
    }
}
