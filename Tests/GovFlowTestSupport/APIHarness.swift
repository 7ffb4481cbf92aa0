import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import Stages
import Testing

/// A service on an in-memory store and a manual clock, with a router and a tokens table: the API without a socket.
package final class APIHarness: @unchecked Sendable {
    package static let definition = """
        {
          "id": "approval", "version": 1, "title": "信息化项目审批",
          "jurisdiction": {"name": "测试区", "code": "320902"}, "regulation": {"title": "测试办法"},
          "calendar": "weekends",
          "variables": {"amount": {"type": "decimal", "unit": "万元", "minimum": 0}},
          "start": "review",
          "nodes": [
            {"id": "review", "type": "stage", "name": "初审", "stage": "human-task",
             "parameters": {"title": "初审意见", "assignee": {"department": "区数据局"},
                            "outcomes": ["pass", "revise"]},
             "outcomes": {"pass": "expert", "revise": "revision"},
             "deadlines": [{"id": "opinion", "period": "5 workdays", "interrupting": false}]},
            {"id": "expert", "type": "stage", "name": "专家评审", "stage": "human-task",
             "parameters": {"title": "专家意见", "assignee": {"actor": "zhou"}, "outcomes": ["approve", "reject"]},
             "outcomes": {"approve": "approved", "reject": "rejected"}},
            {"id": "revision", "type": "stage", "name": "补正", "stage": "human-task",
             "parameters": {"title": "补正材料", "assignee": {"role": "project-unit"}, "outcomes": ["resubmit"]},
             "outcomes": {"resubmit": "review"}},
            {"id": "approved", "type": "end", "result": "approved"},
            {"id": "rejected", "type": "end", "result": "rejected"}
          ]
        }
        """

    /// The definition as version 2 (for deploy tests).
    package static var definitionVersion2: String {
        definition.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
    }

    /// Callers by a short name, with their tokens.
    package static let callers: [String: (token: String, caller: Caller)] = [
        "admin": ("admin-token-000000000001", Caller(id: "admin", department: nil, roles: [.administrator])),
        "unit": ("unit-token-0000000000001", Caller(id: "unit-a", department: "甲公司", roles: [.projectUnit])),
        "otherUnit": ("unit-token-0000000000002", Caller(id: "unit-b", department: "乙公司", roles: [.projectUnit])),
        "reviewer": ("reviewer-token-000000001",
                     Caller(id: "li", department: "区数据局", roles: [.reviewingOffice])),
        "expert": ("expert-token-0000000001", Caller(id: "zhou", department: nil, roles: [.expert])),
        "auditor": ("auditor-token-000000001", Caller(id: "audit", department: "区审计局", roles: [.auditor])),
    ]

    package let clock = ManualClock(at: CivilDate(iso: "2024-09-27")!)
    package let service: WorkflowService
    package let router: APIRouter

    package init(authenticated: Bool = true, deploy: Bool = true, project: String? = "p1",
         store: any ProjectStore = InMemoryProjectStore()) throws {
        service = try WorkflowService(registry: BuiltInStages.registry(),
                                      calendars: ["weekends": WeekendOnlyCalendar(id: "weekends")],
                                      store: store, clock: clock)
        let tokens = try TokenTable(APIHarness.callers.values.map { ($0.token, $0.caller) })
        router = APIRouter(service: service, tokens: authenticated ? tokens : nil)
        if deploy { try service.deploy(source: APIHarness.definition, file: "approval.json") }
        if let project {
            let response = send("POST", "/v1/projects", as: "unit",
                                body: #"{"workflow": "approval", "id": "\#(project)", "variables": {"amount": 120}}"#)
            try #require(response.status.code == 201, "\(response.bodyText)")
        }
    }

    /// Sends a request as the caller named `name` (nil: without a token).
    package func send(_ method: String, _ target: String, as name: String?, body: String? = nil,
                      headers: [(String, String)] = []) -> HTTPResponse {
        router.respond(to: Self.request(method, target, as: name, body: body, headers: headers), now: clock.now())
    }

    /// A request as the caller named `name` (one of `callers`; nil: without a token), with a JSON body if given.
    package static func request(_ method: String, _ target: String, as name: String?, body: String? = nil,
                                headers: [(String, String)] = []) -> HTTPRequest {
        var fields = [("Host", "test")] + headers
        if let name, let token = callers[name]?.token { fields.append(("Authorization", "Bearer \(token)")) }
        if body != nil, !headers.contains(where: { $0.0 == "Content-Type" }) {
            fields.append(("Content-Type", "application/json"))
        }
        return HTTPRequest(method: method, target: target, headers: HTTPHeaders(fields), body: Array((body ?? "").utf8))
    }

    /// The id of the open task at `node` of project `project`.
    package func task(at node: String, of project: String = "p1") throws -> Int {
        try #require(try service.currentState(of: project).openTasks.first { $0.nodeID == node }).id
    }
}

extension HTTPResponse {
    /// The body parsed as JSON.
    package var json: JSONValue { (try? JSONParser.parse(bodyText).value) ?? .null }

    /// The error code of an error answer.
    package var errorCode: String? { json["error"]?["code"]?.stringValue }
}
