/// A date a period falls due on, and whether it is only provisional.
public struct DueDate: Hashable, Sendable {
    /// The last day of the period; the deadline is the end (24:00) of this day in China Standard Time.
    public let date: CivilDate
    /// True when the date was computed with weekends only because the calendar has no notice for its year yet.
    public let provisional: Bool

    public init(date: CivilDate, provisional: Bool) {
        self.date = date
        self.provisional = provisional
    }
}

/// How the day of the triggering event is treated when that day is itself a rest day.
public enum RestDayConvention: String, Hashable, Sendable, Codable, CaseIterable {
    /// The event's own date is day zero whatever kind of day it is (民法典 第二百零一条); the default.
    case eventDate = "event-date"
    /// A submission on a rest day is deemed received on the next working day, which becomes day zero.
    case nextWorkingDay = "next-working-day"
}

/// Legal period arithmetic over a working calendar: the day of the event is not counted, a working-day period
/// ends on the Nth working day after it, a day, month or year period follows 民法典 第二百零一条 to 第二百零三条.
public struct PeriodCalculator: Sendable {
    /// The calendar periods are counted in.
    public let calendar: any WorkingCalendar
    /// How an event on a rest day is treated.
    public let convention: RestDayConvention

    public init(calendar: any WorkingCalendar, convention: RestDayConvention = .eventDate) {
        self.calendar = calendar
        self.convention = convention
    }

    /// The last day of `period` counted from an event on `event`.
    public func due(_ period: Period, after event: CivilDate) -> DueDate {
        let start = dayZero(for: event, period: period)
        let end: CivilDate
        switch period {
        case .workdays(let count):
            end = calendar.addingWorkingDays(count, after: start)
        case .days(let count):
            end = extendedPastRestDays(start.adding(days: count))
        case .months(let count):
            end = extendedPastRestDays(PeriodCalculator.adding(months: count, to: start))
        case .years(let count):
            end = extendedPastRestDays(PeriodCalculator.adding(months: 12 * count, to: start))
        }
        return DueDate(date: end, provisional: calendar.isProvisional(end))
    }

    /// The day that lies `period` before `due`, for reminders ("1 workday before the deadline").
    public func date(_ period: Period, before due: CivilDate) -> DueDate {
        let date: CivilDate
        switch period {
        case .workdays(let count): date = calendar.subtractingWorkingDays(count, before: due)
        case .days(let count): date = due.adding(days: -count)
        case .months(let count): date = PeriodCalculator.adding(months: -count, to: due)
        case .years(let count): date = PeriodCalculator.adding(months: -12 * count, to: due)
        }
        return DueDate(date: date, provisional: calendar.isProvisional(date))
    }

    private func dayZero(for event: CivilDate, period: Period) -> CivilDate {
        guard convention == .nextWorkingDay, !calendar.isWorkingDay(event) else { return event }
        // Deemed received on the next working day: that day becomes the event's day.
        return calendar.addingWorkingDays(1, after: event)
    }

    /// A day, month or year period whose last day is a rest day ends on the next working day (民法典 第二百零三条).
    private func extendedPastRestDays(_ date: CivilDate) -> CivilDate {
        calendar.isWorkingDay(date) ? date : calendar.addingWorkingDays(1, after: date)
    }

    /// The corresponding day `months` later, or the last day of that month when it has no such day.
    public static func adding(months: Int, to date: CivilDate) -> CivilDate {
        let monthIndex = date.year * 12 + (date.month - 1) + months
        let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let month = monthIndex - year * 12 + 1
        let day = min(date.day, CivilDate.daysIn(month: month, year: year))
        guard let result = CivilDate(year: year, month: month, day: day) else {
            preconditionFailure("month arithmetic produced an impossible date")
        }
        return result
    }
}
