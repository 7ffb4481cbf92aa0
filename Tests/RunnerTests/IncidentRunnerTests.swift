import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import Testing

/// Incidents through the runner: the timer service, the SQLite store, the API and the metrics.
@Suite struct IncidentRunnerTests {
    static let command = "fire timer 3 (deadline \\\"opinion\\\" of node \\\"review\\\")"

    @Test func failingDeadline_IsAnIncidentInTheViewTheListAndTheMetrics_AndTheOtherDeadlineFires() throws {
        // given
        let harness = try IncidentHarness()
        harness.clock.set(IncidentHarness.deadlineFires)
        let timers = harness.timerService()
        // when
        let fired = try timers.tick()
        // then: the good project's deadline fired in the same tick; the bad one is an incident, logged once
        #expect(fired == [ScheduledTimer(projectID: "good", timerID: 3, fireAt: IncidentHarness.deadlineFires)])
        #expect(try harness.service.currentState(of: "good").status == .ended(result: "approved"))
        #expect(try harness.events("bad").last == .incidentRaised(
            incident: 1, timer: 3, command: "fire timer 3 (deadline \"opinion\" of node \"review\")",
            error: IncidentHarness.gateError))
        let logged = #"{"ts":"2024-09-09T16:00:00.000Z","level":"error","msg":"incident raised","command":"#
            + #""\#(Self.command)","error":"stage \"gate\" refused entry: amount 500 is above this gate's limit "#
            + #"of 300","failures":"1","incident":"1","project":"bad","timer":"3"}"# + "\n"
        #expect(harness.log.lines == [logged])
        // The next tick neither fires nor logs the same failure again.
        #expect(try timers.tick() == [])
        #expect(harness.log.lines.count == 1)

        let incident = #"{"incident":1,"status":"open","timer":3,"command":"\#(Self.command)","#
            + #""error":"stage \"gate\" refused entry: amount 500 is above this gate's limit of 300","failures":1,"#
            + #""raisedAt":"2024-09-10T00:00:00+08:00","resolution":null,"movedTo":null,"resolvedBy":null,"#
            + #""resolvedAt":null,"comment":null}"#
        let view = harness.send("GET", "/v1/projects/bad", as: "auditor")
        #expect(view.json["incidents"]?.jsonText == "[\(incident)]")
        #expect(view.json["timers"]?.arrayValue?.map { $0["suspendedBy"] } == [.number(1)])
        let deadlines = harness.send("GET", "/v1/deadlines?from=2024-09-01&to=2024-09-30", as: "admin").json
        #expect(deadlines["deadlines"]?.arrayValue?.map { $0["suspendedBy"] } == [.number(1)])
        let list = harness.send("GET", "/v1/incidents?status=open", as: "auditor")
        #expect(list.status.code == 200)
        #expect(list.bodyText == #"{"incidents":[{"project":"bad","# + incident.dropFirst()
            + #"],"total":1,"nextOffset":null}"#)
        #expect(harness.send("GET", "/v1/incidents?status=resolved", as: "admin").bodyText
            == #"{"incidents":[],"total":0,"nextOffset":null}"#)
        #expect(harness.send("GET", "/v1/incidents?status=closed", as: "admin").json["error"]?["message"]
            == .string("\"status\" must be \"open\" or \"resolved\", found \"closed\""))
        let metrics = harness.send("GET", "/metrics", as: "auditor").bodyText
        #expect(metrics.contains("\ngovflow_incidents_open 1\n"))
        #expect(metrics.contains("\ngovflow_incidents_raised_total 1\n"))
    }

    @Test func suspendedTimerStaysSuspendedAcrossARestart_AndRetryAfterTheFixFiresIt() throws {
        // given
        let harness = try IncidentHarness()
        harness.clock.set(IncidentHarness.deadlineFires)
        try harness.service.fireDueTimers()
        // when
        try harness.restart()
        // then
        #expect(try harness.store.dueTimers(through: .distantFuture, limit: 10) == [])
        #expect(try harness.store.incidents(status: .open).map { "\($0.projectID)#\($0.incident.id)" } == ["bad#1"])
        #expect(try harness.store.incidents(status: .open).first?.incident
            == harness.service.currentState(of: "bad").incidents[1])

        // Retried before the fix: 500 incident-retry-failed, the incident stays open with two failures.
        let again = harness.send("POST", "/v1/projects/bad/incidents/1/retry", as: "admin", body: "{}")
        #expect(again.status.code == 500)
        #expect(again.errorCode == "incident-retry-failed")
        #expect(again.json["error"]?["details"]?.jsonText
            == #"{"project":"bad","incident":1,"href":"/v1/projects/bad/incidents/1"}"#)
        #expect(try harness.store.incidents(status: .open).first?.incident.failures == 2)

        harness.build.deployFix()
        let retried = harness.send("POST", "/v1/projects/bad/incidents/1/retry", as: "admin",
                                   body: #"{"comment": "插件已修复"}"#)
        #expect(retried.status.code == 200, "\(retried.bodyText)")
        #expect(retried.json["status"] == .string("ended"))
        #expect(try harness.events("bad").last
            == .incidentResolved(incident: 1, resolution: .retried, movedTo: nil, comment: "插件已修复"))
        #expect(try harness.store.incidents(status: .open) == [])
        let resolved = try #require(try harness.store.incidents(status: .resolved).first?.incident)
        #expect(resolved.resolution == .retried && resolved.resolvedBy == "admin" && resolved.comment == "插件已修复")
        #expect(harness.send("GET", "/metrics", as: "admin").bodyText.contains("\ngovflow_incidents_open 0\n"))
    }

    @Test func decisionFailingInsideAPlugin_Answers500IncidentRaised_AndChangesNothingElse() throws {
        // given
        let harness = try IncidentHarness()
        let task = try #require(try harness.service.currentState(of: "bad").openTasks.first)
        let before = try harness.service.currentState(of: "bad")
        // when
        let answer = harness.send("POST", "/v1/projects/bad/tasks/\(task.id)/decision", as: "reviewer",
                                  body: #"{"outcome": "pass"}"#)
        // then
        #expect(answer.status.code == 500)
        #expect(answer.errorCode == "incident-raised")
        #expect(answer.json["error"]?["message"] == .string(
            "the command failed inside the engine and changed nothing: \(IncidentHarness.gateError); incident 1 of "
                + "project \"bad\" records it for an administrator (see docs/operations.md, \"Incidents\")"))
        let after = try harness.service.currentState(of: "bad")
        #expect(after.openTasks == before.openTasks && after.timers == before.timers)
        #expect(try harness.events("bad").last == .incidentRaised(
            incident: 1, timer: nil, command: "decide task \(task.id) with \"pass\" by li",
            error: IncidentHarness.gateError))
        #expect(try harness.service.history(of: "bad").count == before.lastSequence + 1)
        // The deadline was not suspended.
        #expect(try harness.store.nextTimer()?.projectID == "bad")

        // Resolving needs a comment, and a node the definition has.
        let noComment = harness.send("POST", "/v1/projects/bad/incidents/1/resolve", as: "admin", body: "{}")
        #expect(noComment.status.code == 400)
        #expect(noComment.json["error"]?["message"] == .string("\"comment\" is required"))
        let badNode = harness.send("POST", "/v1/projects/bad/incidents/1/resolve", as: "admin",
                                   body: #"{"moveTo": "gates", "comment": "改走关口"}"#)
        #expect(badNode.status.code == 422)
        #expect(badNode.json["error"]?["message"] == .string("the project cannot be moved to \"gates\": definition "
            + "gated@1 has no such node; did you mean \"gate\"?"))
        let marked = harness.send("POST", "/v1/projects/bad/incidents/1/resolve", as: "admin",
                                  body: #"{"comment": "已告知审查人"}"#)
        #expect(marked.status.code == 200)
        #expect(marked.json["incidents"]?.arrayValue?.first?["resolution"] == .string("marked"))
        #expect(marked.json["incidents"]?.arrayValue?.first?["resolvedBy"] == .string("admin"))
    }
}

