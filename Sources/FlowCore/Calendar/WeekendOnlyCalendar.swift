/// A calendar in which every Monday to Friday is a working day and nothing else is.
///
/// This is what a date beyond the published holiday notices is computed with (and marked provisional), and a
/// simple calendar for tests of the engine that do not concern holidays.
public struct WeekendOnlyCalendar: WorkingCalendar {
    public let id: String

    /// Creates the calendar under an identifier ("weekends" by default).
    public init(id: String = "weekends") {
        self.id = id
    }

    public func dayKind(of date: CivilDate) -> DayKind { date.isWeekend ? .weekend : .workday }

    public func isProvisional(_ date: CivilDate) -> Bool { false }

    /// Weekday arithmetic: an index over no listed day.
    private static let index = WorkingDayIndex(firstDay: 0, lastDay: -1) { _ in true }

    public func addingWorkingDays(_ count: Int, after date: CivilDate) -> CivilDate {
        Self.index.adding(count, after: date)
    }

    public func subtractingWorkingDays(_ count: Int, before date: CivilDate) -> CivilDate {
        Self.index.subtracting(count, before: date)
    }

    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        Self.index.workingDays(after: start, through: end)
    }
}
