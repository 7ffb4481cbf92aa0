/// A due day that comes back every month or every year, as regulations set reporting dates: "每月20日前"
/// (by the 20th of every month) or "每年9月底前" (by the end of September every year).
///
/// "前" is read inclusively: the named day itself is still in time. `PeriodCalculator.nextDue(_:onOrAfter:)`
/// gives the next occurrence on or after a date; a due day that is a rest day moves to the next working day unless
/// the definition writes `as-written` (`onRestDay`, see `RecurringDueDay+RestDay.swift` for why).
public struct RecurringDueDay: Hashable, Sendable, CustomStringConvertible {
    private enum Rule: Hashable, Sendable {
        case monthly(day: Int)
        case yearly(month: Int, day: Int?)
    }

    private let rule: Rule

    /// What happens when an occurrence falls on a rest day; `.nextWorkingDay` unless the notation says `as-written`.
    public private(set) var onRestDay: RestDay = .nextWorkingDay

    /// "每月N日前": the given day of every month, or the month's last day when it is shorter (day 31 in April is
    /// 30 April); `nil` unless `day` is 1 to 31.
    public init?(dayOfMonth day: Int) {
        guard (1...31).contains(day) else { return nil }
        rule = .monthly(day: day)
    }

    /// "每年M月底前": the last day of the given month every year; `nil` unless `month` is 1 to 12.
    public init?(endOfMonth month: Int) {
        guard (1...12).contains(month) else { return nil }
        rule = .yearly(month: month, day: nil)
    }

    /// "每年M月D日前": the given day every year (29 February is 28 February in a common year); `nil` for a day
    /// that no year has.
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: 2024)).contains(day) else {
            return nil
        }
        rule = .yearly(month: month, day: day)
    }

    /// The occurrence number of the month or year `date` falls in; consecutive occurrences differ by one.
    func occurrence(containing date: CivilDate) -> Int {
        switch rule {
        case .monthly: return date.year * 12 + date.month - 1
        case .yearly: return date.year
        }
    }

    /// The written due date of occurrence `number`, before any rest-day extension.
    func nominalDate(ofOccurrence number: Int) -> CivilDate {
        switch rule {
        case .monthly(let day):
            let year = number >= 0 ? number / 12 : (number - 11) / 12
            let month = number - year * 12 + 1
            return CivilDate.clamped(year: year, month: month, day: day)
        case .yearly(let month, let day):
            return CivilDate.clamped(year: number, month: month, day: day ?? 31)
        }
    }

    /// The forms `parse` accepts, for error messages.
    public static let acceptedForms =
        #""monthly D" (D from 1 to 31, e.g. "monthly 20" for 每月20日前), "yearly MM-DD" (e.g. "yearly 12-31"), or "#
        + #""yearly end-of-MM" (e.g. "yearly end-of-09" for 每年9月底前), optionally followed by "as-written" "#
        + #"(due on that day even when it is a rest day) or "next-working-day" (the default)"#

    /// Parses the definition notation: "monthly 20", "yearly 12-31", "yearly end-of-09", each optionally followed by
    /// "as-written" ("monthly 20 as-written").
    public static func parse(_ text: String) -> RecurringDueDay? {
        var words = text.split(separator: " ", omittingEmptySubsequences: true)
        var restDay = RestDay.nextWorkingDay
        if words.count == 3, let rule = RestDay(rawValue: String(words[2])) {
            restDay = rule
            words.removeLast()
        }
        guard words.count == 2 else { return nil }
        var day = parse(words[0], words[1])
        day?.onRestDay = restDay
        return day
    }

    private static func parse(_ kind: Substring, _ value: Substring) -> RecurringDueDay? {
        func number(_ digits: Substring) -> Int? {
            digits.count <= 2 && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(digits) : nil
        }
        switch kind {
        case "monthly":
            return number(value).flatMap { RecurringDueDay(dayOfMonth: $0) }
        case "yearly" where value.hasPrefix("end-of-"):
            return number(value.dropFirst("end-of-".count)).flatMap { RecurringDueDay(endOfMonth: $0) }
        case "yearly":
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let month = number(parts[0]),
                  let day = number(parts[1])
            else { return nil }
            return RecurringDueDay(month: month, day: day)
        default:
            return nil
        }
    }

    /// The definition notation, which `parse` reads back: "monthly 20", "yearly 12-31", "yearly end-of-09",
    /// "monthly 20 as-written".
    public var notation: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let suffix = onRestDay == .nextWorkingDay ? "" : " \(onRestDay.rawValue)"
        switch rule {
        case .monthly(let day): return "monthly \(day)" + suffix
        case .yearly(let month, nil): return "yearly end-of-\(two(month))" + suffix
        case .yearly(let month, let day?): return "yearly \(two(month))-\(two(day))" + suffix
        }
    }

    /// As the regulations write it: "每月20日前", "每年12月31日前", "每年9月底前".
    public var chinese: String {
        switch self.rule {
        case .monthly(let day): return "每月\(day)日前"
        case .yearly(let month, nil): return "每年\(month)月底前"
        case .yearly(let month, let day?): return "每年\(month)月\(day)日前"
        }
    }

    /// E.g. "day 20 of every month" or "end of September every year".
    public var description: String {
        let suffix = onRestDay == .asWritten ? ", even on a rest day" : ""
        switch rule {
        case .monthly(let day): return "day \(day) of every month" + suffix
        case .yearly(let month, nil): return "end of \(CalendarFileReader.monthNames[month - 1]) every year" + suffix
        case .yearly(let month, let day?):
            return "\(CalendarFileReader.monthNames[month - 1]) \(day) every year" + suffix
        }
    }
}

extension PeriodCalculator {
    /// The first due date on or after `date` of a recurring due day.
    ///
    /// A due day that is a rest day moves to the next working day (the due day's `onRestDay`, or
    /// `extendingPastRestDays` when given; see `RecurringDueDay.RestDay` for the reasons). So "每年9月底前" in 2023,
    /// when 30 September was a holiday, is due on 7 October 2023, and a date from 1 to 7 October 2023 still has that
    /// occurrence as its next due date.
    public func nextDue(
        _ recurring: RecurringDueDay, onOrAfter date: CivilDate, extendingPastRestDays: Bool? = nil
    ) -> DueDate {
        let extending = extendingPastRestDays ?? (recurring.onRestDay == .nextWorkingDay)
        // The previous occurrence may have been pushed past `date`; an extension never spans a whole month.
        var number = recurring.occurrence(containing: date) - 1
        while true {
            let nominal = recurring.nominalDate(ofOccurrence: number)
            let due = extending && !calendar.isWorkingDay(nominal)
                ? calendar.addingWorkingDays(1, after: nominal) : nominal
            if due >= date { return DueDate(date: due, provisional: calendar.isProvisional(due)) }
            number += 1
        }
    }
}

extension CivilDate {
    /// The date, with `day` reduced to the month's last day when the month is shorter.
    static func clamped(year: Int, month: Int, day: Int) -> CivilDate {
        let last = CivilDate.daysIn(month: month, year: year)
        guard let date = CivilDate(year: year, month: month, day: min(day, last)) else {
            preconditionFailure("month \(month) out of range")
        }
        return date
    }
}

extension RecurringDueDay: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = RecurringDueDay.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a recurring due day; write \(Self.acceptedForms)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(notation)
    }
}
