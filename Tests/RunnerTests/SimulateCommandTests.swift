import FlowCore
import Foundation
import Runner
import Stages
import Testing

/// Files and runs for the `simulate` and `graph` command tests.
enum SimulationFixture {
    /// The repository's bundled calendars.
    static let calendars = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("workflows/calendars").path

    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Writes `text` as `name` in `folder` and returns its path.
    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs `govflow` with `arguments`: the exit status, standard output and standard error.
    static func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO()
        let status = GovFlowCommand.run(arguments: arguments, registry: BuiltInStages.registry(), io: captured.io)
        return (status, captured.output, captured.errors)
    }

    /// A 亭湖区-like chain: 预审 (5 workdays, not interrupting) → revision (15 workdays, interrupting) or a gateway on
    /// the amount → 专家评审 (≥500万元) → 审批.
    static let tinghu = """
        {
          "id": "tinghu-demo", "version": 1, "title": "亭湖区演示流程",
          "jurisdiction": {"name": "盐城市亭湖区", "code": "320902"},
          "regulation": {"title": "测试办法"},
          "calendar": "cn-mainland",
          "variables": {"amount": {"type": "decimal", "unit": "万元", "minimum": 0}},
          "start": "pre-review",
          "nodes": [
            {"id": "pre-review", "name": "预审", "type": "stage", "stage": "human-task",
             "parameters": {"title": "预审意见", "assignee": {"department": "区数据局"},
                            "outcomes": ["pass", "revise", "reject"]},
             "outcomes": {"pass": "amount-gate", "revise": "revision", "reject": "rejected"},
             "deadlines": [{"id": "opinion", "period": "5 workdays", "interrupting": false}]},
            {"id": "revision", "name": "修改材料", "type": "stage", "stage": "human-task",
             "parameters": {"title": "按意见修改", "assignee": {"role": "project-unit"}, "outcomes": ["resubmit"]},
             "outcomes": {"resubmit": "pre-review"},
             "deadlines": [{"id": "resubmit", "period": "15 workdays", "interrupting": true, "goto": "returned"}]},
            {"id": "amount-gate", "name": "金额判断", "type": "exclusive",
             "branches": [{"when": "project.amount >= 500", "to": "expert-review", "label": "≥500万元"}],
             "default": "approval"},
            {"id": "expert-review", "name": "专家评审", "type": "stage", "stage": "human-task",
             "parameters": {"title": "专家评审意见", "assignee": {"role": "expert"}, "outcomes": ["agree", "disagree"]},
             "outcomes": {"agree": "approval", "disagree": "rejected"}, "returnTo": ["pre-review"]},
            {"id": "approval", "name": "审批", "type": "stage", "stage": "human-task",
             "parameters": {"title": "审批", "assignee": {"department": "区政府办"}, "outcomes": ["approve", "reject"]},
             "outcomes": {"approve": "approved", "reject": "rejected"}},
            {"id": "approved", "name": "批复", "type": "end", "result": "approved"},
            {"id": "rejected", "type": "end", "result": "rejected"},
            {"id": "returned", "name": "退回申请", "type": "end", "result": "returned"}
          ]
        }
        """

    /// Simulates `workflow` with a project file and an optional script, with the bundled calendars.
    static func simulate(
        workflow: String = tinghu, project: String = #"{"id": "demo-1", "variables": {"amount": 600}}"#,
        script: String? = nil, extra: [String] = ["--start", "2024-09-27", "--json"]
    ) throws -> (status: Int32, output: String, errors: String, folder: URL) {
        let folder = try folder()
        let workflowPath = try write(workflow, "workflow.json", in: folder)
        let projectPath = try write(project, "project.json", in: folder)
        var arguments = ["simulate", workflowPath, "--project", projectPath, "--calendars", calendars]
        if let script { arguments += ["--decisions", try write(script, "script.json", in: folder)] }
        let result = run(arguments + extra)
        return (result.status, result.output, result.errors, folder)
    }

    /// The `--json` document as Foundation objects.
    static func document(_ output: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return try #require(object as? [String: Any])
    }

    /// The events of a `--json` document.
    static func events(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["events"] as? [[String: Any]])
    }
}

@Suite struct SimulateCommandTests {
    @Test func defaultPolicyApprovesEveryTaskAtOnce() throws {
        let run = try SimulationFixture.simulate()
        #expect(run.status == 0)
        #expect(run.errors == "")
        let document = try SimulationFixture.document(run.output)
        #expect(document["status"] as? String == "ended")
        #expect(document["result"] as? String == "approved")
        #expect(document["finished"] as? String == "2024-09-27 09:00")
        let decisions = try SimulationFixture.events(document).filter { $0["type"] as? String == "taskDecided" }
        #expect(decisions.map { $0["node"] as? String } == ["pre-review", "expert-review", "approval"])
        #expect(decisions.map { $0["actor"] as? String } == ["区数据局", "expert", "区政府办"])
        #expect(decisions.map { $0["outcome"] as? String } == ["pass", "agree", "approve"])
    }

    @Test func nonInterruptingFiveWorkdayDeadlineFallsDueAfterNationalDay() throws {
        let run = try SimulationFixture.simulate()
        let document = try SimulationFixture.document(run.output)
        let deadlines = try #require(document["deadlines"] as? [[String: Any]])
        #expect(deadlines.count == 1)
        #expect(deadlines.first?["node"] as? String == "pre-review")
        #expect(deadlines.first?["deadline"] as? String == "opinion")
        #expect(deadlines.first?["due"] as? String == "2024-10-10")
        #expect(deadlines.first?["provisional"] as? Bool == false)
        #expect(deadlines.first?["interrupting"] as? Bool == false)
        #expect(deadlines.first?["outcome"] as? String == "met")
        #expect(run.output.contains(#""type": "timerScheduled", "node": "pre-review", "timer": "deadline", "#
                                        + #""deadline": "opinion", "due": "2024-10-10", "provisional": false"#))
    }

