import FlowCore
import Foundation
import GovFlowTestSupport
@testable import SQLiteStore
import Testing

/// A deadline beyond the published holiday data is provisional; once the year's notice is loaded, the runner
/// recomputes it and records the change, and the store knows which projects to look at.
@Suite struct StoreProvisionalTests {
    /// A national calendar covering 2026 only, and the same with 2027 published (元旦 on Friday 2027-01-01).
    static func calendar(publishing2027: Bool) throws -> HolidayCalendar {
        let year2027 = publishing2027 ? """
            , {"year": 2027, "notices": [{"title": "国务院办公厅关于2027年部分节假日安排的通知", "url": "https://example.org/2027"}],
               "holidays": [{"name": "元旦", "dates": ["2027-01-01"]}], "workdays": []}
            """ : ""
        let text = """
            {"id": "cn-test", "name": "test", "source": {"repository": "test", "commit": "test", "license": "test"},
             "years": [{"year": 2026, "notices": [{"title": "国务院办公厅关于2026年部分节假日安排的通知", "url": "https://example.org/2026"}],
                        "holidays": [{"name": "元旦", "dates": ["2026-01-01"]}], "workdays": []}\(year2027)]}
            """
        let library = try CalendarLibrary.load(files: [CalendarLibrary.SourceFile(path: "cn-test.json", text: text)])
        return try #require(library["cn-test"])
    }

    @Test func provisionalDeadlineIsRecomputedAfterRestartWithTheNewYearsNotice() throws {
        let path = try StoreFixtures.databasePath()
        let clock = ManualClock(TestTime.morning("2026-12-28"))
        do {
            let store = try SQLiteProjectStore(path: path)
            let service = try WorkflowService(registry: StoreFixtures.registry,
                                              calendars: ["cn-test": try Self.calendar(publishing2027: false)],
                                              store: store, clock: clock)
            try service.deploy(source: StoreFixtures.definition(calendar: "cn-test"), file: "approval.json")
            _ = try service.start(projectID: "p1", workflow: "approval", variables: [:],
                                  actor: StoreFixtures.applicant)
            let due = try #require(try service.currentState(of: "p1").pendingTimers.first?.due)
            // Monday 2026-12-28 + 3 working days counting weekends only: Thursday 2026-12-31, final (2026 covered).
            #expect(due == DueDate(date: CivilDate(iso: "2026-12-31")!, provisional: false))
            try StoreFixtures.decide(service, "p1", at: "review", "again")
            store.close()
        }
        // The loop re-entered the review on 2026-12-28 again: still 2026-12-31. Move on a day and re-enter.
        clock.set(TestTime.morning("2026-12-30"))
        let store = try SQLiteProjectStore(path: path)
        let before = try WorkflowService(registry: StoreFixtures.registry,
                                         calendars: ["cn-test": try Self.calendar(publishing2027: false)],
                                         store: store, clock: clock)
        try StoreFixtures.decide(before, "p1", at: "review", "again")
        let provisional = try #require(try before.currentState(of: "p1").pendingTimers.first)
        // Wednesday 2026-12-30 + 3 working days: 12-31, then 2027-01-01 and 01-04 counted as weekdays: provisional.
        #expect(provisional.due == DueDate(date: CivilDate(iso: "2027-01-04")!, provisional: true))
        #expect(try store.projectsWithProvisionalTimers() == ["p1"])

        let after = try WorkflowService(registry: StoreFixtures.registry,
                                        calendars: ["cn-test": try Self.calendar(publishing2027: true)],
                                        store: store, clock: clock)
        #expect(try after.recalculateProvisionalDeadlines() == ["p1"])
        let final = DueDate(date: CivilDate(iso: "2027-01-05")!, provisional: false)
        #expect(try after.currentState(of: "p1").timers[provisional.id]?.due == final)
        #expect(try after.history(of: "p1").last?.event
                    == .timerRescheduled(timer: provisional.id, from: provisional.due, to: final))
        #expect(try store.projectsWithProvisionalTimers() == [])
        #expect(try after.recalculateProvisionalDeadlines() == [])
        store.close()
    }
}