@Suite struct IncidentListTests {
    @Test func incidentsAreListedByWhenRaised_InPages() throws {
        // given: incident 1 raised by a decision, incident 2 by the deadline, both on "bad"
        let harness = try IncidentHarness()
        let task = try #require(try harness.service.currentState(of: "bad").openTasks.first)
        let decided = harness.send("POST", "/v1/projects/bad/tasks/\(task.id)/decision", as: "reviewer",
                                   body: #"{"outcome": "pass"}"#)
        #expect(decided.errorCode == "incident-raised")
        harness.clock.set(IncidentHarness.deadlineFires)
        try harness.service.fireDueTimers()
        // when
        let first = harness.send("GET", "/v1/incidents?limit=1", as: "admin").json
        let second = harness.send("GET", "/v1/incidents?limit=1&offset=1", as: "admin").json
        // then
        #expect(first["incidents"]?.arrayValue?.map { $0["incident"] } == [.number(1)])
        #expect(first["total"] == .number(2))
        #expect(first["nextOffset"] == .number(1))
        #expect(second["incidents"]?.arrayValue?.map { $0["timer"] } == [.number(3)])
        #expect(second["nextOffset"] == .null)
        let tooMany = harness.send("GET", "/v1/incidents?limit=1001", as: "admin")
        #expect(tooMany.status.code == 400)
        #expect(tooMany.json["error"]?["message"]
            == .string("\"limit\" must be a whole number from 1 to 1000, found \"1001\""))
        // A user's command cannot be retried by an administrator.
        let retry = harness.send("POST", "/v1/projects/bad/incidents/1/retry", as: "admin")
        #expect(retry.status.code == 409)
        #expect(retry.errorCode == "incident-not-retryable")
    }
}
