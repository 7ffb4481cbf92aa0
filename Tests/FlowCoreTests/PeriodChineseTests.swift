import FlowCore
import Testing

/// Periods and recurring due days written as the regulations write them, for diagrams and exports.
@Suite struct PeriodChineseTests {
    @Test func periodsAreWrittenInChinese() throws {
        #expect(Period.workdays(5).chinese == "5个工作日")
        #expect(Period.days(15).chinese == "15日")
        #expect(Period.months(6).chinese == "6个月")
        #expect(Period.years(1).chinese == "1年")
        #expect(try Period.parse("P2W").chinese == "14日")
        #expect(try Period.parse("1 workday").chinese == "1个工作日")
    }

    @Test func recurringDueDaysAreWrittenInChinese() {
        #expect(RecurringDueDay.parse("monthly 20")?.chinese == "每月20日前")
        #expect(RecurringDueDay.parse("yearly 12-31")?.chinese == "每年12月31日前")
        #expect(RecurringDueDay.parse("yearly end-of-09")?.chinese == "每年9月底前")
    }

    @Test func deadlineDueIsWrittenInChinese() throws {
        #expect(DeadlineDue.period(.workdays(3)).chinese == "3个工作日")
        let monthly = try #require(RecurringDueDay.parse("monthly 5"))
        #expect(DeadlineDue.recurring(monthly).chinese == "每月5日前")
    }
}
