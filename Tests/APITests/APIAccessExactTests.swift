import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import Testing

/// The finer access rules, answer for answer: who may urge (催办), and one "not found" for missing and hidden
/// projects. Also: docs/api.md's route × role table is the router's.
@Suite struct APIAccessExactTests {
    static func urge(_ harness: APIHarness, _ task: Int, as caller: String, project: String = "p1") -> HTTPResponse {
        harness.send("POST", "/v1/projects/\(project)/tasks/\(task)/operations", as: caller,
                     body: #"{"op": "urge", "comment": "请尽快办理"}"#)
    }

    static func forbiddenToUrge(_ actor: String) -> String {
        #"{"error":{"code":"forbidden","message":"\#(actor) may not urge tasks of project \"p1\": only the unit "#
            + #"that started it, an administrator, or someone with an open task in it may urge (催办)","details":null}}"#
    }

    @Test func expertWithoutATaskInTheProject_MayNotUrge() throws {
        let harness = try APIHarness()
        let before = try harness.service.history(of: "p1").count
        let refused = Self.urge(harness, try harness.task(at: "review"), as: "expert")
        #expect(refused.status.code == 403)
        #expect(refused.bodyText == Self.forbiddenToUrge("zhou"))
        #expect(try harness.service.history(of: "p1").count == before, "nothing was recorded")
    }

    @Test func reviewerWhoseTaskIsDone_MayNotUrge_TheExpertNowAssigned_May() throws {
        let harness = try APIHarness()
        let review = try harness.task(at: "review")
        let passed = harness.send("POST", "/v1/projects/p1/tasks/\(review)/decision", as: "reviewer",
                                  body: #"{"outcome": "pass"}"#)
        #expect(passed.status.code == 200)
        let expertTask = try harness.task(at: "expert")

        let refused = Self.urge(harness, expertTask, as: "reviewer")
        #expect(refused.status.code == 403)
        #expect(refused.bodyText == Self.forbiddenToUrge("li"))
        #expect(Self.urge(harness, expertTask, as: "expert").status.code == 200)
    }

    @Test func projectUnitAndAdministrator_MayUrge_AndTheUrgeIsRecorded() throws {
        let harness = try APIHarness()
        let review = try harness.task(at: "review")
        #expect(Self.urge(harness, review, as: "unit").status.code == 200)
        #expect(Self.urge(harness, review, as: "admin").status.code == 200)
        let urgers = try harness.service.history(of: "p1").compactMap { entry -> String? in
            guard case .taskUrged = entry.event else { return nil }
            return entry.actor.id
        }
        #expect(urgers == ["unit-a", "admin"])
    }

    @Test(arguments: [
        ("GET", "/v1/projects/{p}", nil as String?),
        ("POST", "/v1/projects/{p}/withdraw", #"{"comment": "不再申报"}"#),
        ("POST", "/v1/projects/{p}/tasks/1/operations", #"{"op": "urge"}"#),
        ("POST", "/v1/projects/{p}/tasks/1/decision", #"{"outcome": "pass"}"#),
    ])
    func hiddenProject_GetsTheSameAnswerAsAMissingOne(method: String, path: String, body: String?) throws {
        let harness = try APIHarness()
        let hidden = harness.send(method, path.replacingOccurrences(of: "{p}", with: "p1"), as: "otherUnit",
                                  body: body)
        let missing = harness.send(method, path.replacingOccurrences(of: "{p}", with: "p9"), as: "otherUnit",
                                   body: body)
        #expect(hidden.status.code == 404)
        #expect(hidden.bodyText
            == #"{"error":{"code":"project-not-found","message":"there is no project \"p1\"","details":null}}"#)
        #expect(missing.status.code == 404)
        #expect(missing.bodyText
            == #"{"error":{"code":"project-not-found","message":"there is no project \"p9\"","details":null}}"#)
        #expect(hidden.headers.map(\.name) == missing.headers.map(\.name))
    }

    /// The route × role table as docs/api.md must show it, built from the router's table.
    static func routeRoleTable() -> String {
        let roles = Role.allCases
        var lines = ["| route | " + roles.map { "`\($0.rawValue)`" }.joined(separator: " | ") + " | no token |",
                     "|---|" + String(repeating: "---|", count: roles.count + 1)]
        for route in APIRouter.routeAccess {
            let cells = roles.map { role in route.roles.map { $0.contains(role) ? "yes" : "—" } ?? "yes" }
                + [route.roles == nil ? "yes" : "—"]
            lines.append("| `\(route.method) \(route.path)` | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func routeRoleTableInTheDocs_IsTheRoutersTable() throws {
        let text = try String(contentsOf: APIOpenAPITests.root.appendingPathComponent("docs/api.md"), encoding: .utf8)
        let begin = "<!-- route-role table: generated from APIRouter+Routes.swift, checked by APIAccessExactTests -->\n"
        let start = try #require(text.range(of: begin), "docs/api.md lacks the marker \(begin)")
        let rest = text[start.upperBound...]
        let documented = rest.prefix { _ in true }.components(separatedBy: "\n\n").first ?? ""
        let expected = Self.routeRoleTable()
        #expect(documented == expected, "replace the table in docs/api.md with:\n\(expected)")
    }
}
