import FlowCore
import Testing

/// Deadlines, minimum durations, lead times, recurring due days and counting working days between dates.
@Suite struct CalendarConstraintTests {
    let calculator = CalendarFixture.calculator

    @Test func deadlineIsTheDueDate() {
        let event = day("2024-09-27")
        #expect(calculator.deadline(.workdays(20), after: event) == calculator.due(.workdays(20), after: event))
        #expect(calculator.isSatisfied(.deadline(.workdays(5)), from: day("2024-09-27"), to: day("2024-10-10")))
        #expect(!calculator.isSatisfied(.deadline(.workdays(5)), from: day("2024-09-27"), to: day("2024-10-11")))
    }

    @Test func publicNoticeOfAtLeastFiveWorkdaysMayEndOnTheFifthWorkingDay() {
        // 公示期不少于5个工作日, published on 2024-09-27: open through 24:00 on 2024-10-10 at least.
        let end = calculator.earliestEnd(ofAtLeast: .workdays(5), startingAfter: day("2024-09-27"))
        #expect(end == DueDate(date: day("2024-10-10"), provisional: false))
        let constraint = TimeConstraint.minimumDuration(.workdays(5))
        #expect(!calculator.isSatisfied(constraint, from: day("2024-09-27"), to: day("2024-10-09")))
        #expect(calculator.isSatisfied(constraint, from: day("2024-09-27"), to: day("2024-10-10")))
    }

