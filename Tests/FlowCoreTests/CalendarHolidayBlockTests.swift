import FlowCore
import Foundation
import Testing

/// The national calendar and helpers shared by the calendar tests; loads the committed
/// `workflows/calendars/` relative to this file, so the tests need only a clone of the repository.
enum CalendarFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = repositoryRoot.appendingPathComponent("workflows/calendars")
    static let library = try! CalendarLibrary.load(directory: directory)
    static let national = library["cn-mainland"]!
    static let calculator = PeriodCalculator(calendar: national)
    static let nextWorkingDay = PeriodCalculator(calendar: national, convention: .nextWorkingDay)
}

/// A date from its ISO form, for readable tests.
func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

/// The due date of `period` after `event` in the national calendar.
func due(_ event: String, _ period: Period, _ calculator: PeriodCalculator = CalendarFixture.calculator) -> String {
    calculator.due(period, after: day(event)).date.iso
}

/// Each holiday block of 2024 to 2026: a date before, inside and after it, and its make-up working days.
/// Expected dates are read off the State Council notices as recorded in cn-mainland.json.
@Suite struct CalendarHolidayBlockTests {
    let calendar = CalendarFixture.national

    @Test func fiveWorkdaysAcrossNationalDay2024EndOnOctober10() {
        // 09-28 Sat rest, 09-29 Sun make-up, 09-30 Mon, 10-01..07 holiday, 10-08, 10-09, 10-10.
        #expect(due("2024-09-27", .workdays(5)) == "2024-10-10")
    }

    @Test func eventOnNationalDayHoliday2024CountsFromTheEventDate() {
        // 10-08, 09, 10, 11 and the make-up Saturday 10-12.
        #expect(due("2024-10-05", .workdays(5)) == "2024-10-12")
        #expect(due("2024-10-05", .workdays(5), CalendarFixture.nextWorkingDay) == "2024-10-14")
        #expect(due("2024-09-30", .workdays(1)) == "2024-10-08")
        #expect(calendar.dayKind(of: day("2024-10-12")) == .makeUpWorkday("国庆节"))
        #expect(calendar.dayKind(of: day("2024-10-01")) == .holiday("国庆节"))
    }

    @Test func newYear2024And2025AreSingleHolidays() {
        #expect(due("2023-12-29", .workdays(1)) == "2024-01-02")
        #expect(due("2024-01-01", .workdays(1)) == "2024-01-02")
        #expect(due("2024-01-02", .workdays(1)) == "2024-01-03")
        #expect(due("2024-12-31", .workdays(1)) == "2025-01-02")
    }

    @Test func springFestival2024SkipsEightDaysAndCountsMakeUpSundays() {
        #expect(due("2024-02-02", .workdays(1)) == "2024-02-04")  // Sunday 02-04 is worked
        #expect(due("2024-02-08", .workdays(2)) == "2024-02-18")  // 02-09, then Sunday 02-18 after 02-10..17
        #expect(due("2024-02-12", .workdays(1)) == "2024-02-18")
        #expect(due("2024-02-18", .workdays(1)) == "2024-02-19")
        #expect(calendar.workingDays(after: day("2024-02-09"), through: day("2024-02-19")) == 2)
    }

    @Test func qingming2024EndsWithMakeUpSunday() {
        #expect(due("2024-04-03", .workdays(1)) == "2024-04-07")
        #expect(due("2024-04-05", .workdays(2)) == "2024-04-08")
    }

    @Test func labourDay2024HasMakeUpDaysBeforeAndAfter() {
        #expect(due("2024-04-26", .workdays(1)) == "2024-04-28")
        #expect(due("2024-04-30", .workdays(1)) == "2024-05-06")
        #expect(due("2024-05-03", .workdays(5)) == "2024-05-10")
        #expect(due("2024-05-03", .workdays(6)) == "2024-05-11")
    }

    @Test func dragonBoatAndMidAutumn2024() {
        #expect(due("2024-06-07", .workdays(1)) == "2024-06-11")
        #expect(due("2024-09-13", .workdays(1)) == "2024-09-14")  // make-up Saturday
        #expect(due("2024-09-13", .workdays(2)) == "2024-09-18")  // 09-15..17 holiday
    }

    @Test func springFestival2025RunsTuesdayToTuesday() {
        #expect(due("2025-01-24", .workdays(1)) == "2025-01-26")
        #expect(due("2025-01-24", .workdays(2)) == "2025-01-27")
        #expect(due("2025-01-24", .workdays(3)) == "2025-02-05")
        #expect(due("2025-02-01", .workdays(1)) == "2025-02-05")
        #expect(due("2025-02-07", .workdays(1)) == "2025-02-08")
    }

    @Test func qingmingLabourDayAndDragonBoat2025() {
        #expect(due("2025-04-03", .workdays(1)) == "2025-04-07")
        #expect(due("2025-04-25", .workdays(1)) == "2025-04-27")
        #expect(due("2025-04-30", .workdays(1)) == "2025-05-06")
        #expect(due("2025-05-30", .workdays(1)) == "2025-06-03")
    }

    @Test func nationalDayAndMidAutumn2025RunEightDays() {
        #expect(due("2025-09-26", .workdays(1)) == "2025-09-28")
        #expect(due("2025-09-30", .workdays(1)) == "2025-10-09")
        #expect(due("2025-10-09", .workdays(2)) == "2025-10-11")
        #expect(calendar.dayKind(of: day("2025-10-06")) == .holiday("国庆节、中秋节"))
    }

    @Test func newYear2026HasAMakeUpSunday() {
        #expect(due("2025-12-31", .workdays(1)) == "2026-01-04")
        #expect(due("2025-12-31", .workdays(2)) == "2026-01-05")
    }

    @Test func springFestival2026RunsNineDaysBetweenMakeUpSaturdays() {
        #expect(due("2026-02-13", .workdays(1)) == "2026-02-14")
        #expect(due("2026-02-13", .workdays(2)) == "2026-02-24")
        #expect(due("2026-02-20", .workdays(1)) == "2026-02-24")
        #expect(due("2026-02-27", .workdays(1)) == "2026-02-28")
    }

    @Test func qingmingLabourDayAndDragonBoat2026() {
        #expect(due("2026-04-03", .workdays(1)) == "2026-04-07")
        #expect(due("2026-04-30", .workdays(1)) == "2026-05-06")
        #expect(due("2026-05-08", .workdays(1)) == "2026-05-09")
        #expect(due("2026-06-18", .workdays(1)) == "2026-06-22")
    }

    @Test func midAutumnAndNationalDay2026AreSeparateBlocks() {
        #expect(due("2026-09-18", .workdays(1)) == "2026-09-20")
        #expect(due("2026-09-24", .workdays(1)) == "2026-09-28")
        #expect(due("2026-09-30", .workdays(1)) == "2026-10-08")
        #expect(due("2026-10-09", .workdays(1)) == "2026-10-10")
    }

    @Test func newYear2023BlockListsLastDayOf2022() {
        #expect(calendar.dayKind(of: day("2022-12-31")) == .holiday("元旦"))
        #expect(!calendar.isProvisional(day("2022-12-31")))
    }

    @Test func extendedSpringFestival2020EndsOnFebruary2() {
        #expect(calendar.dayKind(of: day("2020-02-02")) == .holiday("春节"))
        #expect(calendar.dayKind(of: day("2020-02-01")) == .holiday("春节"))
        #expect(due("2020-01-23", .workdays(1)) == "2020-02-03")
    }
}
