import FlowCore
import StageTesting
import Stages
import Testing

/// The state a built-in stage saves is part of the stored history (the `stageStateSaved` events): its JSON is a
/// contract, with keys sorted and absent optionals left out. These pin it for the stateful kinds.
@Suite struct StoredStateTests {
    /// The state the stage saved last, as `JSONValue` writes it (one space after each colon and comma).
    func savedState(_ run: StageHarness) -> String? {
        run.history.last { entry in
            if case .stageStateSaved = entry.event { return true }
            return false
        }.flatMap { entry in
            guard case .stageStateSaved(_, let state) = entry.event else { return nil }
            return state.description
        }
    }

    @Test func preReviewSavesHowOftenItSentTheApplicationBack() throws {
        var run = try StageHarness(kind: PreReviewStage(), parameters: PreReviewStageTests.parameters,
                                   start: Given.monday)
        #expect(savedState(run) == #"{"revisions": 0}"#)
        try run.decide("review", as: Given.dataBureau, outcome: "revise")
        #expect(savedState(run) == #"{"revisions": 1}"#)
    }

    @Test func expertReviewSavesEachOpinionWithSortedKeys() throws {
        var run = try StageHarness(kind: ExpertReviewStage(), parameters: ExpertReviewStageTests.panel,
                                   start: Given.monday)
        #expect(savedState(run) == #"{"opinions": []}"#)
        try run.decide("expert:1", as: Actor(id: "wang"), outcome: "approve", comment: "技术方案可行",
                       data: .object(["suggestedBudget": .number(280)]))
        #expect(savedState(run) == #"{"opinions": [{"comment": "技术方案可行", "expert": "wang", "field": "technical", "outcome": "approve", "seat": "expert:1", "suggestedBudget": 280}]}"#)
    }

    @Test func trialRunSavesItsMinimumAndDates() throws {
        let run = try StageHarness(kind: TrialRunStage(), parameters: #"{"minimum": "30 days"}"#, start: Given.monday)
        #expect(savedState(run) == #"{"earliestEnd": "2024-10-03", "minimum": "30 days", "problems": 0, "startedOn": "2024-09-02"}"#)
    }
}
