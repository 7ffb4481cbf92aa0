import FlowCore
import Foundation
import GovFlowTestSupport
@testable import SQLiteStore
import Testing

@Suite struct StoreSchemaTests {
    /// What GovFlow's schema version 1 wrote, kept here literally so the test does not depend on the migration code.
    static let versionOneSQL = """
        CREATE TABLE definitions (id TEXT NOT NULL, version INTEGER NOT NULL, source TEXT NOT NULL,
            deployed_at REAL NOT NULL, PRIMARY KEY (id, version));
        CREATE TABLE projects (id TEXT PRIMARY KEY NOT NULL, definition_id TEXT NOT NULL,
            definition_version INTEGER NOT NULL, status TEXT NOT NULL, last_sequence INTEGER NOT NULL,
            state TEXT NOT NULL, updated_at REAL NOT NULL);
        CREATE TABLE history (project_id TEXT NOT NULL REFERENCES projects (id), sequence INTEGER NOT NULL,
            at REAL NOT NULL, actor TEXT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (project_id, sequence))
            WITHOUT ROWID;
        CREATE TABLE timers (project_id TEXT NOT NULL REFERENCES projects (id), timer_id INTEGER NOT NULL,
            fire_at INTEGER NOT NULL, PRIMARY KEY (project_id, timer_id)) WITHOUT ROWID;
        PRAGMA application_id = 1198933623;
        PRAGMA user_version = 1;
        """

    func message(_ error: StoreError?) -> String { error.map(\.description) ?? "no error" }

    @Test func versionOneDatabaseIsMigratedToTheLatestVersionKeepingItsData() throws {
        let path = try StoreFixtures.databasePath()
        let handMade = try SQLiteConnection(path: path, create: true)
        try handMade.execute(Self.versionOneSQL)
        try handMade.run("INSERT INTO definitions VALUES ('approval', 1, ?, 0)", [.text(StoreFixtures.definition())])
        handMade.close()

        let store = try SQLiteProjectStore(path: path)
        #expect(try store.schemaVersion() == 6)
        #expect(try store.definitionRecords().map(\.id) == ["approval"])
        let index = try SQLiteConnection(path: path, create: false)
        #expect(try index.text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'timers' "
            + "AND name = 'timers_by_fire_at'") == "timers_by_fire_at")
        index.close()
        // The migrated database works: a project starts and its timer is found through the new index.
        let service = try StoreFixtures.service(store, clock: ManualClock(TestTime.morning("2024-09-27")),
                                                deploy: false)
        _ = try service.start(projectID: "p1", workflow: "approval", variables: [:], actor: StoreFixtures.applicant)
        #expect(try store.nextTimer()?.projectID == "p1")
    }

    @Test func databaseWrittenByANewerSchemaIsRefused() throws {
        let path = try StoreFixtures.databasePath()
        try SQLiteProjectStore(path: path).close()
        let newer = try SQLiteConnection(path: path, create: false)
        try newer.execute("PRAGMA user_version = 7")
        newer.close()

        let error = StoreFixtures.storeError { _ = try SQLiteProjectStore(path: path) }
        #expect(message(error) == "the database \(path) has schema version 7, written by a newer GovFlow; this "
            + "govflow knows versions up to 6. Run the newer govflow, or restore a backup made by this version")
    }

    @Test func fileThatIsNotADatabaseIsRefusedWithTheFileNamed() throws {
        let path = try StoreFixtures.databasePath()
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        let text = message(StoreFixtures.storeError { _ = try SQLiteProjectStore(path: path) })
        #expect(text.hasPrefix("the file \(path) is not a GovFlow database or is damaged (SQLite error SQLITE_NOTADB"))
        #expect(text.contains("restore the latest backup"))
        // The file is left as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x5A, count: 8192))
    }

    @Test func anotherProgramsSQLiteDatabaseIsRefused() throws {
        let path = try StoreFixtures.databasePath()
        let other = try SQLiteConnection(path: path, create: true)
        try other.execute("CREATE TABLE notes (text TEXT)")
        other.close()
        #expect(message(StoreFixtures.storeError { _ = try SQLiteProjectStore(path: path) })
            == "the file \(path) is a SQLite database but not a GovFlow one (application_id 0); point --db at a "
            + "GovFlow database or a new file")
    }

    @Test func secondStoreOnTheSameFileIsRefusedUntilTheFirstCloses() throws {
        let path = try StoreFixtures.databasePath()
        let first = try SQLiteProjectStore(path: path)
        let error = StoreFixtures.storeError { _ = try SQLiteProjectStore(path: path) }
        #expect(message(error) == "the database is in use by another govflow runner (process "
            + "\(ProcessInfo.processInfo.processIdentifier)) holding the lock \(path).lock; stop that runner first, "
            + "or give this one another --db")
        first.close()
        let second = try SQLiteProjectStore(path: path)
        #expect(try second.integrityCheck() == "ok")
    }

    @Test func fullDiskFailsTheCommitWithSQLiteFullAndStoresNothingOfIt() throws {
        let path = try StoreFixtures.databasePath()
        let store = try SQLiteProjectStore(path: path)
        let service = try StoreFixtures.service(store, clock: ManualClock(TestTime.morning("2024-09-27")))
        _ = try service.start(projectID: "p1", workflow: "approval", variables: [:], actor: StoreFixtures.applicant)
        let state = try store.state(of: "p1")
        let history = try store.history(of: "p1")
        let pages = try #require(try SQLiteConnection(path: path, create: false).integer("PRAGMA page_count"))
        try store.executeOnWriter("PRAGMA max_page_count = \(pages)")

        let longComment = String(repeating: "意见", count: 50_000)
        let error = StoreFixtures.storeError {
            try StoreFixtures.decide(service, "p1", at: "review", "pass", comment: longComment)
        }
        let text = message(error)
        #expect(text.hasPrefix("SQLite error SQLITE_FULL: database or disk is full while running: INSERT INTO"))
        #expect(text.hasSuffix("the disk is full: free space and retry; nothing of this write was stored"))
        #expect(!text.contains(longComment.prefix(20)), "bound values never appear in messages")
        #expect(try store.state(of: "p1") == state)
        #expect(try store.history(of: "p1") == history)

        // With space again, the same command goes through.
        try store.executeOnWriter("PRAGMA max_page_count = 1073741823")
        try StoreFixtures.decide(service, "p1", at: "review", "pass", comment: longComment)
        #expect(try store.state(of: "p1")?.openTasks.map(\.nodeID) == ["approve"])
        #expect(try store.integrityCheck() == "ok")
    }
}
