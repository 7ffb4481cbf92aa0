import FlowCore
import Foundation
import GovFlowTestSupport
import Testing

/// A calendar that knows holidays only up to `lastCoveredYear`; later dates are weekends-only and provisional.
struct PartialCalendar: WorkingCalendar {
    let id = "weekends"
    let lastCoveredYear: Int
    let holidays: Set<CivilDate>
    private let weekends = WeekendOnlyCalendar()

    func dayKind(of date: CivilDate) -> DayKind {
        holidays.contains(date) ? .holiday("元旦") : weekends.dayKind(of: date)
    }

    func isProvisional(_ date: CivilDate) -> Bool { date.year > lastCoveredYear }

    func addingWorkingDays(_ count: Int, after date: CivilDate) -> CivilDate {
        var result = date
        var remaining = count
        while remaining > 0 {
            result = result.adding(days: 1)
            if isWorkingDay(result) { remaining -= 1 }
        }
        return result
    }

    func subtractingWorkingDays(_ count: Int, before date: CivilDate) -> CivilDate {
        var result = date
        var remaining = count
        while remaining > 0 {
            result = result.adding(days: -1)
            if isWorkingDay(result) { remaining -= 1 }
        }
        return result
    }

    func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        weekends.workingDays(after: start, through: end)
    }
}

@Suite struct ProvisionalDeadlineTests {
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "done"],
                        deadlines: #"[{"id": "opinion", "period": "5 workdays", "interrupting": false}]"#)),
        {"id": "done", "type": "end", "result": "done"}
        """)

    @Test func deadlineBeyondTheDataIsProvisionalAndIsRecomputedWhenTheYearIsPublished() throws {
        let definition = try Fixtures.load(Self.document)
        let before = WorkflowEngine(definition: definition, registry: Fixtures.registry,
                                    calendar: PartialCalendar(lastCoveredYear: 2026, holidays: []))
        let started = try before.start(projectID: "p", variables: ["amount": .number(1)], actor: Actor(id: "unit"),
                                       at: TestTime.morning("2026-12-28"))
        let timer = try #require(started.state.pendingTimers.first)
        // Monday 2026-12-28 + 5 working days, weekends only: Monday 2027-01-04, provisional.
        #expect(timer.due == DueDate(date: CivilDate(iso: "2027-01-04")!, provisional: true))

        let published = PartialCalendar(lastCoveredYear: 2027, holidays: [CivilDate(iso: "2027-01-01")!])
        let after = WorkflowEngine(definition: definition, registry: Fixtures.registry, calendar: published)
        let step = try after.handle(.recalculateProvisionalTimers, state: started.state,
                                    at: TestTime.morning("2026-12-29"))
        // 2027-01-01 is a holiday now: the fifth working day moves to Tuesday 2027-01-05, no longer provisional.
        let newDue = DueDate(date: CivilDate(iso: "2027-01-05")!, provisional: false)
        #expect(step.entries.map(\.event) == [
            .timerRescheduled(timer: timer.id, from: timer.due, to: newDue),
        ])
        #expect(step.state.timers[timer.id]?.due == newDue)

        let again = try after.handle(.recalculateProvisionalTimers, state: step.state, at: TestTime.morning("2026-12-29"))
        #expect(again.entries.isEmpty)
    }
}
