import FlowCore
import StageTesting
import Stages
import Testing

@Suite struct ProjectApprovalStageTests {
    static let steps = """
        {"authority": {"department": "区发改委"},
         "steps": ["可研批复", "初步设计批复", {"name": "区政府审定", "authority": {"department": "区政府"}}],
         "validity": "6 months"}
        """
    let planning = Actor(id: "wu", department: "区发改委")
    let government = Actor(id: "zheng", department: "区政府")

    func document(_ number: String) -> JSONValue { .object(["documentNumber": .string(number)]) }

    @Test func stepsAreApprovedOneAfterAnotherWithDocumentNumbers() throws {
        var run = try StageHarness(kind: ProjectApprovalStage(), parameters: Self.steps, start: Given.monday)
        #expect(run.openTasks.map(\.title) == ["project-approval: 可研批复"])
        try run.decide("step:1", as: planning, outcome: "approve", data: document("尖发改审〔2024〕1号"))
        try run.decide("step:2", as: planning, outcome: "approve", data: document("尖发改审〔2024〕2号"))
        #expect(run.task("step:3")?.assignee == .department("区政府"))
        try run.decide("step:3", as: government, outcome: "approve", data: document("尖政审〔2024〕3号"))
        #expect(run.result == "approved")
        #expect(run.facts["stage.documentNumber"] == .string("尖政审〔2024〕3号"))
        #expect(run.facts["stage.approvals"]?.arrayValue?.compactMap { $0["step"]?.stringValue }
                    == ["可研批复", "初步设计批复", "区政府审定"])
        // 6 months from Monday 2024-09-02 is Sunday 2025-03-02, which moves to the next working day.
        #expect(run.facts["stage.lapsesOn"] == .string("2025-03-03"))
    }

    @Test func approvalWithoutADocumentNumberIsRefused() throws {
        var run = try StageHarness(kind: ProjectApprovalStage(), parameters: Self.steps, start: Given.monday)
        let before = run.state
        #expect(throws: EngineError.refused(node: "stage", reason: #"approving "可研批复" needs the approval document number in the decision data, e.g. {"documentNumber": "亭数审〔2024〕12号"}"#)) {
            try run.decide("step:1", as: planning, outcome: "approve", data: .object(["documentNumber": .string(" ")]))
        }
        #expect(run.state == before)
    }

    @Test func rejectionAtAnyStepRejects() throws {
        var run = try StageHarness(kind: ProjectApprovalStage(), parameters: Self.steps, start: Given.monday)
        try run.decide("step:1", as: planning, outcome: "approve", data: document("1号"))
        try run.decide("step:2", as: planning, outcome: "reject", comment: "初步设计深度不足")
        #expect(run.result == "rejected")
        #expect(run.facts["stage.lapsesOn"] == nil)
    }

    @Test func theRightDepartmentMustDecideEachStep() throws {
        var run = try StageHarness(kind: ProjectApprovalStage(), parameters: Self.steps, start: Given.monday)
        let task = try #require(run.task("step:1"))
        #expect(throws: EngineError.notAssignee(task: task.id, actor: "zheng", assignee: .department("区发改委"))) {
            try run.decide("step:1", as: government, outcome: "approve", data: document("1号"))
        }
    }

    @Test func aStepWithoutAuthorityIsReported() {
        #expect(Given.problems(ProjectApprovalStage(), #"{"steps": ["可研批复", "可研批复"], "validity": "6 monts"}"#).sorted() == [
            #"$.nodes[0].parameters.steps[0]: project-approval: step "可研批复" names no authority; add "authority" to the parameters or write the step as {"name": "可研批复", "authority": {"department": …}}"#,
            #"$.nodes[0].parameters.steps[1]: project-approval: step "可研批复" names no authority; add "authority" to the parameters or write the step as {"name": "可研批复", "authority": {"department": …}}"#,
            #"$.nodes[0].parameters.validity: project-approval: "6 monts" is not a period; write "N workdays", "N days", "N months", "N years" (N a whole number ≥ 1) or ISO 8601 "PnD", "PnW", "PnM", "PnY""#,
        ])
    }
}