    @Test func waitingPastTheRevisionDeadlineEndsReturnedOnItsDueDate() throws {
        let script = """
            {"start": "2024-09-27", "steps": [
              {"at": "2024-10-08", "decide": {"node": "pre-review", "outcome": "revise", "comment": "补充预算说明"}},
              {"wait": "2024-11-30"}
            ]}
            """
        let run = try SimulationFixture.simulate(script: script, extra: ["--json"])
        #expect(run.status == 0)
        let document = try SimulationFixture.document(run.output)
        #expect(document["result"] as? String == "returned")
        #expect(document["finished"] as? String == "2024-10-28 24:00")
        let deadlines = try #require(document["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["deadline"] as? String } == ["opinion", "resubmit"])
        #expect(deadlines.map { $0["due"] as? String } == ["2024-10-10", "2024-10-28"])
        #expect(deadlines.map { $0["outcome"] as? String } == ["met", "expired"])
        let expired = try SimulationFixture.events(document).filter { $0["type"] as? String == "deadlineExpired" }
        #expect(expired.count == 1)
        #expect(expired.first?["at"] as? String == "2024-10-28 24:00")
        #expect(expired.first?["description"] as? String
                    == "deadline \"resubmit\" due 2024-10-28 expired: leaving the stage")
    }

    @Test func waitForEndLetsTheRevisionDeadlineExpire() throws {
        let script = """
            {"start": "2024-09-27", "afterLastStep": "stop", "steps": [
              {"decide": {"node": "pre-review", "outcome": "revise"}},
              {"waitFor": "end"}
            ]}
            """
        let run = try SimulationFixture.simulate(script: script, extra: ["--json"])
        let document = try SimulationFixture.document(run.output)
        #expect(document["result"] as? String == "returned")
        #expect(document["finished"] as? String == "2024-10-23 24:00")
    }

    @Test func gatewayOnTheAmountSkipsExpertReviewBelowFiveMillion() throws {
        let small = try SimulationFixture.simulate(project: #"{"variables": {"amount": 120}}"#)
        let large = try SimulationFixture.simulate(project: #"{"variables": {"amount": 600}}"#)
        let smallEvents = try SimulationFixture.events(try SimulationFixture.document(small.output))
        let largeEvents = try SimulationFixture.events(try SimulationFixture.document(large.output))
        let gateway: ([[String: Any]]) -> String? = { events in
            events.first { $0["type"] as? String == "gatewayPassed" }?["description"] as? String
        }
        #expect(gateway(smallEvents) == "gateway took the default branch → 审批 (approval)")
        #expect(gateway(largeEvents)
                    == "gateway took branch \"≥500万元\" (\"project.amount >= 500\") → 专家评审 (expert-review)")
        let stages: ([[String: Any]]) -> [String] = { events in
            events.filter { $0["type"] as? String == "stageEntered" }.compactMap { $0["node"] as? String }
        }
        #expect(stages(smallEvents) == ["pre-review", "approval"])
        #expect(stages(largeEvents) == ["pre-review", "expert-review", "approval"])
        #expect(try SimulationFixture.document(small.output)["project"] as? [String: Any] != nil)
    }

    @Test func answeringATaskThatIsNotOpenNamesTheStepAndTheEngineReason() throws {
        let script = """
            {"start": "2024-09-27", "steps": [
              {"at": "2024-10-08", "decide": {"node": "pre-review", "outcome": "pass"}},
              {"decide": {"node": "pre-review", "outcome": "pass"}}
            ]}
            """
        let run = try SimulationFixture.simulate(script: script, extra: [])
        let scriptPath = run.folder.appendingPathComponent("script.json").path
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors == """
            error: \(scriptPath): step 2 (decide at node "pre-review"): task 4 is not open (it is decided)

            """)
    }

    @Test func missingVariableIsRefusedBeforeAnythingRuns() throws {
        let run = try SimulationFixture.simulate(project: #"{"variables": {}}"#)
        let projectPath = run.folder.appendingPathComponent("project.json").path
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors == """
            error: \(projectPath): the project's variables are invalid: "amount" is required (decimal)

            """)
    }

    @Test func negativeAmountIsRefusedNamingTheField() throws {
        let run = try SimulationFixture.simulate(project: #"{"variables": {"amount": -5}}"#)
        let projectPath = run.folder.appendingPathComponent("project.json").path
        #expect(run.status == 1)
        #expect(run.errors == """
            error: \(projectPath): the project's variables are invalid: "amount" must be at least 0, found -5

            """)
    }

    @Test func wrongTypeIsRefusedNamingTheField() throws {
        let run = try SimulationFixture.simulate(project: #"{"variables": {"amount": "六百"}}"#)
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix(#"the project's variables are invalid: "amount" must be a decimal, found "#
                                        + "\"六百\"\n"))
    }

    @Test func startIsRequiredWithoutAScriptStart() throws {
        let run = try SimulationFixture.simulate(extra: [])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(
            "error: --start YYYY-MM-DD is required when no decisions script gives \"start\"\n"))
    }

    @Test func badStartDateIsAUsageError() throws {
        let run = try SimulationFixture.simulate(extra: ["--start", "2024-02-30"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(
            "error: --start needs a date as YYYY-MM-DD: 2024-02-30 is not a date that exists: February 2024 has 29 days\n"))
    }
}
