import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import SQLiteStore
import Testing

@Suite struct ServeBackupTests {
    @Test func backupWhileTheStoreIsOpenIsAConsistentCheckedCopy() throws {
        let database = try StoreFixtures.databasePath()
        let store = try SQLiteProjectStore(path: database)
        defer { store.close() }
        let service = try StoreFixtures.service(store, clock: ManualClock(TestTime.morning("2024-09-27")))
        for index in 0..<3 {
            _ = try service.start(projectID: "p\(index)", workflow: "approval", variables: [:],
                                  actor: StoreFixtures.applicant)
        }
        try StoreFixtures.decide(service, "p1", at: "review", "pass")
        let destination = try StoreFixtures.temporaryFolder().appendingPathComponent("copy.sqlite").path
        let captured = CapturedIO()

        let status = GovFlowCommand.run(arguments: ["backup", destination, "--db", database],
                                        registry: StoreFixtures.registry, io: captured.io)

        #expect(status == 0)
        #expect(captured.output == "backed up \(database) to \(destination) (schema version 6, 3 projects, "
            + "\(try (0..<3).map { try store.history(of: "p\($0)").count }.reduce(0, +)) history entries)\n")
        #expect(!FileManager.default.fileExists(atPath: destination + ".partial"))
        let copy = try SQLiteProjectStore(path: destination)
        defer { copy.close() }
        #expect(try copy.integrityCheck() == "ok")
        for id in try store.projectIDs() {
            #expect(try copy.state(of: id) == store.state(of: id))
            #expect(try copy.history(of: id) == store.history(of: id))
        }
        #expect(try copy.definitionRecords() == store.definitionRecords())
    }

    @Test func backupNeverOverwritesAndNeedsAnExistingDatabase() throws {
        let database = try StoreFixtures.databasePath()
        try SQLiteProjectStore(path: database).close()
        let existing = try StoreFixtures.temporaryFolder().appendingPathComponent("old.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        let captured = CapturedIO()
        #expect(GovFlowCommand.run(arguments: ["backup", existing, "--db", database],
                                   registry: StoreFixtures.registry, io: captured.io) == 1)
        #expect(captured.errors == "govflow backup: \(existing) exists already; a backup never overwrites: choose a "
            + "new file name\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data("keep me".utf8))

        let missing = CapturedIO()
        #expect(GovFlowCommand.run(arguments: ["backup", existing + "2", "--db", database + "-nope"],
                                   registry: StoreFixtures.registry, io: missing.io) == 1)
        #expect(missing.errors == "govflow backup: there is no database at \(database)-nope; give the runner's "
            + "database with --db\n")
    }
}
