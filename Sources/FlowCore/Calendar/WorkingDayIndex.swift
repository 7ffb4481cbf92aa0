/// A prefix count of working days that answers "how many working days up to this date" and its inverse without
/// walking day by day.
///
/// Inside the indexed range the count is a table lookup; outside it every Monday to Friday is a working day and
/// the count is weekly arithmetic. Counting is O(1) and the inverse O(log n) in the length of the range.
struct WorkingDayIndex: Sendable {
    /// The day number of the first indexed day.
    private let firstDay: Int
    /// `prefix[i]` is the number of working days in `firstDay ..< firstDay + i`; `prefix.count` is the range's
    /// length plus one.
    private let prefix: [Int]
    /// The weekday count through the day before `firstDay`, so that counts join the weekly arithmetic seamlessly.
    private let countBefore: Int

    /// Indexes the days `firstDay ... lastDay` (day numbers); `isWorking` says which of them are worked.
    init(firstDay: Int, lastDay: Int, isWorking: (Int) -> Bool) {
        self.firstDay = firstDay
        var prefix = [0]
        if lastDay >= firstDay {
            prefix.reserveCapacity(lastDay - firstDay + 2)
            for day in firstDay...lastDay {
                prefix.append(prefix[prefix.count - 1] + (isWorking(day) ? 1 : 0))
            }
        }
        self.prefix = prefix
        countBefore = WorkingDayIndex.weekdays(through: firstDay - 1)
    }

    private var lastDay: Int { firstDay + prefix.count - 2 }

    private var countThroughLast: Int { countBefore + prefix[prefix.count - 1] }

    /// The number of working days from a fixed origin through `day` (a day number); only differences matter.
    func count(through day: Int) -> Int {
        if day < firstDay { return WorkingDayIndex.weekdays(through: day) }
        if day <= lastDay { return countBefore + prefix[day - firstDay + 1] }
        return countThroughLast + WorkingDayIndex.weekdays(through: day) - WorkingDayIndex.weekdays(through: lastDay)
    }

    /// The earliest day whose `count(through:)` reaches `target`; that day is always a working day.
    func firstDay(reaching target: Int) -> Int {
        if target <= countBefore { return WorkingDayIndex.firstWeekday(reaching: target) }
        if target > countThroughLast {
            let beyond = target - countThroughLast
            return WorkingDayIndex.firstWeekday(reaching: WorkingDayIndex.weekdays(through: lastDay) + beyond)
        }
        // Binary search for the smallest i with prefix[i] >= target - countBefore.
        let wanted = target - countBefore
        var low = 1
        var high = prefix.count - 1
        while low < high {
            let middle = (low + high) / 2
            if prefix[middle] >= wanted { high = middle } else { low = middle + 1 }
        }
        return firstDay + low - 1
    }

    /// The `count`-th working day strictly after `date` (`count` ≥ 1).
    func adding(_ count: Int, after date: CivilDate) -> CivilDate {
        precondition(count >= 1, "addingWorkingDays needs a count of at least 1, got \(count)")
        return CivilDate(dayNumber: firstDay(reaching: self.count(through: date.dayNumber) + count))
    }

    /// The `count`-th working day strictly before `date` (`count` ≥ 1).
    func subtracting(_ count: Int, before date: CivilDate) -> CivilDate {
        precondition(count >= 1, "subtractingWorkingDays needs a count of at least 1, got \(count)")
        // The working days strictly before `date` are counted through the day before it; the count-th of them
        // going backwards is the one at which the running count first reaches (that count - count + 1).
        return CivilDate(dayNumber: firstDay(reaching: self.count(through: date.dayNumber - 1) - count + 1))
    }

    /// The number of working days `d` with `start < d <= end` (negative when `end` is before `start`).
    func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        count(through: end.dayNumber) - count(through: start.dayNumber)
    }

    /// Mondays to Fridays from a fixed Monday through `day` (a day number), negative before that Monday.
    static func weekdays(through day: Int) -> Int {
        let mondayBased = day + 3  // Day 0 (1970-01-01) is a Thursday: shift so that 0 is a Monday.
        let weeks = floorDivision(mondayBased, 7)
        let dayInWeek = mondayBased - weeks * 7  // 0 = Monday … 6 = Sunday
        return weeks * 5 + min(dayInWeek + 1, 5)
    }

    /// The weekday at which `weekdays(through:)` first reaches `target`.
    static func firstWeekday(reaching target: Int) -> Int {
        let weeks = floorDivision(target - 1, 5)
        let dayInWeek = target - weeks * 5 - 1  // 0 … 4, Monday to Friday
        return weeks * 7 + dayInWeek - 3
    }

    private static func floorDivision(_ numerator: Int, _ denominator: Int) -> Int {
        let quotient = numerator / denominator
        return numerator % denominator < 0 ? quotient - 1 : quotient
    }
}
