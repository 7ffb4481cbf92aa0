/// Dates for the three kinds of constraint (`TimeConstraint`), as pure functions of the calendar.
///
/// In every case the day of the starting event is not counted (民法典 第二百零一条): a period of N days, months
/// or years runs from the next day, and N working days are the N working days strictly after the event's day
/// (行政许可法 第八十二条: 期限以工作日计算，不含法定节假日).
extension PeriodCalculator {
    /// The latest date a step may happen when it must happen within `period` of `event` ("在N日内"):
    /// the same as `due(_:after:)`.
    ///
    /// The last day of a day, month or year period that is a rest day moves to the next working day (民法典
    /// 第二百零三条); the deadline is 24:00 of the returned date in China Standard Time (`CivilDate.endInChina`).
    public func deadline(_ period: Period, after event: CivilDate) -> DueDate {
        due(period, after: event)
    }

    /// The earliest date on which something that must last at least `period` ("不少于N日") from `start` may end.
    ///
    /// The period starts the day after `start` (民法典 第二百零一条) and its last day is `start + period`: the Nth
    /// working day after `start` for working days, otherwise the date `period` later (the month's last day when
    /// it has no corresponding day, 第二百零二条). The thing must stay open through the whole of that day (until
    /// 24:00), so the step that follows it may happen the next day at the earliest. No rest-day extension applies:
    /// 第二百零三条 lengthens a time limit so that no one loses its last day, whereas a minimum duration that ends
    /// on a rest day has already lasted its full length. The rest-day convention does not apply either: the start
    /// of a minimum duration is the authority's own act.
    public func earliestEnd(ofAtLeast period: Period, startingAfter start: CivilDate) -> DueDate {
        let end = plainEnd(of: period, after: start)
        return DueDate(date: end, provisional: calendar.isProvisional(end))
    }

    /// Given the earlier step's date, the earliest date for the later step when the earlier one must come at least
    /// `period` before it ("不得晚于…前N日", e.g. 行政许可法 第四十八条: 于举行听证的七日前通知).
    ///
    /// The earlier step's day is not counted (民法典 第二百零一条); the later step may fall on the last day of the
    /// period, `earlier + period` (the Nth working day after it for working days). No rest-day extension applies.
    public func earliestLaterStep(leadTime period: Period, after earlier: CivilDate) -> DueDate {
        let date = plainEnd(of: period, after: earlier)
        return DueDate(date: date, provisional: calendar.isProvisional(date))
    }

    /// Given the later step's planned date, the latest working day on which the earlier step may happen when it
    /// must come at least `period` before ("不得晚于…前N日").
    ///
    /// This is the latest working day `d` with `earliestLaterStep(leadTime: period, after: d) <= later`: for
    /// working days, the Nth working day before the last working day on or before `later`; for days, months and
    /// years, the date `period` before `later` (from the end of a month, the end of the month `period` before),
    /// moved back to a working day when it is a rest day, since the earlier step is an office's act.
    public func latestEarlierStep(leadTime period: Period, before later: CivilDate) -> DueDate {
        let latest: CivilDate
        switch period {
        case .workdays(let count):
            let lastWorking = calendar.isWorkingDay(later) ? later : calendar.subtractingWorkingDays(1, before: later)
            latest = calendar.subtractingWorkingDays(count, before: lastWorking)
        case .days(let count):
            latest = workingDayOnOrBefore(later.adding(days: -count))
        case .months(let count):
            latest = workingDayOnOrBefore(PeriodCalculator.latestStart(months: count, endingBy: later))
        case .years(let count):
            latest = workingDayOnOrBefore(PeriodCalculator.latestStart(months: 12 * count, endingBy: later))
        }
        return DueDate(date: latest, provisional: calendar.isProvisional(latest))
    }

    /// Whether the dates of two steps satisfy `constraint`: for a deadline and a minimum duration, `start` is the
    /// starting event and `end` the step or the end of the thing; for a lead time, `start` is the earlier step and
    /// `end` the later one.
    public func isSatisfied(_ constraint: TimeConstraint, from start: CivilDate, to end: CivilDate) -> Bool {
        switch constraint.kind {
        case .deadline: return end <= due(constraint.period, after: start).date
        case .minimumDuration: return end >= earliestEnd(ofAtLeast: constraint.period, startingAfter: start).date
        case .leadTime: return end >= earliestLaterStep(leadTime: constraint.period, after: start).date
        }
    }

    /// The number of working days `d` with `start < d <= end`: how many working days late an opinion given on
    /// `end` is when it was due on `start`, or how many of a period's working days have passed.
    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        calendar.workingDays(after: start, through: end)
    }

    /// The last day of `period` after `start` without any rest-day extension.
    func plainEnd(of period: Period, after start: CivilDate) -> CivilDate {
        switch period {
        case .workdays(let count): return calendar.addingWorkingDays(count, after: start)
        case .days(let count): return start.adding(days: count)
        case .months(let count): return PeriodCalculator.adding(months: count, to: start)
        case .years(let count): return PeriodCalculator.adding(months: 12 * count, to: start)
        }
    }

    /// `date` when it is a working day, else the working day before it.
    func workingDayOnOrBefore(_ date: CivilDate) -> CivilDate {
        calendar.isWorkingDay(date) ? date : calendar.subtractingWorkingDays(1, before: date)
    }

    /// The latest date `d` with `adding(months: months, to: d) <= end`.
    static func latestStart(months: Int, endingBy end: CivilDate) -> CivilDate {
        let isMonthEnd = end.day == CivilDate.daysIn(month: end.month, year: end.year)
        let start = adding(months: -months, to: end)
        guard isMonthEnd else { return start }
        // From the last day of a month every later day of the earlier month also ends on it (31 Aug + 6 months is
        // 28 Feb), so the latest start is the end of the earlier month.
        return start.lastDayOfMonth
    }
}

extension CivilDate {
    /// The last day of this date's month.
    var lastDayOfMonth: CivilDate {
        adding(days: CivilDate.daysIn(month: month, year: year) - day)
    }
}
