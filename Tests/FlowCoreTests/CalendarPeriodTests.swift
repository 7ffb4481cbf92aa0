import FlowCore
import Testing

/// Day, month and year periods (民法典 第二百零一条 to 第二百零三条), conventions, provisional dates and parsing.
@Suite struct CalendarPeriodTests {
    @Test func sixMonthsFromAugust31EndOnLastDayOfFebruary() {
        #expect(due("2024-08-31", .months(6)) == "2025-02-28")
        #expect(due("2024-01-31", .months(1)) == "2024-02-29")
        #expect(due("2024-03-31", .months(1)) == "2024-04-30")
    }

    @Test func oneYearFromLeapDayEndsOnFebruary28() {
        #expect(due("2024-02-29", .years(1)) == "2025-02-28")
        #expect(due("2024-02-29", .months(12)) == "2025-02-28")
        #expect(due("2023-02-28", .years(1)) == "2024-02-28")
        #expect(due("2024-02-28", .months(12)) == "2025-02-28")
    }

    @Test func fourYearsFromLeapDayIsLeapDayAndProvisional() {
        let result = CalendarFixture.calculator.due(.years(4), after: day("2024-02-29"))
        #expect(result == DueDate(date: day("2028-02-29"), provisional: true))
    }

    @Test func dayPeriodEndingOnHolidayMovesToNextWorkingDay() {
        #expect(due("2024-09-20", .days(10)) == "2024-09-30")
        #expect(due("2024-09-21", .days(10)) == "2024-10-08")
    }

    @Test func dayPeriodEndingOnPlainWeekendMovesPastFollowingHoliday() {
        // 06-08 is a Saturday, 06-10 is 端午节.
        #expect(due("2024-06-01", .days(7)) == "2024-06-11")
    }

    @Test func dayPeriodEndingOnMakeUpSundayEndsThere() {
        #expect(due("2024-09-22", .days(7)) == "2024-09-29")
    }

    @Test func monthAndYearPeriodsEndingOnNationalDayMoveToOctober8() {
        #expect(due("2024-04-01", .months(6)) == "2024-10-08")
        #expect(due("2023-10-01", .years(1)) == "2024-10-08")
    }

    @Test func nextWorkingDayConventionShiftsDayZeroForCalendarDays() {
        #expect(due("2024-10-05", .days(10)) == "2024-10-15")
        #expect(due("2024-10-05", .days(10), CalendarFixture.nextWorkingDay) == "2024-10-18")
        // On a working day both conventions agree.
        #expect(due("2024-10-08", .workdays(3), CalendarFixture.nextWorkingDay) == "2024-10-11")
        #expect(due("2024-10-08", .workdays(3)) == "2024-10-11")
    }

    @Test func submissionOnMakeUpSaturdayIsAWorkingDayUnderBothConventions() {
        #expect(due("2024-10-12", .workdays(1), CalendarFixture.nextWorkingDay) == "2024-10-14")
        #expect(due("2024-10-12", .workdays(1)) == "2024-10-14")
    }

    @Test func tenWorkdaysFromChristmas2026LandInProvisional2027() {
        let result = CalendarFixture.calculator.due(.workdays(10), after: day("2026-12-25"))
        // Weekends only in 2027: 12-28..31, 01-01 (a Friday), 01-04..08.
        #expect(result == DueDate(date: day("2027-01-08"), provisional: true))
        #expect(CalendarFixture.national.isProvisional(day("2027-01-01")))
        #expect(!CalendarFixture.national.isProvisional(day("2026-12-31")))
        #expect(CalendarFixture.national.isProvisional(day("2019-12-31")))
        #expect(CalendarFixture.national.dayKind(of: day("2027-10-01")) == .workday)
    }

    @Test func nationalCalendarCoversTheYearsWithANotice() {
        #expect(CalendarFixture.national.coveredYears == Set(2020...2026))
        #expect(CalendarFixture.library.ids == ["cn-mainland"])
    }

    @Test func reminderBeforeDueDateCountsBackWorkingDays() {
        let result = CalendarFixture.calculator.date(.workdays(1), before: day("2024-10-08"))
        #expect(result.date == day("2024-09-30"))
        #expect(CalendarFixture.calculator.date(.workdays(2), before: day("2024-10-08")).date == day("2024-09-29"))
    }

    @Test func deadlineEndsAtMidnightChinaTimeOfDueDate() {
        let result = CalendarFixture.calculator.due(.workdays(5), after: day("2024-09-27"))
        #expect(result.date.endInChina == day("2024-10-11").startInChina)
    }

    @Test func periodParseAcceptsDocumentedForms() throws {
        #expect(try Period.parse("5 workdays") == .workdays(5))
        #expect(try Period.parse("1 workday") == .workdays(1))
        #expect(try Period.parse("45 days") == .days(45))
        #expect(try Period.parse("6 months") == .months(6))
        #expect(try Period.parse("1 year") == .years(1))
        #expect(try Period.parse("P45D") == .days(45))
        #expect(try Period.parse("P6M") == .months(6))
        #expect(try Period.parse("P1Y") == .years(1))
        #expect(try Period.parse(" 20 workdays ") == .workdays(20))
    }

    @Test func periodParseRejectsMalformedTextNamingAcceptedForms() {
        for text in ["5 work day", "-3 days", "0 days", "P", "P0D", "5 workday", "P1.5M", "PT5H", "five days", ""] {
            #expect(throws: PeriodParseError(text: text)) { try Period.parse(text) }
        }
        #expect(
            describeParseError("5 work day")
                == #""5 work day" is not a period; write "N workdays", "N days", "N months", "N years" "#
                + #"(N a whole number ≥ 1) or ISO 8601 "PnD", "PnW", "PnM", "PnY""#)
    }

    @Test func periodParseRejectsCountsAboveTheMaximum() {
        #expect(describeParseError("10001 days") == #""10001 days" is not a period: N must be at most 10000"#)
        #expect(describeParseError("P99999999999999999999D").hasSuffix("\"PnD\", \"PnW\", \"PnM\", \"PnY\""))
        #expect((try? Period.parse("10000 years")) == .years(10000))
    }

    private func describeParseError(_ text: String) -> String {
        do {
            _ = try Period.parse(text)
            return "parsed"
        } catch {
            return error.description
        }
    }
}

@Suite struct PeriodChineseTests {
    @Test func periodsAreWrittenAsTheRegulationsWriteThem() throws {
        #expect(try Period.parse("5 workdays").chinese == "5个工作日")
        #expect(try Period.parse("45 days").chinese == "45日")
        #expect(try Period.parse("6 months").chinese == "6个月")
        #expect(try Period.parse("1 year").chinese == "1年")
        #expect(try Period.parse("P2W").chinese == "14日")
    }
}
