import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
@testable import SQLiteStore
import Testing

/// The index tables answer inboxes, deadline windows, overdue lists, starters and metrics exactly as the states
/// say: the SQLite store (from its tables) and the in-memory store (from the states) agree on a varied history, and
/// the tables survive a restart, a migration from schema version 5 and a rebuild.
@Suite struct StoreIndexTests {
    static let unitWang = Actor(id: "wang", department: "区教育局", roles: ["project-unit"])
    static let unitZhao = Actor(id: "zhao", department: "区教育局", roles: ["project-unit"])

    /// Six projects: p1 waits; p2's task is transferred to chen; p3's delegated to 区财政局; p4 ended; p5
    /// withdrawn; a week later the running ones' opinion deadlines expire and p6 starts.
    static func populate(_ store: any ProjectStore) throws {
        let clock = ManualClock(TestTime.morning("2024-09-27"))
        let service = try StoreFixtures.service(store, clock: clock)
        let starters = ["p1": StoreFixtures.applicant, "p2": unitWang, "p3": unitZhao, "p4": unitWang,
                        "p5": StoreFixtures.applicant]
        for (id, actor) in starters.sorted(by: { $0.key < $1.key }) {
            _ = try service.start(projectID: id, workflow: "approval", variables: [:], actor: actor)
        }
        let reviewer = StoreFixtures.reviewer
        let p2Task = try #require(try service.currentState(of: "p2").openTasks.first).id
        try service.perform(.transfer(task: p2Task, actor: reviewer, to: .actor("chen"), comment: nil), on: "p2")
        let p3Task = try #require(try service.currentState(of: "p3").openTasks.first).id
        try service.perform(.delegate(task: p3Task, actor: reviewer, to: .department("区财政局"), comment: nil),
                            on: "p3")
        try StoreFixtures.decide(service, "p4", at: "review", "pass")
        try StoreFixtures.decide(service, "p4", at: "approve", "reject")
        try service.perform(.withdraw(actor: StoreFixtures.applicant, comment: nil), on: "p5")
        clock.set(TestTime.morning("2024-10-08"))
        try service.fireDueTimers()
        // Version 2 gives the review task a due date: p6's task comes first in inboxes.
        let withDue = StoreFixtures.definition(version: 2).replacingOccurrences(
            of: #""outcomes": ["again", "pass"]}"#, with: #""outcomes": ["again", "pass"], "due": "2 workdays"}"#)
        try service.deploy(source: withDue, file: "approval-2.json")
        _ = try service.start(projectID: "p6", workflow: "approval", variables: [:], actor: unitZhao)
    }

    static let filters: [TaskFilter] = [
        TaskFilter(assignees: [.role("reviewer")], scope: .every),
        TaskFilter(assignees: [.actor("chen"), .department("区财政局"), .role("reviewer")], scope: .every),
        TaskFilter(assignees: [.actor("chen")], scope: .every),
        TaskFilter(assignees: [.role("reviewer"), .actor("chen")], scope: .startedBy(actorID: "wang",
                                                                                      department: "区教育局")),
        TaskFilter(assignees: [.role("reviewer")], scope: .startedBy(actorID: "zhang", department: nil)),
        TaskFilter(assignees: [.role("nobody")], scope: .every),
    ]

    static let scopes: [ProjectScope] = [
        .every, .startedBy(actorID: "wang", department: "区教育局"), .startedBy(actorID: "zhang", department: nil),
        .startedBy(actorID: "nobody", department: nil),
    ]

    /// Every query's answer, to compare two stores.
    struct Answers: Equatable {
        var tasks: [[OpenTaskRecord]] = []
        var deadlines: [[DeadlineRecord]] = []
        var overdue: [[ProjectOverdueRecord]] = []
        var starters: [ProjectStart?] = []
        var statistics = StoreStatistics()
    }

    static func answers(_ store: any ProjectStore) throws -> Answers {
        var answers = Answers()
        answers.tasks = try filters.map { try store.openTasks(for: $0) }
        let windows = [("2024-09-27", "2024-12-31"), ("2024-10-11", "2024-10-11"), ("2024-10-12", "2024-10-31")]
        for (from, through) in windows {
            for scope in scopes {
                answers.deadlines.append(try store.deadlines(from: CivilDate(iso: from)!,
                                                             through: CivilDate(iso: through)!, scope: scope))
            }
        }
        answers.overdue = try scopes.map { try store.overdueRecords(scope: $0) }
        answers.starters = try ["p1", "p2", "p3", "p4", "p5", "p6", "p7"].map { try store.starter(of: $0) }
        answers.statistics = try store.statistics()
        return answers
    }

    @Test func sqliteIndexesAnswerExactlyAsTheStatesSay() throws {
        let reference = InMemoryProjectStore()
        try Self.populate(reference)
        let expected = try Self.answers(reference)
        let sqlite = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        defer { sqlite.close() }
        try Self.populate(sqlite)
        #expect(try Self.answers(sqlite) == expected)

        // The reference itself, spelled out.
        #expect(expected.tasks[0].map { "\($0.projectID)/\($0.task.nodeID)" } == ["p6/review", "p1/review"])
        #expect(expected.tasks[1].map(\.projectID) == ["p6", "p1", "p2", "p3"])
        #expect(expected.tasks[1].map(\.task.due?.date.iso) == ["2024-10-10", nil, nil, nil])
        #expect(expected.tasks[1].map(\.definitionVersion) == [2, 1, 1, 1])
        #expect(expected.tasks[1].map(\.task.assignee) == [.role("reviewer"), .role("reviewer"), .actor("chen"),
                                                           .department("区财政局")])
        #expect(expected.tasks[1][3].task.delegatedBy == .role("reviewer"))
        #expect(expected.tasks[3].map(\.projectID) == ["p6", "p2"])
        #expect(expected.tasks[4].map(\.projectID) == ["p1"])
        #expect(expected.tasks[5].isEmpty)
        #expect(expected.deadlines[0].map { "\($0.projectID)#\($0.timerID) \($0.due.date.iso)" }
                    == ["p6#\(try #require(expected.deadlines[0].first?.timerID)) 2024-10-11"])
        #expect(expected.deadlines[4] == expected.deadlines[0])
        #expect(expected.deadlines[8].isEmpty)
        #expect(expected.overdue[0].map { "\($0.projectID) \($0.record.deadline) \($0.record.due.date.iso)" }
                    == ["p1 opinion 2024-10-02", "p2 opinion 2024-10-02", "p3 opinion 2024-10-02"])
        #expect(expected.overdue[1].map(\.projectID) == ["p2", "p3"])
        #expect(expected.overdue[3].isEmpty)
        #expect(expected.starters.map { $0?.starterID } == ["zhang", "wang", "zhao", "wang", "zhang", "zhao", nil])
        #expect(expected.starters[1]?.starterDepartment == "区教育局")
        #expect(expected.starters[5]?.startedAt == TestTime.morning("2024-10-08"))
        var statistics = StoreStatistics()
        statistics.projectsByStatus = ["running": 4, "ended": 1, "withdrawn": 1]
        statistics.activationsByNode = ["approval": ["review": 4]]
        statistics.timersByPurpose = ["deadline": 1, "reminder": 0, "stage": 0, "wait": 0]
        statistics.timersFired = 3
        statistics.timersFiredLate = 3
        statistics.overdueRecords = 3
        statistics.openTasks = 4
        #expect(expected.statistics == statistics)
    }

    @Test func indexesSurviveARestart() throws {
        let reference = InMemoryProjectStore()
        try Self.populate(reference)
        let path = try StoreFixtures.databasePath()
        do {
            let store = try SQLiteProjectStore(path: path)
            try Self.populate(store)
            store.close()
        }
        let reopened = try SQLiteProjectStore(path: path)
        defer { reopened.close() }
        #expect(try Self.answers(reopened) == Self.answers(reference))
    }

    /// Turns a database written by this build back into schema version 5: the index tables, columns and indexes
    /// that version 6 added are dropped.
    static func downgradeToVersionFive(_ path: String) throws {
        let connection = try SQLiteConnection(path: path, create: false)
        defer { connection.close() }
        try connection.execute("""
            DROP TABLE open_tasks; DROP TABLE overdue; DROP TABLE activations; DROP TABLE counters;
            DROP INDEX projects_by_status; DROP INDEX timers_by_purpose;
            ALTER TABLE projects DROP COLUMN starter_id; ALTER TABLE projects DROP COLUMN starter_department;
            ALTER TABLE projects DROP COLUMN started_at;
            ALTER TABLE timers DROP COLUMN purpose; ALTER TABLE timers DROP COLUMN target;
            ALTER TABLE timers DROP COLUMN node; ALTER TABLE timers DROP COLUMN due;
            ALTER TABLE timers DROP COLUMN due_provisional; ALTER TABLE timers DROP COLUMN suspended_by;
            PRAGMA user_version = 5;
            """)
    }

    @Test func versionFiveDatabaseGetsItsIndexesFilledFromItsStatesOnOpen() throws {
        let reference = InMemoryProjectStore()
        try Self.populate(reference)
        let path = try StoreFixtures.databasePath()
        do {
            let store = try SQLiteProjectStore(path: path)
            try Self.populate(store)
            store.close()
        }
        try Self.downgradeToVersionFive(path)
        let check = try SQLiteConnection(path: path, create: false)
        #expect(try check.integer("SELECT count(*) FROM sqlite_master WHERE name = 'open_tasks'") == 0)
        check.close()

        let migrated = try SQLiteProjectStore(path: path)
        defer { migrated.close() }
        #expect(try migrated.schemaVersion() == 6)
        #expect(try Self.answers(migrated) == Self.answers(reference))
        #expect(try migrated.integrityCheck() == "ok")
        // The migrated database goes on keeping its indexes: p1's review is decided.
        let service = try StoreFixtures.service(migrated, clock: ManualClock(TestTime.morning("2024-10-09")))
        try StoreFixtures.decide(service, "p1", at: "review", "pass")
        #expect(try migrated.openTasks(for: Self.filters[0]).map { "\($0.projectID)/\($0.task.nodeID)" }
                    == ["p6/review", "p1/approve"])
    }

    @Test func rebuildRepairsIndexesThatDisagreeWithTheStates() throws {
        let reference = InMemoryProjectStore()
        try Self.populate(reference)
        let store = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        defer { store.close() }
        try Self.populate(store)
        try store.executeOnWriter("""
            DELETE FROM open_tasks WHERE project_id = 'p1'; DELETE FROM overdue;
            UPDATE timers SET due = '2030-01-01', purpose = 'wait', target = NULL;
            UPDATE counters SET value = 99; DELETE FROM activations;
            UPDATE projects SET starter_id = 'someone', starter_department = '某局';
            """)
        #expect(try Self.answers(store) != Self.answers(reference))

        #expect(try store.rebuildIndexes() == 6)
        #expect(try Self.answers(store) == Self.answers(reference))
    }

    @Test func rebuildKeepsTimersMarkedProvisionalSoTheCalendarCheckStillRuns() throws {
        let store = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        defer { store.close() }
        try Self.populate(store)
        #expect(try store.projectsWithProvisionalTimers() == [])
        // As migration 3 marks the timers it finds.
        try store.executeOnWriter("UPDATE timers SET provisional = 1")
        try store.rebuildIndexes()
        #expect(try store.projectsWithProvisionalTimers() == ["p6"])
        #expect(try store.deadlines(from: CivilDate(iso: "2024-10-11")!, through: CivilDate(iso: "2024-10-11")!,
                                    scope: .every).map(\.due.provisional) == [false])
    }

    @Test func projectWithoutARecordedStarterIsAStoreFailureNamingTheRepair() throws {
        let path = try StoreFixtures.databasePath()
        let store = try SQLiteProjectStore(path: path)
        defer { store.close() }
        try Self.populate(store)
        try store.executeOnWriter("UPDATE projects SET starter_id = NULL WHERE id = 'p2'")
        let error = StoreFixtures.storeError { _ = try store.starter(of: "p2") }
        #expect(error == .failure("project \"p2\" in \(path) has no starter recorded; the index tables are "
            + "incomplete: run `govflow rebuild-indexes --db \(path)` with the runner stopped"))
    }

    @Test func rebuildIndexesCommandRepairsAStoppedRunnersDatabase() throws {
        let reference = InMemoryProjectStore()
        try Self.populate(reference)
        let path = try StoreFixtures.databasePath()
        do {
            let store = try SQLiteProjectStore(path: path)
            try Self.populate(store)
            try store.executeOnWriter("DELETE FROM open_tasks; DELETE FROM timers; UPDATE counters SET value = 0")
            store.close()
        }
        let captured = CapturedIO()
        let status = GovFlowCommand.run(arguments: ["rebuild-indexes", "--db", path], registry: StoreFixtures.registry,
                                        io: captured.io)
        #expect(status == 0)
        #expect(captured.output == "rebuilt the index tables of \(path) from 6 project states\n")
        let store = try SQLiteProjectStore(path: path)
        defer { store.close() }
        #expect(try Self.answers(store) == Self.answers(reference))
        // Timers are back too: the timer service finds p6's deadline.
        #expect(try store.nextTimer()?.projectID == "p6")
    }

    @Test func unreadableIndexRowIsAFailureNamingTheRowAndTheRepair() throws {
        let path = try StoreFixtures.databasePath()
        let store = try SQLiteProjectStore(path: path)
        defer { store.close() }
        try Self.populate(store)
        try store.executeOnWriter("""
            UPDATE open_tasks SET assignee_kind = 'role', assignee_name = 'x', outcomes = '[' WHERE project_id = 'p1'
            """)
        let task = try #require(try store.state(of: "p1")?.openTasks.first).id
        let unreadable = StoreFixtures.storeError {
            _ = try store.openTasks(for: TaskFilter(assignees: [.role("x")], scope: .every))
        }
        #expect(unreadable?.description.hasPrefix("cannot read open task \(task) of project \"p1\" in the index "
            + "tables of \(path): unexpected JSON (") == true)
        #expect(unreadable?.description.hasSuffix("the database was changed by hand; rebuild them with "
            + "`govflow rebuild-indexes --db \(path)` (the runner stopped) or restore a backup") == true)
    }

    /// Every row of `table` ordered by its key, each as "value|value|…" (NULL for null).
    static func dump(_ path: String, _ table: String, columns: String, orderBy: String) throws -> [String] {
        let connection = try SQLiteConnection(path: path, create: false)
        defer { connection.close() }
        let count = columns.split(separator: ",").count
        return try connection.query("SELECT \(columns) FROM \(table) ORDER BY \(orderBy)") { row in
            (0..<Int32(count)).map { row.isNull($0) ? "NULL" : row.text($0) }.joined(separator: "|")
        }
    }

    /// The stored layout of the index rows is a contract (people read the file; the next version migrates it).
    @Test func indexRowsAreStoredAsTheseExactColumns() throws {
        let path = try StoreFixtures.databasePath()
        let store = try SQLiteProjectStore(path: path)
        try Self.populate(store)
        store.close()
        let openTasks = try Self.dump(path, "open_tasks", columns: """
            project_id, task_id, assignee_kind, assignee_name, due, due_provisional, definition_id,
            definition_version, activation_id, node, key, title, outcomes, opened_at, delegated_by_kind,
            delegated_by_name, consultation_of, blocking, example_data
            """, orderBy: "project_id, task_id")
        let opened = "749091600.0"  // 2024-09-27 09:00 China time, in seconds since 2001
        let task = #"|decision|审核|["again","pass"]|"#
        #expect(openTasks == [
            "p1|4|role|reviewer|NULL|0|approval|1|2|review\(task)\(opened)|NULL|NULL|NULL|0|null",
            "p2|4|actor|chen|NULL|0|approval|1|2|review\(task)\(opened)|NULL|NULL|NULL|0|null",
            "p3|4|department|区财政局|NULL|0|approval|1|2|review\(task)\(opened)|role|reviewer|NULL|0|null",
            "p6|4|role|reviewer|2024-10-10|0|approval|2|2|review\(task)750042000.0|NULL|NULL|NULL|0|null",
        ])
        let timers = try Self.dump(path, "timers", columns: "project_id, timer_id, fire_at, provisional, purpose, "
            + "target, node, due, due_provisional", orderBy: "project_id, timer_id")
        // Fires at the end of 2024-10-11 in China: 2024-10-11 16:00 UTC, in milliseconds since 1970.
        #expect(timers == ["p6|3|1728662400000|0|deadline|opinion|review|2024-10-11|0"])
        let overdue = try Self.dump(path, "overdue", columns: "project_id, position, activation_id, node, deadline, "
            + "due, provisional, interrupting, recorded_at", orderBy: "project_id, position")
        #expect(overdue == ["p1|0|2|review|opinion|2024-10-02|0|0|750042000.0",
                            "p2|0|2|review|opinion|2024-10-02|0|0|750042000.0",
                            "p3|0|2|review|opinion|2024-10-02|0|0|750042000.0"])
        let activations = try Self.dump(path, "activations", columns: "project_id, activation_id, definition_id, node",
                                        orderBy: "project_id, activation_id")
        #expect(activations == ["p1|2|approval|review", "p2|2|approval|review", "p3|2|approval|review",
                                "p6|2|approval|review"])
        let counters = try Self.dump(path, "counters", columns: "name, value", orderBy: "name")
        #expect(counters == ["timers_fired|3", "timers_fired_late|3"])
        let starters = try Self.dump(path, "projects", columns: "id, starter_id, starter_department, started_at",
                                     orderBy: "id")
        #expect(starters == ["p1|zhang|NULL|749091600.0", "p2|wang|区教育局|749091600.0",
                             "p3|zhao|区教育局|749091600.0", "p4|wang|区教育局|749091600.0",
                             "p5|zhang|NULL|749091600.0", "p6|zhao|区教育局|750042000.0"])
    }
}
