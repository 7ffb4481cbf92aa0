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
        // Five working days per full week, then step over the remainder.
        var result = date.adding(days: (count - 1) / 5 * 7)
        var remaining = (count - 1) % 5 + 1
        while remaining > 0 {
            result = result.adding(days: 1)
            if !result.isWeekend { remaining -= 1 }
        }
        return result
    }

    public func subtractingWorkingDays(_ count: Int, before date: CivilDate) -> CivilDate {
        precondition(count >= 1, "subtractingWorkingDays needs a count of at least 1, got \(count)")
        var result = date.adding(days: -((count - 1) / 5 * 7))
        var remaining = (count - 1) % 5 + 1
        while remaining > 0 {
            result = result.adding(days: -1)
            if !result.isWeekend { remaining -= 1 }
        }
        return result
    }

    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        if end < start { return -workingDays(after: end, through: start) }
        return WeekendOnlyCalendar.weekdaysThrough(end) - WeekendOnlyCalendar.weekdaysThrough(start)
    }

    /// Monday-to-Friday days from a fixed Monday up to and including `date` (a prefix count).
    static func weekdaysThrough(_ date: CivilDate) -> Int {
        let mondayBased = date.dayNumber + 3  // day 0 (1970-01-01) is a Thursday: shift so 0 is a Monday.
        let weeks = mondayBased >= 0 ? mondayBased / 7 : (mondayBased - 6) / 7
        let dayInWeek = mondayBased - weeks * 7  // 0 = Monday … 6 = Sunday
        return weeks * 5 + min(dayInWeek + 1, 5)
    }
}
