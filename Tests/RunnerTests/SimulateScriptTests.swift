import Foundation
import Testing

@Suite struct SimulateScriptTests {
    @Test func transferUrgeAndReturnToAreRecordedWithTheirActors() throws {
        let script = """
            {"start": "2024-09-27", "steps": [
              {"at": "2024-09-30 10:30",
               "transfer": {"node": "pre-review", "to": {"actor": "wang"}, "comment": "请王科长办理"}},
              {"urge": {"node": "pre-review", "comment": "请尽快"}},
              {"at": "2024-10-08", "decide": {"node": "pre-review", "outcome": "pass"}},
              {"returnTo": {"node": "expert-review", "to": "pre-review", "actor": {"id": "zhao", "roles": ["expert"]}}}
            ]}
            """
        let run = try SimulationFixture.simulate(script: script, extra: ["--json"])
        #expect(run.status == 0, "\(run.errors)")
        let events = try SimulationFixture.events(try SimulationFixture.document(run.output))
        let described = events.filter {
            ["taskTransferred", "taskUrged", "taskDecided", "taskReturned"].contains($0["type"] as? String)
        }.map { "\($0["at"] as? String ?? "") \($0["actor"] as? String ?? "") \($0["description"] as? String ?? "")" }
        #expect(described == [
            "2024-09-30 10:30 区数据局 task 4 transferred from department 区数据局 to actor wang: \"请王科长办理\"",
            "2024-09-30 10:30 applicant task 4 urged: \"请尽快\"",
            "2024-10-08 09:00 wang decision \"pass\" on task 4 by wang",
            "2024-10-08 09:00 zhao task 6 returned the project to 预审 (pre-review)",
            "2024-10-08 09:00 区数据局 decision \"pass\" on task 9 by 区数据局",
            "2024-10-08 09:00 expert decision \"agree\" on task 11 by expert",
            "2024-10-08 09:00 区政府办 decision \"approve\" on task 13 by 区政府办",
        ])
    }

    @Test func withdrawEndsTheProjectWithdrawn() throws {
        let script = #"{"start": "2024-09-27", "steps": [{"at": "2024-10-09", "withdraw": {"comment": "项目取消"}}]}"#
        let run = try SimulationFixture.simulate(script: script, extra: ["--json"])
        let document = try SimulationFixture.document(run.output)
        #expect(document["status"] as? String == "withdrawn")
        #expect(document["result"] is NSNull)
        #expect(document["finished"] as? String == "2024-10-09 09:00")
        let deadlines = try #require(document["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["outcome"] as? String } == ["cancelled"])
    }

    @Test func stopAfterTheLastStepLeavesTheProjectRunningWithItsDeadlinePending() throws {
        let script = #"{"start": "2024-09-27", "afterLastStep": "stop", "steps": [{"wait": "2024-10-11"}]}"#
        let run = try SimulationFixture.simulate(script: script, extra: ["--json"])
        let document = try SimulationFixture.document(run.output)
        #expect(document["status"] as? String == "running")
        #expect(document["note"] as? String == "the script stops after its last step")
        let deadlines = try #require(document["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["outcome"] as? String } == ["expired"])
        let overdue = try SimulationFixture.events(document).filter { $0["type"] as? String == "deadlineExpired" }
        #expect(overdue.first?["description"] as? String == "deadline \"opinion\" due 2024-10-10 expired: overdue")
    }

    @Test func scriptProblemsAreReportedAtTheirLineAndColumn() throws {
        let script = """
            {"start": "2024-09-27", "steps": [
              {"decide": {"node": "pre-review", "outcome": "pass", "colour": "red"}}
            ]}
            """
        let run = try SimulationFixture.simulate(script: script, extra: [])
        let path = run.folder.appendingPathComponent("script.json").path
        #expect(run.status == 1)
        #expect(run.errors == """
            error: \(path):2:56: unknown field "colour" in "decide" of step 1; allowed fields are "node", "task", \
            "actor", "comment", "outcome", "data"

            """)
    }

    @Test func stepWithoutAnActionIsRefused() throws {
        let script = #"{"start": "2024-09-27", "steps": [{"at": "2024-10-08"}]}"#
        let run = try SimulationFixture.simulate(script: script, extra: [])
        #expect(run.status == 1)
        #expect(run.errors.contains("step 1: a step needs exactly one of \"decide\", \"transfer\""))
    }

    @Test func stepsMustGoForwardInTime() throws {
        let script = """
            {"start": "2024-09-27", "steps": [{"wait": "2024-10-08"},
              {"at": "2024-10-01", "decide": {"node": "pre-review", "outcome": "pass"}}]}
            """
        let run = try SimulationFixture.simulate(script: script, extra: [])
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("""
            step 2 (decide at node "pre-review"): "at" 2024-10-01 09:00 is earlier than the simulation's clock, \
            2024-10-08 09:00; steps must go forward in time

            """))
    }

    @Test func unknownNodeInAStepIsNamed() throws {
        let script = #"{"start": "2024-09-27", "steps": [{"decide": {"node": "pre-reveiw", "outcome": "pass"}}]}"#
        let run = try SimulationFixture.simulate(script: script, extra: [])
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix(
            "step 1 (decide at node \"pre-reveiw\"): there is no node \"pre-reveiw\" in workflow \"tinghu-demo\"\n"))
    }

    @Test func aLoopingFirstOutcomeStopsAtTheStepLimit() throws {
        let looping = SimulationFixture.tinghu.replacingOccurrences(
            of: #""outcomes": ["pass", "revise", "reject"]"#, with: #""outcomes": ["revise", "pass", "reject"]"#)
        let run = try SimulationFixture.simulate(workflow: looping,
                                                 extra: ["--start", "2024-09-27", "--max-steps", "300"])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("error: the project did not end within 300 simulation steps (open: task "))
    }

    @Test func textReportIsAnAlignedTimeline() throws {
        let run = try SimulationFixture.simulate(project: #"{"variables": {"amount": 120}}"#,
                                                 extra: ["--start", "2024-09-27"])
        #expect(run.status == 0)
        #expect(run.output == """
            workflow  tinghu-demo version 1: 亭湖区演示流程
            project   simulated-project (amount = 120)
            start     2024-09-27 09:00

            seq  time              actor      node         event
            1    2024-09-27 09:00  applicant  -            project started on tinghu-demo version 1 (amount = 120)
            3    2024-09-27 09:00  system     pre-review   stage entered: 预审 (pre-review) [human-task]
            4    2024-09-27 09:00  system     pre-review   deadline "opinion" due 2024-10-10 scheduled
            5    2024-09-27 09:00  system     pre-review   task 4 "预审意见" opened for department 区数据局
            6    2024-09-27 09:00  区数据局   pre-review   decision "pass" on task 4 by 区数据局
            7    2024-09-27 09:00  system     pre-review   deadline "opinion" due 2024-10-10 cancelled
            8    2024-09-27 09:00  system     pre-review   stage completed with "pass"
            10   2024-09-27 09:00  system     amount-gate  gateway took the default branch → 审批 (approval)
            12   2024-09-27 09:00  system     approval     stage entered: 审批 (approval) [human-task]
            13   2024-09-27 09:00  system     approval     task 6 "审批" opened for department 区政府办
            14   2024-09-27 09:00  区政府办   approval     decision "approve" on task 6 by 区政府办
            15   2024-09-27 09:00  system     approval     stage completed with "approve"
            18   2024-09-27 09:00  system     approved     project ended: approved

            deadlines
              node        deadline  kind              due         outcome
              pre-review  opinion   non-interrupting  2024-10-10  met

            result    approved (ended on 2024-09-27 09:00)

            """)
    }
}