    @Test func minimumDurationEndingOnHolidayIsNotExtended() {
        // A deadline of 10 days from 09-21 moves to 10-08; a minimum of 10 days is complete at the end of 10-01.
        #expect(
            calculator.earliestEnd(ofAtLeast: .days(10), startingAfter: day("2024-09-21")).date
                == day("2024-10-01"))
        #expect(calculator.deadline(.days(10), after: day("2024-09-21")).date == day("2024-10-08"))
        #expect(
            calculator.earliestEnd(ofAtLeast: .days(30), startingAfter: day("2024-08-31")).date
                == day("2024-09-30"))
        #expect(
            calculator.earliestEnd(ofAtLeast: .months(1), startingAfter: day("2024-01-31")).date
                == day("2024-02-29"))
    }

    @Test func hearingNoticeSevenDaysBeforeHearing() {
        // 行政许可法 第四十八条: notify 7 days before the hearing.
        #expect(calculator.latestEarlierStep(leadTime: .days(7), before: day("2024-10-15")).date == day("2024-10-08"))
        // 10-07 is a holiday: the latest working day before it is Monday 09-30.
        #expect(calculator.latestEarlierStep(leadTime: .days(7), before: day("2024-10-14")).date == day("2024-09-30"))
        #expect(calculator.earliestLaterStep(leadTime: .days(7), after: day("2024-10-08")).date == day("2024-10-15"))
        #expect(calculator.isSatisfied(.leadTime(.days(7)), from: day("2024-10-08"), to: day("2024-10-15")))
        #expect(!calculator.isSatisfied(.leadTime(.days(7)), from: day("2024-10-08"), to: day("2024-10-14")))
    }

    @Test func leadTimeInWorkdaysCountsBackAcrossNationalDay() {
        #expect(
            calculator.latestEarlierStep(leadTime: .workdays(3), before: day("2024-10-10")).date
                == day("2024-09-30"))
        #expect(
            calculator.earliestLaterStep(leadTime: .workdays(3), after: day("2024-09-30")).date
                == day("2024-10-10"))
        // A later step on Sunday 10-13 counts from the make-up Saturday 10-12.
        #expect(
            calculator.latestEarlierStep(leadTime: .workdays(1), before: day("2024-10-13")).date
                == day("2024-10-11"))
    }

    @Test func leadTimeInMonthsFromMonthEndReachesBackToMonthEnd() {
        // Any day from 08-28 to 08-31 plus 6 months ends by 2025-02-28; 08-31 is a Saturday, so Friday 08-30.
        #expect(calculator.latestEarlierStep(leadTime: .months(6), before: day("2025-02-28")).date == day("2024-08-30"))
        #expect(calculator.latestEarlierStep(leadTime: .months(1), before: day("2025-03-30")).date == day("2025-02-28"))
    }

    @Test func leadTimeBoundsAreTightForManyDates() {
        var generator = SplitMix64(seed: 48)
        for _ in 0..<500 {
            let later = day("2019-06-01").adding(days: Int(generator.next() % 3650))
            let periods: [Period] = [.workdays(Int(generator.next() % 30) + 1), .days(Int(generator.next() % 60) + 1),
                                     .months(Int(generator.next() % 12) + 1)]
            for period in periods {
                let latest = calculator.latestEarlierStep(leadTime: period, before: later).date
                #expect(CalendarFixture.national.isWorkingDay(latest))
                #expect(calculator.earliestLaterStep(leadTime: period, after: latest).date <= later)
                let nextWorking = CalendarFixture.national.addingWorkingDays(1, after: latest)
                #expect(calculator.earliestLaterStep(leadTime: period, after: nextWorking).date > later)
            }
        }
    }

    @Test func monthlyReportBy20thMovesPastWeekend() throws {
        let byThe20th = try #require(RecurringDueDay(dayOfMonth: 20))
        // 2024-10-20 is a Sunday.
        #expect(calculator.nextDue(byThe20th, onOrAfter: day("2024-10-05")).date == day("2024-10-21"))
        #expect(calculator.nextDue(byThe20th, onOrAfter: day("2024-10-21")).date == day("2024-10-21"))
        #expect(calculator.nextDue(byThe20th, onOrAfter: day("2024-10-22")).date == day("2024-11-20"))
        #expect(calculator.nextDue(byThe20th, onOrAfter: day("2024-10-05"), extendingPastRestDays: false).date
            == day("2024-10-20"))
    }

    @Test func anAsWrittenDueDayStaysOnItsRestDay() throws {
        let moved = try #require(RecurringDueDay.parse("monthly 20"))
        let asWritten = try #require(RecurringDueDay.parse("monthly 20 as-written"))
        // 2025-04-20 is a Sunday.
        #expect(calculator.nextDue(moved, onOrAfter: day("2025-04-01")).date == day("2025-04-21"))
        #expect(calculator.nextDue(asWritten, onOrAfter: day("2025-04-01")).date == day("2025-04-20"))
        #expect(calculator.nextDue(asWritten, onOrAfter: day("2025-04-21")).date == day("2025-05-20"))
        #expect(calculator.nextDue(asWritten, onOrAfter: day("2025-04-01"), extendingPastRestDays: true).date
            == day("2025-04-21"))
    }

    @Test func monthlyDay31FallsOnLastDayOfShortMonths() throws {
        let byThe31st = try #require(RecurringDueDay(dayOfMonth: 31))
        // 2024-03-31 is a Sunday, so March's report is still due on Monday 04-01.
        #expect(calculator.nextDue(byThe31st, onOrAfter: day("2024-04-01")).date == day("2024-04-01"))
        #expect(calculator.nextDue(byThe31st, onOrAfter: day("2024-04-02")).date == day("2024-04-30"))
        #expect(calculator.nextDue(byThe31st, onOrAfter: day("2024-02-01")).date == day("2024-02-29"))
        #expect(RecurringDueDay(dayOfMonth: 32) == nil)
        #expect(RecurringDueDay(endOfMonth: 13) == nil)
        #expect(RecurringDueDay(month: 2, day: 30) == nil)
    }

    @Test func endOfSeptember2023FellInNationalDayAndMovedToMakeUpSaturday() throws {
        let endOfSeptember = try #require(RecurringDueDay(endOfMonth: 9))
        #expect(calculator.nextDue(endOfSeptember, onOrAfter: day("2023-09-01")).date == day("2023-10-07"))
        #expect(calculator.nextDue(endOfSeptember, onOrAfter: day("2023-10-05")).date == day("2023-10-07"))
        #expect(calculator.nextDue(endOfSeptember, onOrAfter: day("2023-10-08")).date == day("2024-09-30"))
        #expect(calculator.nextDue(endOfSeptember, onOrAfter: day("2023-10-05"), extendingPastRestDays: false).date
            == day("2024-09-30"))
        #expect(calculator.nextDue(endOfSeptember, onOrAfter: day("2026-10-01"))
            == DueDate(date: day("2027-09-30"), provisional: true))
    }

    @Test func yearlyLeapDayDueDateFallsOnFebruary28InCommonYears() throws {
        let leapDay = try #require(RecurringDueDay(month: 2, day: 29))
        #expect(calculator.nextDue(leapDay, onOrAfter: day("2025-01-01")).date == day("2025-02-28"))
        #expect(calculator.nextDue(leapDay, onOrAfter: day("2024-01-01")).date == day("2024-02-29"))
    }

    @Test func workingDaysBetweenDatesCountsDaysAfterStartThroughEnd() {
        let calendar = CalendarFixture.national
        #expect(calculator.workingDays(after: day("2024-09-27"), through: day("2024-10-10")) == 5)
        #expect(calculator.workingDays(after: day("2024-10-10"), through: day("2024-09-27")) == -5)
        #expect(calculator.workingDays(after: day("2024-10-10"), through: day("2024-10-10")) == 0)
        #expect(calendar.workingDays(after: day("2024-09-30"), through: day("2024-10-08")) == 1)
        // 2024: 262 weekdays, less 19 holidays on weekdays, plus 8 make-up weekend days.
        #expect(calendar.workingDays(after: day("2023-12-31"), through: day("2024-12-31")) == 251)
        // Provisional 2027 counts weekends only; 2019 before the first notice likewise.
        #expect(calendar.workingDays(after: day("2026-12-31"), through: day("2027-01-08")) == 6)
        #expect(calendar.workingDays(after: day("2019-12-27"), through: day("2020-01-03")) == 4)
    }
}

/// A small deterministic random number generator, so that property tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
