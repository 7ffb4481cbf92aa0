import Foundation
import Testing

/// The default policy and the `approveUntil` step on the bundled definitions, started on 2024-09-27.
@Suite struct SimulateDefaultPolicyTests {
    struct Expected: Sendable, CustomStringConvertible {
        let workflow: String
        let variables: String
        let result: String
        let finished: String
        var description: String { "\(workflow) \(variables)" }
    }

    /// Where each bundled workflow ends when every task takes its first outcome at once. 上饶 waits out its
    /// intention lead time and trial run (counted as docs/calendar.md counts them), 上城区 its 30-day trial run;
    /// the others have no wait on the first-outcome path.
    static let expected = [
        Expected(workflow: "jianshan", variables: #"{"amount": 120}"#, result: "completed",
                 finished: "2024-09-27 09:00"),
        // The 30-day trial is entered on 2024-09-27: it runs through 10-27 and is reported complete as 10-28 begins.
        Expected(workflow: "shangcheng", variables: #"{"amount": 120}"#, result: "completed",
                 finished: "2024-10-27 24:00"),
        // Intention published 09-27, procurement from 10-27 (30 days); a 3-month trial from 10-27 runs through
        // 2025-01-27 (a working day before the Spring Festival) and is reported complete as 01-28 begins.
        Expected(workflow: "shangrao", variables: #"{"amount": 120, "category": "其他类别"}"#, result: "completed",
                 finished: "2025-01-27 24:00"),
        // 45 days: procurement from 11-11; a 6-month trial through 2025-05-11.
        Expected(workflow: "shangrao", variables: #"{"amount": 600, "category": "其他类别"}"#, result: "completed",
                 finished: "2025-05-11 24:00"),
        Expected(workflow: "tinghu", variables: #"{"amount": 120}"#, result: "completed",
                 finished: "2024-09-27 09:00"),
        Expected(workflow: "yushan", variables: #"{"amount": 120}"#, result: "completed",
                 finished: "2024-09-27 09:00"),
    ]

