import FlowCore
import Foundation
@testable import GovFlowAPI
import GovFlowTestSupport
@testable import SQLiteStore
import Testing

/// The inbox, the deadline window, the overdue list, access checks and metrics answer from the store's indexes:
/// over a SQLite store they answer byte for byte what they answer over the in-memory store.
@Suite struct APIIndexedReadsTests {
    /// p1 (unit), p2 (otherUnit, its review transferred to zhou), p3 (unit, past the review: zhou's expert task),
    /// then a week passes: the open reviews' opinion deadlines expire.
    static func populate(_ harness: APIHarness) throws {
        for (id, caller) in [("p2", "otherUnit"), ("p3", "unit")] {
            let response = harness.send("POST", "/v1/projects", as: caller,
                                        body: #"{"workflow": "approval", "id": "\#(id)", "variables": {"amount": 5}}"#)
            try #require(response.status.code == 201, "\(response.bodyText)")
        }
        let transfer = harness.send("POST", "/v1/projects/p2/tasks/\(try harness.task(at: "review", of: "p2"))/"
            + "operations", as: "reviewer", body: #"{"op": "transfer", "to": {"actor": "zhou"}}"#)
        try #require(transfer.status.code == 200, "\(transfer.bodyText)")
        let decision = harness.send("POST", "/v1/projects/p3/tasks/\(try harness.task(at: "review", of: "p3"))/"
            + "decision", as: "reviewer", body: #"{"outcome": "pass"}"#)
        try #require(decision.status.code == 200, "\(decision.bodyText)")
        harness.clock.set(CivilDate(iso: "2024-10-08")!.startInChina.addingTimeInterval(9 * 3600))
        try harness.service.fireDueTimers()
    }

    static let reads = ["/v1/tasks", "/v1/tasks?role=project-unit", "/v1/tasks?actor=zhou",
                        "/v1/tasks?department=%E5%8C%BA%E6%95%B0%E6%8D%AE%E5%B1%80", "/v1/tasks?all=true",
                        "/v1/overdue",
                        "/v1/deadlines?from=2024-09-27&to=2024-12-31", "/v1/deadlines"]

    /// Each read as each caller: "caller path status body".
    static func answers(_ harness: APIHarness) -> [String] {
        var answers: [String] = []
        for caller in APIHarness.callers.keys.sorted() {
            for path in reads {
                let response = harness.send("GET", path, as: caller)
                answers.append("\(caller) \(path) \(response.status.code) \(response.bodyText)")
            }
        }
        let metrics = harness.send("GET", "/metrics", as: "admin").bodyText.split(separator: "\n")
            .filter { !$0.contains("govflow_http_") }
        return answers + metrics.map(String.init)
    }

    @Test func readsOverSQLiteAnswerExactlyAsOverTheInMemoryStore() throws {
        let memory = try APIHarness()
        try Self.populate(memory)
        let store = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        defer { store.close() }
        let durable = try APIHarness(store: store)
        try Self.populate(durable)

        let expected = Self.answers(memory)
        #expect(Self.answers(durable) == expected)
        // What they agree on, in part: zhou's inbox holds p2's transferred review and p3's expert task.
        let zhou = memory.send("GET", "/v1/tasks", as: "expert").json["tasks"]?.arrayValue ?? []
        #expect(zhou.map { "\($0["project"]?.stringValue ?? "")/\($0["node"]?.stringValue ?? "")" }
                    == ["p2/review", "p3/expert"])
        let all = memory.send("GET", "/v1/tasks?all=true", as: "auditor").json["tasks"]?.arrayValue ?? []
        #expect(Set(all.map { "\($0["project"]?.stringValue ?? "")/\($0["node"]?.stringValue ?? "")" })
                    == Set(["p1/review", "p2/review", "p3/expert"]))
        let overdue = memory.send("GET", "/v1/overdue", as: "unit").json["overdue"]?.arrayValue ?? []
        #expect(overdue.map { $0["project"]?.stringValue } == ["p1"])
        #expect(expected.contains("govflow_open_tasks 3"))
        #expect(expected.contains("govflow_overdue_records 2"))
        #expect(expected.contains(#"govflow_projects{status="running"} 3"#))
    }

    @Test func storeThatCannotSayWhoStartedAProjectIsAnErrorAnswerNotAHiddenProject() throws {
        let path = try StoreFixtures.databasePath()
        let store = try SQLiteProjectStore(path: path)
        defer { store.close() }
        let harness = try APIHarness(store: store)
        try store.executeOnWriter("UPDATE projects SET starter_id = NULL WHERE id = 'p1'")

        let response = harness.send("GET", "/v1/projects/p1", as: "unit")
        #expect(response.status.code == 500)
        #expect(response.errorCode == "store-failure")
        #expect(response.json["error"]?["message"]?.stringValue == "project \"p1\" in \(path) has no starter "
            + "recorded; the index tables are incomplete: run `govflow rebuild-indexes --db \(path)` with the "
            + "runner stopped")
        // Callers who read every project need no starter.
        #expect(harness.send("GET", "/v1/projects/p1", as: "reviewer").status.code == 200)
    }
}
