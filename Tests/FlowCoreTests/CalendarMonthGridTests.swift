import FlowCore
import Testing

/// The month sheet `govflow calendar month` prints.
@Suite struct CalendarMonthGridTests {
    @Test func october2024MarksNationalDayAndMakeUpSaturday() throws {
        let grid = try #require(MonthGrid(year: 2024, month: 10, calendar: CalendarFixture.national))
        #expect(
            grid.render() == """
                October 2024 (cn-mainland)
                 Mon Tue Wed Thu Fri Sat Sun
                      1*  2*  3*  4*  5*  6*
                  7*  8   9  10  11  12+ 13-
                 14  15  16  17  18  19- 20-
                 21  22  23  24  25  26- 27-
                 28  29  30  31
                * holiday (rest)   - weekend (rest)   + make-up working day (调休)
                国庆节: rest 2024-10-01 to 2024-10-07; worked 2024-10-12

                """)
    }

    @Test func monthWithoutNoticeSaysItIsProvisional() throws {
        let grid = try #require(MonthGrid(year: 2027, month: 2, calendar: CalendarFixture.national))
        #expect(grid.render().hasSuffix("provisional: no holiday notice for 2027 yet; weekends only\n"))
        #expect(grid.days.count == 28)
        #expect(MonthGrid(year: 2027, month: 13, calendar: CalendarFixture.national) == nil)
    }
}
