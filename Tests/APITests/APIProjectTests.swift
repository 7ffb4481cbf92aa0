import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import Testing

/// What the endpoints return, idempotent retries, deadlines, overdue records and metrics.
@Suite struct APIProjectTests {
    @Test func projectView_ShowsStagesTasksTimersAndHistory() throws {
        let harness = try APIHarness()
        let project = harness.send("GET", "/v1/projects/p1", as: "auditor").json
        #expect(project["status"]?.stringValue == "running")
        #expect(project["result"] == .null)
        #expect(project["definition"] == .object(["id": .string("approval"), "version": .number(1)]))
        #expect(project["startedBy"]?["id"]?.stringValue == "unit-a")
        #expect(project["startedAt"]?.stringValue == "2024-09-27T09:00:00+08:00")
        #expect(project["variables"] == .object(["amount": .number(120)]))
        let stage = try #require(project["stages"]?.arrayValue?.first)
        #expect(stage["node"]?.stringValue == "review")
        #expect(stage["name"]?.stringValue == "初审")
        let task = try #require(project["openTasks"]?.arrayValue?.first)
        #expect(task["title"]?.stringValue == "初审意见")
        #expect(task["assignee"] == .object(["department": .string("区数据局")]))
        #expect(task["outcomes"] == .array([.string("pass"), .string("revise")]))
        // Weekends only: five working days after Friday 2024-09-27 is Friday 2024-10-04, expiring at midnight.
        #expect(project["timers"] == .array([.object([
            "timer": .number(3), "purpose": .string("deadline"), "name": .string("opinion"), "node": .string("review"),
            "due": .string("2024-10-04"), "provisional": .bool(false), "fireAt": .string("2024-10-05T00:00:00+08:00"),
            "suspendedBy": .null,
        ])]))
        let history = try #require(project["history"]?.arrayValue)
        #expect(history.first?["seq"] == .number(1))
        #expect(history.first?["at"]?.stringValue == "2024-09-27T09:00:00+08:00")
        #expect(history.first?["event"]?["type"]?.stringValue == "instanceStarted")
        #expect(history.first?["event"]?["definition"]?.stringValue == "approval")
    }

    @Test func wholeProject_RunsToItsEnd() throws {
        let harness = try APIHarness()
        let review = try harness.task(at: "review")
        let decided = harness.send("POST", "/v1/projects/p1/tasks/\(review)/decision", as: "reviewer",
                                   body: #"{"outcome": "pass", "comment": "同意", "data": {"score": 90}}"#)
        #expect(decided.status.code == 200)
        #expect(decided.json["openTasks"]?.arrayValue?.first?["node"]?.stringValue == "expert")
        let expert = try harness.task(at: "expert")
        let done = harness.send("POST", "/v1/projects/p1/tasks/\(expert)/decision", as: "expert",
                                body: #"{"outcome": "approve"}"#).json
        #expect(done["status"]?.stringValue == "ended")
        #expect(done["result"]?.stringValue == "approved")
        let decision = done["history"]?.arrayValue?.compactMap { $0["event"] }.first { $0["type"] == .string("taskDecided") }
        #expect(decision?["comment"]?.stringValue == "同意")
        #expect(decision?["data"] == .object(["score": .number(90)]))
    }

    @Test func retriedDecision_WithTheSameKey_IsAppliedOnce() throws {
        let harness = try APIHarness()
        let path = "/v1/projects/p1/tasks/\(try harness.task(at: "review"))/decision"
        let key = [("Idempotency-Key", "decide-review-1")]
        let first = harness.send("POST", path, as: "reviewer", body: #"{"outcome": "pass"}"#, headers: key)
        let retry = harness.send("POST", path, as: "reviewer", body: #"{"outcome": "pass"}"#, headers: key)
        #expect(first.status.code == 200)
        #expect(retry.status.code == 200)
        #expect(retry.body == first.body)
        #expect(retry.headers["Idempotent-Replayed"] == "true")
        let decisions = try harness.service.history(of: "p1").filter {
            if case .taskDecided = $0.event { return true } else { return false }
        }
        #expect(decisions.count == 1)
        let changed = harness.send("POST", path, as: "reviewer", body: #"{"outcome": "revise"}"#, headers: key)
        #expect(changed.status.code == 422)
        #expect(changed.errorCode == "idempotency-key-reused")
    }

    @Test func retriedStart_WithTheSameKey_StartsOneProject() throws {
        let harness = try APIHarness(project: nil)
        let body = #"{"workflow": "approval", "variables": {"amount": 3}}"#
        let key = [("Idempotency-Key", "start-1")]
        let first = harness.send("POST", "/v1/projects", as: "unit", body: body, headers: key)
        let retry = harness.send("POST", "/v1/projects", as: "unit", body: body, headers: key)
        #expect(first.status.code == 201)
        #expect(retry.json["id"] == first.json["id"])
        #expect(try harness.service.store.projectIDs().count == 1)
        // Keys belong to their caller: another unit's same key is a new request.
        #expect(harness.send("POST", "/v1/projects", as: "otherUnit", body: body, headers: key).status.code == 201)
        #expect(try harness.service.store.projectIDs().count == 2)
    }

    @Test func retriedStart_AfterARestart_MeetsTheProjectItStarted() throws {
        let harness = try APIHarness(project: nil)
        let body = #"{"workflow": "approval", "variables": {"amount": 3}}"#
        let key = [("Idempotency-Key", "start-2")]
        let first = harness.send("POST", "/v1/projects", as: "unit", body: body, headers: key)
        #expect(first.status.code == 201)
        // A restarted runner has an empty table of keys; the id derived from the caller and the key still
        // finds the project, so the retry does not start a second one.
        let tokens = try TokenTable(APIHarness.callers.values.map { ($0.token, $0.caller) })
        let restarted = APIRouter(service: harness.service, tokens: tokens, idempotency: IdempotencyTable())
        let retry = restarted.respond(
            to: HTTPRequest(method: "POST", target: "/v1/projects",
                            headers: HTTPHeaders([("Host", "test"), ("Content-Type", "application/json"),
                                                  ("Authorization", "Bearer \(APIHarness.callers["unit"]!.token)")]
                                                 + key),
                            body: Array(body.utf8)),
            now: harness.clock.now())
        #expect(retry.status.code == 409)
        #expect(try harness.service.store.projectIDs() == [first.json["id"]?.stringValue ?? ""])
        #expect(first.json["id"]?.stringValue?.hasPrefix("p-") == true)
    }

    @Test func idempotencyTable_EvictsTheOldestKeysBeyondItsCapacity() throws {
        let harness = try APIHarness(project: nil)
        let router = APIRouter(service: harness.service, tokens: nil, idempotency: IdempotencyTable(capacity: 1))
        func start(_ key: String) -> HTTPResponse {
            router.respond(to: HTTPRequest(method: "POST", target: "/v1/projects", headers: HTTPHeaders([
                ("Host", "t"), ("Content-Type", "application/json"), ("Idempotency-Key", key),
            ]), body: Array(#"{"workflow": "approval", "variables": {"amount": 3}}"#.utf8)), now: harness.clock.now())
        }
        let first = start("a")
        _ = start("b")
        #expect(start("a").json["id"] != first.json["id"])
    }

    @Test func deadlinesWindow_AndOverdueRecords() throws {
        let harness = try APIHarness()
        let inside = harness.send("GET", "/v1/deadlines?from=2024-10-01&to=2024-10-04", as: "reviewer").json
        #expect(inside["deadlines"]?.arrayValue?.map { $0["due"]?.stringValue } == ["2024-10-04"])
        #expect(inside["deadlines"]?.arrayValue?.first?["project"]?.stringValue == "p1")
        let outside = harness.send("GET", "/v1/deadlines?from=2024-10-05&to=2024-10-31", as: "reviewer").json
        #expect(outside["deadlines"]?.arrayValue?.isEmpty == true)
        let today = harness.send("GET", "/v1/deadlines", as: "reviewer").json
        #expect(today["from"]?.stringValue == "2024-09-27")
        #expect(today["to"]?.stringValue == "2024-10-27")

        harness.clock.set(CivilDate(iso: "2024-10-07")!.startInChina)
        try harness.service.fireDueTimers()
        let overdue = harness.send("GET", "/v1/overdue", as: "auditor").json["overdue"]?.arrayValue ?? []
        #expect(overdue.count == 1)
        #expect(overdue.first?["deadline"]?.stringValue == "opinion")
        #expect(overdue.first?["due"]?.stringValue == "2024-10-04")
        #expect(overdue.first?["interrupting"] == .bool(false))
        #expect(harness.send("GET", "/v1/overdue", as: "otherUnit").json["overdue"]?.arrayValue?.isEmpty == true)
    }

    @Test func definitions_ListVersionsAndSource() throws {
        let harness = try APIHarness()
        let deployed = harness.send("POST", "/v1/definitions", as: "admin", body: APIHarness.definitionVersion2)
        #expect(deployed.json == .object([
            "id": .string("approval"), "version": .number(2), "title": .string("信息化项目审批"),
        ]))
        #expect(deployed.headers["Location"] == "/v1/definitions/approval/versions/2")
        let list = harness.send("GET", "/v1/definitions", as: "expert").json["definitions"]?.arrayValue
        #expect(list?.first?["versions"] == .array([.number(1), .number(2)]))
        #expect(list?.first?["latest"] == .number(2))
        let versions = harness.send("GET", "/v1/definitions/approval", as: "expert").json["versions"]?.arrayValue
        #expect(versions?.compactMap { $0["version"]?.intValue } == [1, 2])
        let source = harness.send("GET", "/v1/definitions/approval/versions/1", as: "expert")
        #expect(source.bodyText == APIHarness.definition)
    }

    @Test func metrics_CountRequestsAndDescribeProjectsAndTimers() throws {
        let harness = try APIHarness()
        _ = harness.send("GET", "/v1/projects/p1", as: "admin")
        _ = harness.send("GET", "/v1/projects/p9", as: "admin")
        let text = harness.send("GET", "/metrics", as: "auditor").bodyText
        for line in [
            #"govflow_http_requests_total{method="GET",route="/v1/projects/{id}",status="200"} 1"#,
            #"govflow_http_requests_total{method="GET",route="/v1/projects/{id}",status="404"} 1"#,
            #"govflow_http_requests_total{method="POST",route="/v1/projects",status="201"} 1"#,
            #"govflow_http_request_duration_seconds_count{method="GET",route="/v1/projects/{id}"} 2"#,
            #"govflow_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/projects/{id}"} 2"#,
            #"govflow_projects{status="running"} 1"#,
            #"govflow_projects_at_node{node="review",workflow="approval"} 1"#,
            #"govflow_timers_pending{purpose="deadline"} 1"#,
            "govflow_timers_fired_late_total 0",
        ] {
            #expect(text.contains(line + "\n"), "missing: \(line)")
        }
        #expect(text.contains("# TYPE govflow_http_request_duration_seconds histogram\n"))
    }

    @Test func healthz_NeedsNoToken() throws {
        let response = try APIHarness().send("GET", "/healthz", as: nil)
        #expect(response.json["status"]?.stringValue == "ok")
    }
}
