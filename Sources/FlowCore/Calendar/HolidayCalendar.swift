/// A working calendar built from published holiday notices: listed holidays are rest days, listed make-up
/// working days (调休) are worked, and every other day is a working day from Monday to Friday.
///
/// A year the calendar has no notice for is computed with weekends only and its dates are provisional. Counting
/// and adding working days use a precomputed prefix count (`WorkingDayIndex`), never a walk over the days.
/// Load one with `CalendarLibrary.load(directory:)`, or build one directly for tests.
public struct HolidayCalendar: WorkingCalendar {
    /// The identifier definitions name the calendar by, e.g. "cn-mainland".
    public let id: String
    /// A human-readable name, e.g. "中国大陆法定节假日（国务院办公厅节假日安排通知）".
    public let name: String
    /// The years with a published notice; dates in any other year are provisional.
    public let coveredYears: Set<Int>
    /// The identifiers of the calendars this one extends, nearest first (empty for a national calendar).
    public let ancestry: [String]
    /// The listed days by day number.
    private let listed: [Int: DayKind]
    private let index: WorkingDayIndex

    /// Creates a calendar from its listed days; `days` maps a date to `.holiday` or `.makeUpWorkday`
    /// (`.workday` and `.weekend` entries are allowed and simply state the ordinary kind).
    public init(
        id: String, name: String? = nil, coveredYears: Set<Int>, days: [CivilDate: DayKind], ancestry: [String] = []
    ) {
        self.id = id
        self.name = name ?? id
        self.coveredYears = coveredYears
        self.ancestry = ancestry
        var listed: [Int: DayKind] = [:]
        for (date, kind) in days { listed[date.dayNumber] = kind }
        self.listed = listed
        // Index every covered year and every listed day; outside that range weekly arithmetic is exact.
        let yearBounds = coveredYears.flatMap { year -> [Int] in
            guard let first = CivilDate(year: year, month: 1, day: 1),
                  let last = CivilDate(year: year, month: 12, day: 31)
            else { return [] }
            return [first.dayNumber, last.dayNumber]
        }
        let bounds = yearBounds + listed.keys
        let firstDay = bounds.min() ?? 0
        let lastDay = bounds.max() ?? -1
        index = WorkingDayIndex(firstDay: firstDay, lastDay: lastDay) { day in
            (listed[day] ?? (CivilDate(dayNumber: day).isWeekend ? .weekend : .workday)).isWorkingDay
        }
    }

    /// The listed kind of `date`, else a workday from Monday to Friday and a weekend day otherwise.
    public func dayKind(of date: CivilDate) -> DayKind {
        listed[date.dayNumber] ?? (date.isWeekend ? .weekend : .workday)
    }

    /// True for a date in a year without a published notice: its kind is a weekends-only guess.
    public func isProvisional(_ date: CivilDate) -> Bool { !coveredYears.contains(date.year) }

    /// The `count`-th working day strictly after `date`, found in the prefix count in O(log n).
    public func addingWorkingDays(_ count: Int, after date: CivilDate) -> CivilDate {
        index.adding(count, after: date)
    }

    /// The `count`-th working day strictly before `date`, found in the prefix count in O(log n).
    public func subtractingWorkingDays(_ count: Int, before date: CivilDate) -> CivilDate {
        index.subtracting(count, before: date)
    }

    /// The number of working days `d` with `start < d <= end` (negative when `end` is before `start`), in O(1).
    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        index.workingDays(after: start, through: end)
    }

    /// The listed days (holidays and make-up working days) from `start` through `end`, in date order.
    public func listedDays(from start: CivilDate, through end: CivilDate) -> [(date: CivilDate, kind: DayKind)] {
        guard start <= end else { return [] }
        if end.dayNumber - start.dayNumber < listed.count {
            return (start.dayNumber...end.dayNumber).compactMap { day in
                listed[day].map { (CivilDate(dayNumber: day), $0) }
            }
        }
        return listed.filter { (start.dayNumber...end.dayNumber).contains($0.key) }
            .sorted { $0.key < $1.key }
            .map { (CivilDate(dayNumber: $0.key), $0.value) }
    }
}
