import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct ProcurementStageTests {
    static let parameters = """
        {"amountVariable": "amount",
         "methods": [{"below": 50, "method": "电子卖场"}, {"below": 400, "method": "竞争性磋商"}, {"method": "公开招标"}],
         "intentionLeadTimes": [{"atLeast": 0, "leadTime": "30 days"}, {"atLeast": 500, "leadTime": "45 days"}]}
        """

    func start(amount: Int) throws -> StageHarness {
        try StageHarness(kind: ProcurementStage(), parameters: Self.parameters, variables: ["amount": .number(amount)],
                         start: Given.monday)
    }

    @Test func theMethodFollowsTheAmountThresholds() throws {
        #expect(try start(amount: 30).facts["stage.method"] == .string("电子卖场"))
        #expect(try start(amount: 50).facts["stage.method"] == .string("竞争性磋商"))
        #expect(try start(amount: 600).facts["stage.method"] == .string("公开招标"))
    }

    @Test func contractBeforeTheIntentionLeadTimeIsRefusedWithTheDate() throws {
        var run = try start(amount: 600)
        #expect(run.openTasks.map(\.key) == ["publish-intention"])
        try run.decide("publish-intention", as: Given.unit, outcome: "published")
        #expect(run.facts["stage.earliestStart"] == .string("2024-10-17"))
        try run.advance(to: Given.date("2024-10-16"))
        #expect(throws: EngineError.refused(node: "stage", reason: "the contract cannot be signed before 2024-10-17: the procurement intention was published on 2024-09-02 and must be public 45 days before procurement starts")) {
            try run.decide("procure", as: Given.unit, outcome: "contract-signed")
        }
        try run.advance(days: 1)
        try run.decide("procure", as: Given.unit, outcome: "contract-signed",
                       data: .object(["contractNumber": .string("HT-2024-017")]))
        #expect(run.result == "contracted")
        #expect(run.facts["stage.contractSignedOn"] == .string("2024-10-17"))
        #expect(run.facts["stage.contract"]?["contractNumber"] == .string("HT-2024-017"))
    }

    @Test func procurementActivitiesStartedBeforeTheLeadTimeAreRefusedWithTheDate() throws {
        let parameters = Self.parameters.replacingOccurrences(
            of: #""amountVariable": "amount","#, with: #""amountVariable": "amount", "recordStart": true,"#)
        var run = try StageHarness(kind: ProcurementStage(), parameters: parameters,
                                   variables: ["amount": .number(600)], start: Given.monday)
        try run.decide("publish-intention", as: Given.unit, outcome: "published")
        // 上饶市 第二十七条: 不得晚于采购活动开始前45日. 2024-09-02 is not counted; the 45th day is 2024-10-17.
        #expect(run.openTasks.map(\.key) == ["start"])
        #expect(run.task("start")?.title == "procurement: 开展采购活动（不早于 2024-10-17）")
        try run.advance(to: Given.date("2024-10-16"))
        let before = run.state
        #expect(throws: EngineError.refused(node: "stage", reason: "procurement activities cannot start before 2024-10-17: the procurement intention was published on 2024-09-02 and must be public 45 days before procurement starts")) {
            try run.decide("start", as: Given.unit, outcome: "started")
        }
        #expect(run.state == before)
        try run.advance(days: 1)
        try run.decide("start", as: Given.unit, outcome: "started")
        #expect(run.facts["stage.procurementStartedOn"] == .string("2024-10-17"))
        #expect(run.openTasks.map(\.key) == ["procure"])
        try run.decide("procure", as: Given.unit, outcome: "contract-signed")
        #expect(run.result == "contracted")
    }

    @Test func aLeadTimeEndingOnARestDayIsNotExtended() throws {
        var run = try StageHarness(kind: ProcurementStage(), parameters: Self.parameters,
                                   variables: ["amount": .number(120)], start: Given.date("2024-09-27"))
        #expect(run.task("publish-intention")?.title == "procurement: 公开采购意向（至少提前30日）")
        try run.decide("publish-intention", as: Given.unit, outcome: "published")
        // 30 days after Friday 2024-09-27 is Sunday 2024-10-27: the wait is over then, whatever kind of day it is.
        #expect(run.facts["stage.earliestStart"] == .string("2024-10-27"))
    }

    @Test func belowFiveMillionTheLeadTimeIsThirtyDays() throws {
        var run = try start(amount: 120)
        try run.decide("publish-intention", as: Given.unit, outcome: "published")
        #expect(run.facts["stage.earliestStart"] == .string("2024-10-02"))
    }

    @Test func withoutLeadTimesTheProcurementTaskOpensAtOnce() throws {
        var run = try StageHarness(kind: ProcurementStage(), parameters: #"{"methods": [{"method": "电子卖场"}]}"#,
                                   variables: ["amount": .number(10)], start: Given.monday)
        #expect(run.openTasks.map(\.key) == ["procure"])
        try run.decide("procure", as: Given.unit, outcome: "failed", comment: "流标")
        #expect(run.result == "failed")
    }

    @Test func anAmountVariableThatIsNotADecimalIsReported() {
        #expect(Given.problems(ProcurementStage(), #"{"methods": [{"method": "电子卖场"}]}"#,
                               declarations: #"{"amount": {"type": "string"}}"#) == [
            #"$.nodes[0].parameters.amountVariable: procurement: "amountVariable" names the variable "amount", which is a string; an amount must be a decimal"#,
        ])
    }

    @Test func negativeAndDescendingThresholdsAreReported() {
        let problems = Given.problems(ProcurementStage(), """
            {"methods": [{"below": -5, "method": "电子卖场"}, {"below": 400, "method": ""}, {"below": 300, "method": "磋商"},
                         {"below": 900, "method": "公开招标"}]}
            """, declarations: #"{"amount": {"type": "decimal"}}"#)
        #expect(Set(problems) == [
            #"$.nodes[0].parameters.methods[0].below: procurement: "below" must not be negative, found -5"#,
            #"$.nodes[0].parameters.methods[1].method: procurement: "method" must be a non-empty string, found """#,
            #"$.nodes[0].parameters.methods[2].below: procurement: thresholds must ascend: "below" 300 is not above the previous entry's 400"#,
            #"$.nodes[0].parameters.methods[3].below: procurement: the last entry of "methods" must not have "below": it covers every larger amount"#,
        ])
    }

    @Test func anUndeclaredAmountVariableIsReported() {
        let problems = Given.problems(ProcurementStage(), """
            {"amountVariable": "amout", "methods": [{"method": "公开招标"}],
             "intentionLeadTimes": [{"atLeast": 0, "leadTime": "30 dayz"}]}
            """, declarations: #"{"amount": {"type": "decimal"}}"#)
        #expect(Set(problems) == [
            #"$.nodes[0].parameters.amountVariable: procurement: "amountVariable" names the variable "amout", which the definition does not declare; did you mean "amount"?; declare it in "variables" as {"type": "decimal"}"#,
            #"$.nodes[0].parameters.intentionLeadTimes[0].leadTime: procurement: "leadTime" must be a period such as "45 days", found "30 dayz""#,
        ])
    }
}
