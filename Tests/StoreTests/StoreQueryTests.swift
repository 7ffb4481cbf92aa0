import FlowCore
import Foundation
import GovFlowTestSupport
@testable import SQLiteStore
import Testing

/// The store answers "which projects still run" without reading the others, in both implementations alike.
@Suite struct StoreQueryTests {
    func runningAfterEndingOne(_ store: any ProjectStore) throws -> [String] {
        let service = try StoreFixtures.service(store, clock: ManualClock(TestTime.morning("2024-09-27")))
        for id in ["a", "b", "c"] {
            _ = try service.start(projectID: id, workflow: "approval", variables: [:], actor: StoreFixtures.applicant)
        }
        try StoreFixtures.decide(service, "b", at: "review", "pass")
        try StoreFixtures.decide(service, "b", at: "approve", "reject")
        try service.perform(.withdraw(actor: StoreFixtures.applicant, comment: nil), on: "c")
        return try store.runningProjectIDs()
    }

    @Test func runningProjectsLeaveOutEndedAndWithdrawnOnes() throws {
        let sqlite = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        defer { sqlite.close() }
        #expect(try runningAfterEndingOne(sqlite) == ["a"])
        #expect(try sqlite.projectIDs() == ["a", "b", "c"])
        #expect(try runningAfterEndingOne(InMemoryProjectStore()) == ["a"])
    }
}
