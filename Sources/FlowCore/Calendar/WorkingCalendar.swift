/// What kind of day a date is in a working calendar.
public enum DayKind: Hashable, Sendable {
    /// A Monday to Friday that is not a holiday.
    case workday
    /// A Saturday or Sunday that is not a make-up working day.
    case weekend
    /// A statutory or local holiday, with its name (e.g. "国庆节").
    case holiday(String)
    /// A weekend day worked in exchange for a holiday (调休), with the holiday's name.
    case makeUpWorkday(String)

    /// Whether people work on this day.
    public var isWorkingDay: Bool {
        switch self {
        case .workday, .makeUpWorkday: return true
        case .weekend, .holiday: return false
        }
    }
}

/// The working days of a jurisdiction: which dates are worked and which are rest days.
///
/// The engine counts every period through a calendar, never by weekday alone. Implementations must be pure
/// (the same answer for the same date, no I/O after construction) so that replaying an instance gives the same
/// dates.
public protocol WorkingCalendar: Sendable {
    /// The calendar's identifier, as definitions name it (e.g. "cn-mainland").
    var id: String { get }

    /// What kind of day `date` is.
    func dayKind(of date: CivilDate) -> DayKind

    /// Whether `date` lies beyond the published data, so that its kind is a weekends-only guess.
    func isProvisional(_ date: CivilDate) -> Bool

    /// The `count`-th working day strictly after `date` (`count` ≥ 1).
    func addingWorkingDays(_ count: Int, after date: CivilDate) -> CivilDate

    /// The `count`-th working day strictly before `date` (`count` ≥ 1).
    func subtractingWorkingDays(_ count: Int, before date: CivilDate) -> CivilDate

    /// The number of working days `d` with `start < d <= end` (negative when `end` is before `start`).
    func workingDays(after start: CivilDate, through end: CivilDate) -> Int
}

extension WorkingCalendar {
    /// Whether people work on `date`.
    public func isWorkingDay(_ date: CivilDate) -> Bool { dayKind(of: date).isWorkingDay }
}
