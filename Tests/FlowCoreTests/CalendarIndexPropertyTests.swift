import FlowCore
import Testing

/// Properties of working-day arithmetic over many random dates, against a day-by-day walk as the reference.
@Suite struct CalendarIndexPropertyTests {
    let calendar = CalendarFixture.national

    /// The reference: walk day by day (what the index must agree with, never used by the library).
    private func walkForward(_ count: Int, after date: CivilDate, in calendar: some WorkingCalendar) -> CivilDate {
        var current = date
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if calendar.isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    private func randomDate(_ generator: inout SplitMix64) -> CivilDate {
        // 2018-01-01 to about 2029-06: before, across and after the covered years.
        day("2018-01-01").adding(days: Int(generator.next() % 4200))
    }

    @Test func addingThenCountingBackGivesN() {
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<2000 {
            let start = randomDate(&generator)
            let count = Int(generator.next() % 600) + 1
            let end = calendar.addingWorkingDays(count, after: start)
            #expect(calendar.workingDays(after: start, through: end) == count)
            #expect(calendar.isWorkingDay(end))
            #expect(calendar.workingDays(after: start, through: end.adding(days: -1)) == count - 1)
        }
    }

    @Test func subtractingIsTheInverseOfAdding() {
        var generator = SplitMix64(seed: 82)
        for _ in 0..<2000 {
            let start = randomDate(&generator)
            let count = Int(generator.next() % 600) + 1
            let end = calendar.addingWorkingDays(count, after: start)
            let back = calendar.subtractingWorkingDays(count, before: end)
            // Back lands on the start when it is worked, else on the last working day before it.
            let expected = calendar.isWorkingDay(start) ? start : calendar.subtractingWorkingDays(1, before: start)
            #expect(back == expected)
            #expect(calendar.addingWorkingDays(count, after: back) == end)
        }
    }

    @Test func indexAgreesWithDayByDayWalk() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            let start = randomDate(&generator)
            let count = Int(generator.next() % 40) + 1
            #expect(calendar.addingWorkingDays(count, after: start) == walkForward(count, after: start, in: calendar))
        }
    }

    @Test func weekendOnlyCalendarAgreesWithDayByDayWalk() {
        let weekends = WeekendOnlyCalendar()
        var generator = SplitMix64(seed: 11)
        for _ in 0..<1000 {
            let start = CivilDate(dayNumber: Int(generator.next() % 40000) - 20000)
            let count = Int(generator.next() % 40) + 1
            let end = weekends.addingWorkingDays(count, after: start)
            #expect(end == walkForward(count, after: start, in: weekends))
            #expect(weekends.workingDays(after: start, through: end) == count)
            let expected = start.isWeekend ? weekends.subtractingWorkingDays(1, before: start) : start
            #expect(weekends.subtractingWorkingDays(count, before: end) == expected)
        }
    }

    @Test func countingBetweenIsAdditive() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<1000 {
            let dates = [randomDate(&generator), randomDate(&generator), randomDate(&generator)]
            let whole = calendar.workingDays(after: dates[0], through: dates[2])
            let parts = calendar.workingDays(after: dates[0], through: dates[1])
                + calendar.workingDays(after: dates[1], through: dates[2])
            #expect(whole == parts)
        }
    }
}
