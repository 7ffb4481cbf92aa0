/// A month of a working calendar as a text grid, Monday to Sunday, with rest days and make-up working days
/// marked and the month's holidays named below it (what `govflow calendar month 2024-10` prints).
public struct MonthGrid: Sendable {
    /// The month's year.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The calendar the days are read from.
    public let calendar: any WorkingCalendar

    /// The mark after a day number: `*` holiday, `-` ordinary weekend, `+` make-up working day, blank otherwise.
    public static func mark(for kind: DayKind) -> Character {
        switch kind {
        case .workday: return " "
        case .weekend: return "-"
        case .holiday: return "*"
        case .makeUpWorkday: return "+"
        }
    }

    /// The legend printed under every grid.
    public static let legend = "* holiday (rest)   - weekend (rest)   + make-up working day (调休)"

    /// The grid for `month` of `year`; `nil` when `month` is not 1 to 12.
    public init?(year: Int, month: Int, calendar: any WorkingCalendar) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
        self.calendar = calendar
    }

    /// The days of the month in order.
    public var days: [CivilDate] {
        let first = CivilDate.clamped(year: year, month: month, day: 1)
        return (0..<CivilDate.daysIn(month: month, year: year)).map { first.adding(days: $0) }
    }

    /// The grid, legend and holiday names as lines of text, each line ending in a line break.
    public func render() -> String {
        let dates = days
        let monthName = CalendarFileReader.monthNames[month - 1]
        var lines = ["\(monthName) \(year) (\(calendar.id))", " Mon Tue Wed Thu Fri Sat Sun"]
        var line = String(repeating: "    ", count: dates[0].isoWeekday - 1)
        for date in dates {
            let number = date.day < 10 ? "  \(date.day)" : " \(date.day)"
            line += number + String(MonthGrid.mark(for: calendar.dayKind(of: date)))
            if date.isoWeekday == 7 {
                lines.append(trimmed(line))
                line = ""
            }
        }
        if !line.isEmpty { lines.append(trimmed(line)) }
        lines.append(MonthGrid.legend)
        lines += namedDays(dates)
        if let first = dates.first, calendar.isProvisional(first) {
            lines.append("provisional: no holiday notice for \(year) yet; weekends only")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// One line per holiday name: its rest days and make-up working days in this month.
    private func namedDays(_ dates: [CivilDate]) -> [String] {
        var order: [String] = []
        var rest: [String: [CivilDate]] = [:]
        var worked: [String: [CivilDate]] = [:]
        for date in dates {
            switch calendar.dayKind(of: date) {
            case .holiday(let name):
                if rest[name] == nil && worked[name] == nil { order.append(name) }
                rest[name, default: []].append(date)
            case .makeUpWorkday(let name):
                if rest[name] == nil && worked[name] == nil { order.append(name) }
                worked[name, default: []].append(date)
            case .workday, .weekend:
                continue
            }
        }
        return order.map { name in
            var parts: [String] = []
            if let days = rest[name] { parts.append("rest \(MonthGrid.ranges(days))") }
            if let days = worked[name] { parts.append("worked \(MonthGrid.ranges(days))") }
            return "\(name): " + parts.joined(separator: "; ")
        }
    }

    /// Sorted dates as ranges of consecutive days: "2024-10-01 to 2024-10-07, 2024-10-12".
    static func ranges(_ dates: [CivilDate]) -> String {
        var groups: [(CivilDate, CivilDate)] = []
        for date in dates {
            if let last = groups.last, last.1.adding(days: 1) == date {
                groups[groups.count - 1].1 = date
            } else {
                groups.append((date, date))
            }
        }
        return groups.map { $0.0 == $0.1 ? $0.0.iso : "\($0.0.iso) to \($0.1.iso)" }.joined(separator: ", ")
    }

    private func trimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
