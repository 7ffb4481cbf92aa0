import ExpertPanelPlugin
import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct ExpertArgumentationStageTests {
    let parameters = #"{"experts": {"role": "argumentation-expert"}, "size": 3}"#

    func expert(_ id: String) -> Actor { Actor(id: id, roles: ["argumentation-expert"]) }

    func signed(_ name: String) -> JSONValue { .object(["signature": .string(name)]) }

    @Test func majorityOfSignedAgreementsPasses() throws {
        var run = try StageHarness(kind: ExpertArgumentationStage(), parameters: parameters,
                                   start: CivilDate(iso: "2024-09-02")!)
        try run.decide("expert:1", as: expert("wang"), outcome: "agree", data: signed("王工"))
        try run.decide("expert:2", as: expert("chen"), outcome: "agree", data: signed("陈工"))
        #expect(run.result == "passed")
        #expect(run.facts["stage.signatures"]?.arrayValue?.count == 2)
    }

    @Test func anUnsignedOpinionIsRefused() throws {
        var run = try StageHarness(kind: ExpertArgumentationStage(), parameters: parameters,
                                   start: CivilDate(iso: "2024-09-02")!)
        #expect(throws: EngineError.refused(node: "stage", reason: #"an argumentation opinion must be signed: add {"signature": "<your name>"} to the decision data"#)) {
            try run.decide("expert:1", as: expert("wang"), outcome: "agree")
        }
    }

    @Test func twoDisagreementsFail() throws {
        var run = try StageHarness(kind: ExpertArgumentationStage(), parameters: parameters,
                                   start: CivilDate(iso: "2024-09-02")!)
        try run.decide("expert:1", as: expert("wang"), outcome: "disagree", data: signed("王工"))
        try run.decide("expert:3", as: expert("he"), outcome: "disagree", data: signed("何工"))
        #expect(run.result == "failed")
        #expect(run.openTasks.isEmpty)
    }

    @Test func registersNextToTheBuiltInKinds() throws {
        var registry = BuiltInStages.registry()
        registry.register(ExpertArgumentationStage())
        #expect(registry.kind("expert-argumentation") != nil)
        #expect(registry.kind("pre-review") != nil)
        #expect(StageHarness.diagnostics(kind: ExpertArgumentationStage(), parameters: #"{"size": 20}"#)
                    .map(\.message).sorted() == [
            #"expert-argumentation: "size" must be a whole number from 1 to 15, found 20"#,
            #"expert-argumentation: missing parameter "experts""#,
        ])
    }
}
