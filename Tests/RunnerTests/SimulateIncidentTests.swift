import Foundation
import Testing

/// Where the runner raises an incident and goes on, a simulation stops with the failure, like a failing step.
@Suite struct SimulateIncidentTests {
    static let workflow = """
        {
          "id": "gateway-demo", "version": 1, "title": "演示流程",
          "jurisdiction": {"name": "测试区", "code": "320902"}, "regulation": {"title": "测试办法"},
          "calendar": "cn-mainland",
          "variables": {"amount": {"type": "decimal", "unit": "万元", "minimum": 0},
                        "budget": {"type": "decimal", "unit": "万元", "minimum": 0}},
          "start": "review",
          "nodes": [
            {"id": "review", "type": "stage", "stage": "human-task",
             "parameters": {"title": "初审意见", "assignee": {"department": "区数据局"}, "outcomes": ["pass"]},
             "outcomes": {"pass": "approved"},
             "deadlines": [{"id": "opinion", "period": "5 workdays", "interrupting": true, "goto": "check"}]},
            {"id": "check", "type": "exclusive",
             "branches": [{"when": "project.amount / project.budget > 1", "to": "approved"}],
             "default": "approved"},
            {"id": "approved", "type": "end", "result": "approved"}
          ]
        }
        """

    @Test func deadlineWhoseFiringFails_StopsTheSimulationNamingTheTimerAndTheError() throws {
        let project = #"{"id": "demo-1", "variables": {"amount": 600, "budget": 0}}"#
        let script = #"{"start": "2024-09-27", "steps": [{"wait": "2024-10-20"}]}"#
        let run = try SimulationFixture.simulate(workflow: Self.workflow, project: project, script: script, extra: [])
        #expect(run.status == 1)
        #expect(run.output == "")
        let scriptPath = run.folder.appendingPathComponent("script.json").path
        #expect(run.errors == "error: \(scriptPath): fire timer 3 (deadline \"opinion\" of node \"review\") failed: "
            + "node \"check\": "
            + "condition \"project.amount / project.budget > 1\": division by zero: the right side of \"/\" is 0\n")
    }
}
