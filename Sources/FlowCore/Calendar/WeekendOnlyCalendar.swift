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

    public func addingWorkingDays(_ count: Int, after date: CivilDate) -> CivilDate {
        precondition(count >= 1, "addingWorkingDays needs a count of at least 1, got \(count)")
        let target = WorkingDayIndex.weekdays(through: date.dayNumber) + count
        return CivilDate(dayNumber: WorkingDayIndex.firstWeekday(reaching: target))
    }

    public func subtractingWorkingDays(_ count: Int, before date: CivilDate) -> CivilDate {
        precondition(count >= 1, "subtractingWorkingDays needs a count of at least 1, got \(count)")
        let target = WorkingDayIndex.weekdays(through: date.dayNumber - 1) - count + 1
        return CivilDate(dayNumber: WorkingDayIndex.firstWeekday(reaching: target))
    }

    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        WorkingDayIndex.weekdays(through: end.dayNumber) - WorkingDayIndex.weekdays(through: start.dayNumber)
    }
}
