import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import Testing

/// Every route × every role: the status each caller gets. Project p1 was started by "unit" (甲公司); its open task
/// "review" is assigned to department 区数据局, which "reviewer" belongs to.
@Suite struct APIAccessTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let method: String
        let path: String
        let body: String?
        /// Expected status by caller name; "none" is no token.
        let expected: [String: Int]

        var testDescription: String { "\(method) \(path)" }
    }

    static let roles = ["admin", "unit", "otherUnit", "reviewer", "expert", "auditor", "none"]

    static func statuses(_ admin: Int, _ unit: Int, _ otherUnit: Int, _ reviewer: Int, _ expert: Int,
                         _ auditor: Int, _ none: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(roles, [admin, unit, otherUnit, reviewer, expert, auditor, none]))
    }

    static let cases: [Case] = [
        Case(method: "GET", path: "/healthz", body: nil, expected: statuses(200, 200, 200, 200, 200, 200, 200)),
        Case(method: "GET", path: "/metrics", body: nil, expected: statuses(200, 403, 403, 403, 403, 200, 401)),
        Case(method: "POST", path: "/v1/definitions", body: APIHarness.definitionVersion2,
             expected: statuses(201, 403, 403, 403, 403, 403, 401)),
        Case(method: "GET", path: "/v1/definitions", body: nil, expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/definitions/approval", body: nil,
             expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/definitions/approval/versions/1", body: nil,
             expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "POST", path: "/v1/projects", body: #"{"workflow": "approval", "variables": {"amount": 1}}"#,
             expected: statuses(201, 201, 201, 403, 403, 403, 401)),
        Case(method: "GET", path: "/v1/projects/p1", body: nil, expected: statuses(200, 200, 404, 200, 200, 200, 401)),
        Case(method: "POST", path: "/v1/projects/p1/tasks/{review}/decision", body: #"{"outcome": "pass"}"#,
             expected: statuses(403, 403, 404, 200, 403, 403, 401)),
        // 催办: the project's unit, an administrator, or an assignee of an open task (the reviewer; not the expert).
        Case(method: "POST", path: "/v1/projects/p1/tasks/{review}/operations", body: #"{"op": "urge"}"#,
             expected: statuses(200, 200, 404, 200, 403, 403, 401)),
        Case(method: "POST", path: "/v1/projects/p1/tasks/{review}/operations",
             body: #"{"op": "transfer", "to": {"actor": "wang"}}"#,
             expected: statuses(403, 403, 404, 200, 403, 403, 401)),
        Case(method: "POST", path: "/v1/projects/p1/withdraw", body: #"{"comment": "不再申报"}"#,
             expected: statuses(200, 200, 404, 403, 403, 403, 401)),
        Case(method: "POST", path: "/v1/projects/p1/incidents/1/retry", body: nil,
             expected: statuses(404, 403, 403, 403, 403, 403, 401)),
        Case(method: "POST", path: "/v1/projects/p1/incidents/1/resolve", body: #"{"comment": "已处理"}"#,
             expected: statuses(404, 403, 403, 403, 403, 403, 401)),
        Case(method: "GET", path: "/v1/incidents", body: nil, expected: statuses(200, 403, 403, 403, 403, 200, 401)),
        Case(method: "GET", path: "/v1/tasks", body: nil, expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/overdue", body: nil, expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/deadlines", body: nil, expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/me", body: nil, expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/calendars", body: nil, expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/calendars/weekends/months/2024-10", body: nil,
             expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/calendars/weekends/due?from=2024-09-27&period=5%20workdays", body: nil,
             expected: statuses(200, 200, 200, 200, 200, 200, 401)),
        Case(method: "GET", path: "/v1/calendars/weekends/between?from=2024-09-27&to=2024-10-10", body: nil,
             expected: statuses(200, 200, 200, 200, 200, 200, 401)),
    ]

    @Test(arguments: cases)
    func everyRoleGetsTheExpectedStatus(_ testCase: Case) throws {
        for role in Self.roles {
            let harness = try APIHarness()
            let path = testCase.path.replacingOccurrences(of: "{review}", with: String(try harness.task(at: "review")))
            let response = harness.send(testCase.method, path, as: role == "none" ? nil : role, body: testCase.body)
            #expect(response.status.code == testCase.expected[role], "\(role): \(response.bodyText)")
        }
    }

    @Test func everyRouteIsInTheTable() {
        let tested = Set(Self.cases.map { "\($0.method) \($0.path.split(separator: "?")[0])" })
        for route in APIRouter.routeSignatures {
            let id = route.path.contains("definitions") ? "approval" : route.path.contains("calendars") ? "weekends" : "p1"
            let path = route.path.replacingOccurrences(of: "{id}", with: id)
                .replacingOccurrences(of: "{version}", with: "1").replacingOccurrences(of: "{taskId}", with: "{review}")
                .replacingOccurrences(of: "{n}", with: "1")
                .replacingOccurrences(of: "{month}", with: "2024-10")
            #expect(tested.contains("\(route.method) \(path)"), "\(route.method) \(route.path) is not tested")
        }
    }

    @Test func projectUnit_SeesOnlyItsOwnProjectsInListings() throws {
        let harness = try APIHarness()
        _ = harness.send("POST", "/v1/projects", as: "otherUnit",
                         body: #"{"workflow": "approval", "id": "p2", "variables": {"amount": 5}}"#)
        let own = harness.send("GET", "/v1/deadlines?from=2024-09-01&to=2024-12-31", as: "unit").json
        #expect(own["deadlines"]?.arrayValue?.compactMap { $0["project"]?.stringValue } == ["p1"])
        let all = harness.send("GET", "/v1/deadlines?from=2024-09-01&to=2024-12-31", as: "auditor").json
        #expect(all["deadlines"]?.arrayValue?.compactMap { $0["project"]?.stringValue } == ["p1", "p2"])
    }

    @Test func sameDepartment_CountsAsTheSameUnit() throws {
        let harness = try APIHarness()
        let colleague = Caller(id: "unit-a2", department: "甲公司", roles: [.projectUnit])
        let tokens = try TokenTable([("colleague-token-000000001", colleague)])
        let router = APIRouter(service: harness.service, tokens: tokens)
        let request = HTTPRequest(method: "GET", target: "/v1/projects/p1", headers: HTTPHeaders([
            ("Host", "t"), ("Authorization", "Bearer colleague-token-000000001"),
        ]))
        #expect(router.respond(to: request, now: harness.clock.now()).status.code == 200)
    }

    @Test func inbox_ShowsTheCallersOwnTasks_AndOthersOnlyToAdministratorsAndAuditors() throws {
        let harness = try APIHarness()
        let mine = harness.send("GET", "/v1/tasks", as: "reviewer").json["tasks"]?.arrayValue ?? []
        #expect(mine.map { $0["node"]?.stringValue } == ["review"])
        #expect(mine.first?["project"]?.stringValue == "p1")
        #expect(harness.send("GET", "/v1/tasks", as: "expert").json["tasks"]?.arrayValue?.isEmpty == true)
        let department = "/v1/tasks?department=%E5%8C%BA%E6%95%B0%E6%8D%AE%E5%B1%80"
        #expect(harness.send("GET", department, as: "auditor").json["tasks"]?.arrayValue?.count == 1)
        #expect(harness.send("GET", department, as: "reviewer").status.code == 200)
        let denied = harness.send("GET", department, as: "expert")
        #expect(denied.status.code == 403)
        #expect(denied.errorCode == "forbidden")
    }

    @Test func everyOpenTask_IsForAdministratorsAndAuditorsOnly() throws {
        let harness = try APIHarness()
        let all = harness.send("GET", "/v1/tasks?all=true", as: "auditor").json["tasks"]?.arrayValue ?? []
        #expect(all.map { "\($0["project"]?.stringValue ?? "")/\($0["node"]?.stringValue ?? "")" } == ["p1/review"])
        let denied = harness.send("GET", "/v1/tasks?all=true", as: "reviewer")
        #expect(denied.status.code == 403)
        #expect(denied.json["error"]?["message"]?.stringValue == #"li may not read every open task ("all=true"); "#
            + "that needs one of the roles: administrator, auditor")
        let bad = harness.send("GET", "/v1/tasks?all=yes", as: "admin")
        #expect(bad.status.code == 400)
        #expect(bad.json["error"]?["message"]?.stringValue == #""all" must be "true", found "yes""#)
    }

    @Test func withoutTokens_EveryRequestIsTheLocalAdministrator() throws {
        let harness = try APIHarness(authenticated: false, project: nil)
        let response = harness.send("POST", "/v1/definitions", as: nil, body: APIHarness.definitionVersion2)
        #expect(response.status.code == 201)
        let started = harness.send("POST", "/v1/projects", as: nil, body: #"{"workflow": "approval", "id": "x"}"#)
        #expect(started.status.code == 422)
        #expect(started.errorCode == "invalid-variables")
    }

    @Test func serverWithoutTokens_RefusesToListenBeyondLoopback() throws {
        let harness = try APIHarness(authenticated: false, project: nil)
        let server = APIServer(service: harness.service, tokens: nil)
        #expect(throws: APIServerError.unauthenticatedOnNetwork(host: "0.0.0.0")) {
            try server.start(host: "0.0.0.0", port: 0)
        }
    }
}
