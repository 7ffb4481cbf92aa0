/// The checks behind `CalendarDefinition`: each reads one part of a calendar file or throws an error that points
/// at it.
struct CalendarFileReader {
    /// The file, as errors name it.
    let path: String

    /// How far into an adjoining year a year's block may reach (a notice for 2023 lists 2022-12-31).
    static let adjoiningDays = 31

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    func error(_ message: String, at location: SourceLocation) -> CalendarLoadError {
        CalendarLoadError(path: path, location: location, message: message)
    }

    /// The members of an object, refusing a member given twice and any member not in `allowed`.
    func object(
        _ element: JSONElement, allowed: [String], in context: String
    ) throws(CalendarLoadError) -> [String: JSONElement] {
        guard let members = element.members else {
            let found = element.value.kindDescription
            throw error("expected \(context) as an object, found \(found)", at: element.location)
        }
        var result: [String: JSONElement] = [:]
        var keyLines: [String: Int] = [:]
        for member in members {
            if let line = keyLines[member.key] {
                throw error("field \"\(member.key)\" is given twice (first at line \(line))", at: member.keyLocation)
            }
            guard allowed.contains(member.key) else {
                let expected = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                throw error(
                    "unknown field \"\(member.key)\" in \(context); expected \(expected)", at: member.keyLocation)
            }
            keyLines[member.key] = member.keyLocation.line
            result[member.key] = member.value
        }
        return result
    }

    func required(
        _ key: String, in object: [String: JSONElement], at element: JSONElement, of context: String
    ) throws(CalendarLoadError) -> JSONElement {
        guard let value = object[key] else { throw error("\(context) needs a field \"\(key)\"", at: element.location) }
        return value
    }

    func text(_ element: JSONElement) throws(CalendarLoadError) -> String {
        guard let text = element.string, !text.isEmpty else {
            throw error("expected a non-empty string, found \(element.value.kindDescription)", at: element.location)
        }
        return text
    }

    /// A calendar identifier: lower-case ASCII letters, digits and hyphens, e.g. "cn-mainland".
    func identifier(_ element: JSONElement) throws(CalendarLoadError) -> String {
        let text = try text(element)
        let isValid = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard isValid else {
            throw error(
                "\"\(text)\" is not a calendar identifier; "
                    + "use lower-case letters, digits and hyphens (\"cn-mainland\")",
                at: element.location)
        }
        return text
    }

    func array(_ element: JSONElement, of context: String) throws(CalendarLoadError) -> [JSONElement] {
        guard let elements = element.elements else {
            throw error("expected \(context) as an array, found \(element.value.kindDescription)", at: element.location)
        }
        return elements
    }

    /// The year blocks, refusing a year or a date listed twice anywhere in the file.
    func years(_ element: JSONElement) throws(CalendarLoadError) -> [CalendarDefinition.Year] {
        var yearLines: [Int: Int] = [:]
        var dateLines: [CivilDate: Int] = [:]
        var years: [CalendarDefinition.Year] = []
        for yearElement in try array(element, of: "\"years\"") {
            let fields = try object(yearElement, allowed: ["year", "notices", "holidays", "workdays"], in: "a year")
            let numberElement = try required("year", in: fields, at: yearElement, of: "a year")
            guard let year = numberElement.value.intValue, (1900...9999).contains(year) else {
                let found = numberElement.value.intValue.map(String.init) ?? numberElement.value.kindDescription
                throw error("expected a year from 1900 to 9999, found \(found)", at: numberElement.location)
            }
            if let line = yearLines[year] {
                throw error("year \(year) is listed twice (first at line \(line))", at: numberElement.location)
            }
            yearLines[year] = numberElement.location.line
            let notices = try fields["notices"].map { element throws(CalendarLoadError) in try self.notices(element) }
            let holidays = try fields["holidays"].map { element throws(CalendarLoadError) in
                try namedDates(element, year: year, makeUp: false, seen: &dateLines)
            }
            let workdays = try fields["workdays"].map { element throws(CalendarLoadError) in
                try namedDates(element, year: year, makeUp: true, seen: &dateLines)
            }
            years.append(
                CalendarDefinition.Year(
                    year: year, notices: notices ?? [], holidays: holidays ?? [], workdays: workdays ?? []))
        }
        return years
    }

    private func notices(_ element: JSONElement) throws(CalendarLoadError) -> [CalendarDefinition.Notice] {
        var notices: [CalendarDefinition.Notice] = []
        for noticeElement in try array(element, of: "\"notices\"") {
            let fields = try object(noticeElement, allowed: ["title", "url"], in: "a notice")
            let title = try text(try required("title", in: fields, at: noticeElement, of: "a notice"))
            let url = try fields["url"].map { element throws(CalendarLoadError) in try text(element) }
            notices.append(CalendarDefinition.Notice(title: title, url: url))
        }
        return notices
    }

    private func namedDates(
        _ element: JSONElement, year: Int, makeUp: Bool, seen: inout [CivilDate: Int]
    ) throws(CalendarLoadError) -> [CalendarDefinition.NamedDates] {
        let context = makeUp ? "a group of make-up working days" : "a group of holidays"
        var groups: [CalendarDefinition.NamedDates] = []
        for groupElement in try array(element, of: makeUp ? "\"workdays\"" : "\"holidays\"") {
            let fields = try object(groupElement, allowed: ["name", "dates"], in: context)
            let name = try text(try required("name", in: fields, at: groupElement, of: context))
            var dates: [CivilDate] = []
            let datesElement = try required("dates", in: fields, at: groupElement, of: context)
            for dateElement in try array(datesElement, of: "\"dates\"") {
                let date = try self.date(dateElement, year: year)
                if let line = seen[date] {
                    throw error("\(date) is listed twice (first at line \(line))", at: dateElement.location)
                }
                if makeUp && !date.isWeekend {
                    let weekday = CalendarFileReader.weekdayNames[date.isoWeekday - 1]
                    throw error(
                        "\(date) is listed as a make-up working day but is a \(weekday); "
                            + "a make-up working day (调休) must be a Saturday or Sunday",
                        at: dateElement.location)
                }
                seen[date] = dateElement.location.line
                dates.append(date)
            }
            groups.append(CalendarDefinition.NamedDates(name: name, dates: dates))
        }
        return groups
    }

    /// A `YYYY-MM-DD` date that exists and lies in `year` or within `adjoiningDays` of it.
    private func date(_ element: JSONElement, year: Int) throws(CalendarLoadError) -> CivilDate {
        guard let text = element.string else {
            let found = element.value.kindDescription
            throw error("expected a date as \"YYYY-MM-DD\", found \(found)", at: element.location)
        }
        guard let date = CivilDate(iso: text) else {
            throw error(CivilDate.problem(with: text), at: element.location)
        }
        guard date.year != year else { return date }
        guard let first = CivilDate(year: year, month: 1, day: 1),
              let last = CivilDate(year: year, month: 12, day: 31)
        else { return date }
        let earliest = first.adding(days: -CalendarFileReader.adjoiningDays)
        let latest = last.adding(days: CalendarFileReader.adjoiningDays)
        guard earliest <= date, date <= latest else {
            throw error(
                "\(date) is outside the year \(year); a year may list only its own dates and days of an adjoining "
                    + "year within \(CalendarFileReader.adjoiningDays) days of it (\(earliest) to \(latest))",
                at: element.location)
        }
        return date
    }
}