    @Test(arguments: expected) func everyBundledWorkflowRunsToItsEndUnderTheDefaultPolicy(_ case: Expected) throws {
        let run = try Scenario.run(`case`.workflow, `case`.variables, start: "2024-09-27")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.document["status"] as? String == "ended")
        #expect(run.result == `case`.result)
        #expect(run.finished == `case`.finished)
        #expect(run.document["note"] is NSNull)
    }

    @Test func eachSeatOfAnAcceptancePanelIsAnsweredByADifferentActor() throws {
        let run = try Scenario.run("yushan", #"{"amount": 120}"#, start: "2024-09-27")
        let seats = run.events
            .filter { $0["type"] as? String == "taskDecided" && $0["node"] as? String == "acceptance" }
            .compactMap { $0["actor"] as? String }
        // Two of the three seats pass: the group's majority has decided and the third seat is closed.
        #expect(seats == ["acceptance-group/initial:1", "acceptance-group/initial:2"])
        #expect(run.result == "completed")
    }

    @Test func aScriptDecidingTwoSeatsWithoutActorsUsesADifferentActorForEach() throws {
        let steps = [#"{"approveUntil": "acceptance"}"#, Scenario.decide("acceptance", "pass", task: "initial:1"),
                     Scenario.decide("acceptance", "pass", task: "initial:3")]
        let run = try Scenario.run("yushan", #"{"amount": 120}"#, start: "2024-09-27", steps: steps,
                                   afterLastStep: "stop")
        #expect(run.status == 0, "\(run.errors)")
        let seats = run.events
            .filter { $0["type"] as? String == "taskDecided" && $0["node"] as? String == "acceptance" }
            .compactMap { $0["actor"] as? String }
        #expect(seats == ["acceptance-group/initial:1", "acceptance-group/initial:3"])
        #expect(run.facts["acceptance.result"] == #""accepted""#)
    }

    @Test func periodsInTaskTitlesAreWrittenInChinese() throws {
        let run = try Scenario.run("shangrao", #"{"amount": 600, "category": "其他类别"}"#, start: "2024-09-27")
        let titles = run.events.filter { $0["type"] as? String == "taskOpened" && $0["node"] as? String != nil }
            .compactMap { $0["description"] as? String }
            .filter { $0.contains("采购意向") || $0.contains("开展采购活动") || $0.contains("试运行（") }
        #expect(titles == [
            #"task 23 "政府采购: 公开采购意向（至少提前45日）" opened for role project-unit"#,
            #"task 25 "政府采购: 开展采购活动（不早于 2024-11-11）" opened for role project-unit"#,
            #"task 40 "试运行: 试运行（不少于6个月，2025-05-12 起可报告完成）" opened for role project-unit"#,
        ])
    }

    @Test func approveUntilRunsTheDefaultPolicyUpToALateStage() throws {
        let steps = [#"{"approveUntil": "trial-run"}"#, Scenario.decide("trial-run", "completed", at: "2025-05-11")]
        let run = try Scenario.run("shangrao", #"{"amount": 600, "category": "其他类别"}"#, start: "2024-09-27",
                                   steps: steps)
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("""
            step 2 (decide at node "trial-run"): stage "trial-run" refused: the trial run started on 2024-11-11 must \
            last at least 6 months: completion can be reported from 2025-05-12

            """))
        let onTheDay = try Scenario.run("shangrao", #"{"amount": 600, "category": "其他类别"}"#, start: "2024-09-27",
                                        steps: [steps[0], Scenario.decide("trial-run", "completed", at: "2025-05-12")],
                                        afterLastStep: "stop")
        #expect(onTheDay.status == 0, "\(onTheDay.errors)")
        #expect(onTheDay.date("trial-run.completedOn") == "2025-05-12")
        #expect(onTheDay.entered.last == "final-inspection")
    }

    @Test func approveUntilANodeAlreadyReachedDoesNothing() throws {
        let steps = [#"{"approveUntil": "demand-submission"}"#]
        let run = try Scenario.run("shangrao", #"{"amount": 120, "category": "其他类别"}"#, start: "2024-09-27",
                                   steps: steps, afterLastStep: "stop")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.entered == ["demand-submission"])
    }

    @Test func approveUntilAnUnknownNodeIsRefusedBeforeTheRunWithASuggestion() throws {
        let run = try Scenario.run("shangrao", #"{"amount": 120, "category": "其他类别"}"#, start: "2024-09-27",
                                   steps: [#"{"approveUntil": "trial-rn"}"#])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.hasSuffix("""
            script.json:2:18: step 1: "approveUntil" names node "trial-rn", which workflow "shangrao" does not have; \
            did you mean "trial-run"?

            """))
    }

    @Test func approveUntilAGatewayIsRefusedBeforeTheRun() throws {
        let run = try Scenario.run("shangrao", #"{"amount": 120, "category": "其他类别"}"#, start: "2024-09-27",
                                   steps: [#"{"approveUntil": "quota"}"#])
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("""
            script.json:2:18: step 1: "approveUntil" names the exclusive node "quota", which a project passes without \
            stopping; name a stage, wait or join node (or use {"waitFor": "end"})

            """))
    }

    @Test func approveUntilANodeTheProjectNeverReachesFails() throws {
        let steps = [#"{"approveUntil": "city-evaluation"}"#, Scenario.decide("city-evaluation", "fail"),
                     #"{"approveUntil": "trial-run"}"#]
        let run = try Scenario.run("shangrao", #"{"amount": 120, "category": "其他类别"}"#, start: "2024-09-27",
                                   steps: steps)
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("""
            step 3 (approveUntil "trial-run"): the project ended (ended with "deferred-to-next-year") before reaching \
            node "trial-run"

            """))
    }

    @Test func approveUntilWithAtIsRefused() throws {
        let run = try Scenario.run("shangrao", #"{"amount": 120, "category": "其他类别"}"#, start: "2024-09-27",
                                   steps: [#"{"at": "2024-10-08", "approveUntil": "trial-run"}"#])
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("""
            script.json:2:8: step 1: "approveUntil" moves the clock itself; remove "at"

            """))
    }
}
