import FlowCore
import Foundation
import GovFlowTestSupport
@testable import SQLiteStore
import Stages
import Testing

/// A database written by schema version 3 (synthesized `Codable` rows, Tests/StoreTests/Fixtures) upgraded to the
/// records of version 4, and databases too new for this build refused untouched.
@Suite struct StoreUpgradeTests {
    static let fixture = StoreFixtures.schemaVersion3Database
    static let projects = StoreFixtures.schemaVersion3Projects

    /// A copy of the fixture in a new temporary folder.
    func copy() throws -> String {
        let path = try StoreFixtures.databasePath()
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: path)
        return path
    }

    func service(_ store: SQLiteProjectStore, clock: ManualClock) throws -> WorkflowService {
        let calendars = try CalendarLibrary.load(
            directory: StoreFixtures.packageRoot.appendingPathComponent("workflows/calendars"))
        return try WorkflowService(registry: BuiltInStages.registry(), calendars: calendars.calendars, store: store,
                                   clock: clock)
    }

    @Test func fixtureIsASchemaThreeDatabaseInTheSynthesizedForm() throws {
        let connection = try SQLiteConnection(path: Self.fixture.path, create: false)
        defer { connection.close() }
        #expect(try connection.integer("PRAGMA user_version") == 3)
        #expect(try connection.integer("SELECT count(*) FROM history WHERE event LIKE '%\"_0\"%'") ?? 0 > 0)
    }

    @Test func schemaThreeDatabaseIsUpgradedToRecordsThatReplayToTheStoredStates() throws {
        let path = try copy()
        let store = try SQLiteProjectStore(path: path)
        #expect(try store.schemaVersion() == 6)
        #expect(try store.projectIDs() == Self.projects)
        let legacy = try SQLiteConnection(path: Self.fixture.path, create: false)
        defer { legacy.close() }
        var types: Set<String> = []
        for id in Self.projects {
            let history = try store.history(of: id)
            let state = try #require(try store.state(of: id))
            #expect(state == (try InstanceState.replay(id: id, history: history)), "\(id)")
            let count = try legacy.integer("SELECT count(*) FROM history WHERE project_id = ?", [.text(id)])
            let nextID = try legacy.integer("SELECT json_extract(state, '$.nextID') FROM projects WHERE id = ?",
                                            [.text(id)])
            #expect(history.count == count)
            #expect(state.nextID == nextID)
            types.formUnion(history.map { $0.event.recordText }.compactMap { text in
                try? RecordReader(text: text, path: "event").string("type")
            })
        }
        #expect(try store.state(of: "ops-1")?.status == .ended(result: "late"))
        #expect(try store.state(of: "ops-2")?.status == .ended(result: "approved"))
        #expect(try store.state(of: "ops-3")?.status == .withdrawn)
        #expect(try store.state(of: "tinghu-1")?.isRunning == true)
        #expect(Set(Event.recordTypes).subtracting(types)
                == ["timerRescheduled", "incidentRaised", "incidentRetryFailed", "incidentResolved"])
        store.close()
        let records = try StoreFixtures.storedRecords(path)
        #expect(records.count == 2 * 172 + 4)
        #expect(records.filter { $0.contains(#""_0""#) } == [])
        #expect(records.filter { !$0.hasPrefix("{") } == [])
    }

    @Test func upgradedProjectContinuesWithADecisionAndATimerFiring() throws {
        let path = try copy()
        let store = try SQLiteProjectStore(path: path)
        let clock = ManualClock(TestTime.morning("2024-11-21"))
        let service = try service(store, clock: clock)
        // tinghu-1 waits in the 联合评审 for three experts, whose opinions were due 2024-10-31.
        let before = try store.history(of: "tinghu-1").count
        let seat = try #require(try store.state(of: "tinghu-1")?.openTasks.first { $0.key == "expert:1" })
        let expert = Actor(id: "wu", roles: ["expert", "technical-expert"])
        let decided = try service.perform(.decide(task: seat.id, actor: expert, outcome: "approve", comment: "同意",
                                                  data: .object(["score": .number(85)])), on: "tinghu-1")
        #expect(decided.entries.first?.event == .taskDecided(task: seat.id, actor: expert, outcome: "approve",
                                                              comment: "同意", data: .object(["score": .number(85)])))
        // ops-2's definition has a wait node: a new project on the upgraded database fires its timers.
        _ = try service.start(projectID: "ops-4", workflow: "operations", variables: [:],
                              actor: StoreFixtures.applicant)
        clock.set(TestTime.morning("2024-11-27"))
        let fired = try service.fireDueTimers()
        #expect(fired.map(\.projectID) == ["ops-4", "ops-4"])
        store.close()
        let again = try SQLiteProjectStore(path: path)
        defer { again.close() }
        for id in ["tinghu-1", "ops-4"] {
            #expect(try again.state(of: id) == (try InstanceState.replay(id: id, history: again.history(of: id))))
        }
        #expect(try again.history(of: "tinghu-1").count > before)
        #expect(try again.history(of: "ops-4").contains { if case .timerFired = $0.event { true } else { false } })
    }

    @Test func databaseOfANewerSchemaIsRefusedAndLeftUnchanged() throws {
        let path = try copy()
        let newer = try SQLiteConnection(path: path, create: false)
        try newer.execute("PRAGMA user_version = 7")
        newer.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = StoreFixtures.storeError { _ = try SQLiteProjectStore(path: path) }
        #expect(error?.description == "the database \(path) has schema version 7, written by a newer GovFlow; this "
            + "govflow knows versions up to 6. Run the newer govflow, or restore a backup made by this version")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func historyRowOrStateOfANewerFormatIsRefusedByItsVersion() throws {
        let path = try copy()
        try SQLiteProjectStore(path: path).close()
        let edit = try SQLiteConnection(path: path, create: false)
        try edit.run("UPDATE history SET format = 3 WHERE project_id = 'ops-3' AND sequence = 7")
        try edit.run(#"UPDATE projects SET state = replace(state, '{"v":1,', '{"v":2,') WHERE id = 'ops-2'"#)
        edit.close()
        let store = try SQLiteProjectStore(path: path)
        defer { store.close() }
        let history = StoreFixtures.storeError { _ = try store.history(of: "ops-3") }
        #expect(history?.description == "history entry 7 of project \"ops-3\" has format version 3; this govflow "
            + "reads up to 1 (a newer GovFlow wrote it); run that govflow, or restore a backup made by this version")
        let state = StoreFixtures.storeError { _ = try store.state(of: "ops-2") }
        #expect(state?.description == "the state of project \"ops-2\" has format version 2; this govflow reads up "
            + "to 1 (a newer GovFlow wrote it); run that govflow, or restore a backup made by this version")
        #expect(try store.state(of: "ops-1") != nil)
    }

    @Test func unknownEventTypeInAStoredRowIsRefusedNamingTheRowAndTheType() throws {
        let path = try copy()
        try SQLiteProjectStore(path: path).close()
        let edit = try SQLiteConnection(path: path, create: false)
        try edit.run(#"UPDATE history SET event = '{"type":"projectArchived","archive":1}' "#
            + "WHERE project_id = 'ops-3' AND sequence = 12")
        edit.close()
        let store = try SQLiteProjectStore(path: path)
        defer { store.close() }
        let error = StoreFixtures.storeError { _ = try store.history(of: "ops-3") }
        #expect(error?.description.hasPrefix("cannot read history entry 12 of project \"ops-3\" stored in the "
            + "database: event.type is \"projectArchived\", which this govflow does not know") == true)
    }

    @Test func damagedLegacyRowFailsTheUpgradeAndLeavesVersionThree() throws {
        let path = try copy()
        let edit = try SQLiteConnection(path: path, create: false)
        try edit.run(#"UPDATE history SET event = '{"exploded":{}}' WHERE project_id = 'ops-2' AND sequence = 3"#)
        edit.close()
        let error = StoreFixtures.storeError { _ = try SQLiteProjectStore(path: path) }
        #expect(error?.description.hasPrefix("cannot upgrade history entry 3 of project \"ops-2\" to schema version 4: "
            + "it is not in the format of schema version 3") == true)
        let check = try SQLiteConnection(path: path, create: false)
        defer { check.close() }
        #expect(try check.integer("PRAGMA user_version") == 3)
        #expect(try check.integer("SELECT count(*) FROM history WHERE event LIKE '{\"type\":%'") == 0)
    }
}
