import FlowCore
import Foundation
@testable import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import SQLiteStore
import Stages
import Testing

/// The project view's history is the stored records; no answer and no stored row holds a positional `_0` member.
@Suite struct APIRecordsTests {
    /// The harness project after a decision with a comment and data, a transfer and an urge.
    func decidedProject() throws -> APIHarness {
        let harness = try APIHarness()
        let review = try harness.task(at: "review")
        let decided = harness.send("POST", "/v1/projects/p1/tasks/\(review)/decision", as: "reviewer",
                                   body: #"{"outcome": "pass", "comment": "同意", "data": {"score": 90}}"#)
        try #require(decided.status.code == 200, "\(decided.bodyText)")
        harness.clock.advance(by: 3600)
        let expert = try harness.task(at: "expert")
        try harness.service.perform(.urge(task: expert, actor: Actor(id: "li", department: "区数据局"),
                                          comment: "请尽快评审"), on: "p1")
        return harness
    }

    @Test func projectViewOfAFixedProjectEncodesToItsGoldenFile() throws {
        let harness = try decidedProject()
        let view = harness.send("GET", "/v1/projects/p1", as: "auditor")
        #expect(view.status.code == 200)
        try GoldenFile.check(view.bodyText, "project-view.json")
    }

    @Test func historyInTheViewIsTheStoredRecordOfEachEntry() throws {
        let harness = try decidedProject()
        let view = harness.send("GET", "/v1/projects/p1", as: "auditor").json
        let entries = try #require(view["history"]?.arrayValue)
        let history = try harness.service.history(of: "p1")
        #expect(entries.count == history.count)
        for (shown, entry) in zip(entries, history) {
            #expect(shown["event"] == (try JSONParser.parse(entry.event.recordText).value))
            #expect(shown["actor"] == (try JSONParser.parse(entry.actor.recordText).value))
            #expect(shown["seq"] == .number(entry.sequence))
        }
    }

    @Test func noPositionalMemberInAnyProjectViewOrStoredRowOfAnUpgradedDatabase() throws {
        let path = try StoreFixtures.databasePath()
        try FileManager.default.copyItem(atPath: StoreFixtures.schemaVersion3Database.path, toPath: path)
        let store = try SQLiteProjectStore(path: path)
        let calendars = try CalendarLibrary.load(
            directory: StoreFixtures.packageRoot.appendingPathComponent("workflows/calendars"))
        let clock = ManualClock(TestTime.morning("2024-11-21"))
        let service = try WorkflowService(registry: BuiltInStages.registry(), calendars: calendars.calendars,
                                          store: store, clock: clock)
        _ = try service.start(projectID: "ops-4", workflow: "operations", variables: [:],
                              actor: StoreFixtures.applicant)
        clock.set(TestTime.morning("2024-11-27"))
        _ = try service.fireDueTimers()
        let router = APIRouter(service: service, tokens: nil)
        for id in StoreFixtures.schemaVersion3Projects + ["ops-4"] {
            let request = HTTPRequest(method: "GET", target: "/v1/projects/\(id)",
                                      headers: HTTPHeaders([("Host", "t")]), body: [])
            let view = router.respond(to: request, now: clock.now())
            #expect(view.status.code == 200, "\(id)")
            #expect(view.bodyText.contains(#""history":[{"seq":1,"#), "\(id)")
            #expect(!view.bodyText.contains(#""_0""#), "\(id)")
        }
        store.close()
        let records = try StoreFixtures.storedRecords(path)
        #expect(records.count > 2 * 172 + 4)
        #expect(records.filter { $0.contains(#""_0""#) } == [])
    }
}
