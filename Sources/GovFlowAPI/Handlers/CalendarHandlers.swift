import FlowCore
import GovFlowHTTP

extension APIRouter {
    /// The longest span `GET /v1/calendars/{id}/due` lists day by day; longer periods answer `"days": null`.
    static let explainedDayLimit = 400

    /// `GET /v1/calendars`: the working calendars definitions may name, with the years their notices cover.
    func listCalendars(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let list = service.calendars.keys.sorted().map { id -> JSONValue in
            let holidays = service.calendars[id] as? HolidayCalendar
            return .object([
                "id": .string(id), "name": .string(holidays?.name),
                "coveredYears": .array((holidays?.coveredYears.sorted() ?? []).map { .number($0) }),
            ])
        }
        return .json(.object(["calendars": .array(list)]))
    }

    /// `GET /v1/calendars/{id}/months/{month}`: every day of a month (`YYYY-MM`) with its kind and holiday name.
    func calendarMonth(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let calendar = try workingCalendar(context)
        let text = context.parameter("month")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
              let month = Int(parts[1]), year >= 1, let grid = MonthGrid(year: year, month: month, calendar: calendar)
        else { throw .badRequest("invalid-path", "\"\(text)\" is not a month; write YYYY-MM, e.g. 2024-10") }
        let days = grid.days
        return .json(.object([
            "calendar": .string(calendar.id), "month": .string(text),
            "provisional": .bool(days.contains { calendar.isProvisional($0) }),
            "days": .array(days.map { APIRouter.day($0, calendar) }),
        ]))
    }

    /// `GET /v1/calendars/{id}/due?from=DATE&period=PERIOD&convention=…`: the due date the engine computes for a
    /// period counted from an event, with the days after the event and which of them count.
    func calendarDue(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let calendar = try workingCalendar(context)
        var problems: [FieldProblem] = []
        let from = context.query["from"].flatMap { CivilDate(iso: $0) }
        if from == nil { problems.append(FieldProblem(field: "from", message: "must be a date as YYYY-MM-DD")) }
        var period: Period?
        do {
            period = try Period.parse(context.query["period"] ?? "")
        } catch {
            problems.append(FieldProblem(field: "period", message: "must be \(Period.acceptedForms)"))
        }
        let conventionName = context.query["convention"] ?? RestDayConvention.eventDate.rawValue
        let convention = RestDayConvention(rawValue: conventionName)
        if convention == nil {
            let names = RestDayConvention.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            problems.append(FieldProblem(field: "convention", message: "must be \(names)"))
        }
        guard let from, let period, let convention, problems.isEmpty else {
            throw .badRequest("invalid-query", problems.map(\.description).joined(separator: "; "),
                              details: .array(problems.map(\.json)))
        }
        let due = PeriodCalculator(calendar: calendar, convention: convention).due(period, after: from)
        let span = due.date.dayNumber - from.dayNumber
        var days: JSONValue = .null
        if span <= APIRouter.explainedDayLimit {
            // Working days are numbered for a working-day period only; with "next-working-day" an event on a rest
            // day makes the next working day day zero (number 0).
            var counted = convention == .nextWorkingDay && !calendar.isWorkingDay(from) ? -1 : 0
            let numbered = if case .workdays = period { true } else { false }
            days = .array((0..<max(span, 0)).map { offset in
                let date = from.adding(days: offset + 1)
                if calendar.isWorkingDay(date) { counted += 1 }
                var members = APIRouter.day(date, calendar).objectMembers ?? []
                members.append(JSONMember(key: "workingDayNumber",
                                          value: numbered && calendar.isWorkingDay(date) ? .number(counted) : .null))
                return .object(members)
            })
        }
        return .json(.object([
            "calendar": .string(calendar.id), "from": .string(from.iso), "period": .string(period.description),
            "convention": .string(convention.rawValue), "due": TaskView.due(due),
            "workingDays": .number(calendar.workingDays(after: from, through: due.date)),
            "days": days,
        ]))
    }

    /// `GET /v1/calendars/{id}/between?from=DATE&to=DATE`: the working days `d` with `from < d <= to` (negative
    /// when `to` is before `from`), as the console counts "剩余3个工作日" and "逾期2个工作日".
    func calendarBetween(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let calendar = try workingCalendar(context)
        var problems: [FieldProblem] = []
        let from = context.query["from"].flatMap { CivilDate(iso: $0) }
        let to = context.query["to"].flatMap { CivilDate(iso: $0) }
        if from == nil { problems.append(FieldProblem(field: "from", message: "must be a date as YYYY-MM-DD")) }
        if to == nil { problems.append(FieldProblem(field: "to", message: "must be a date as YYYY-MM-DD")) }
        guard let from, let to, problems.isEmpty else {
            throw .badRequest("invalid-query", problems.map(\.description).joined(separator: "; "),
                              details: .array(problems.map(\.json)))
        }
        return .json(.object([
            "calendar": .string(calendar.id), "from": .string(from.iso), "to": .string(to.iso),
            "workingDays": .number(calendar.workingDays(after: from, through: to)),
            "provisional": .bool(calendar.isProvisional(from) || calendar.isProvisional(to)),
        ]))
    }

    private func workingCalendar(_ context: RequestContext) throws(APIError) -> any WorkingCalendar {
        let id = context.parameter("id")
        guard let calendar = service.calendars[id] else {
            let known = service.calendars.keys.sorted().joined(separator: ", ")
            throw .notFound("calendar-not-found", "there is no calendar \"\(id)\"; the calendars are \(known)")
        }
        return calendar
    }

    /// One day: its date, ISO weekday (1 Monday … 7 Sunday), kind, holiday name, and whether it is worked.
    private static func day(_ date: CivilDate, _ calendar: any WorkingCalendar) -> JSONValue {
        let kind = calendar.dayKind(of: date)
        let name: String?
        let kindName: String
        switch kind {
        case .workday: (kindName, name) = ("workday", nil)
        case .weekend: (kindName, name) = ("weekend", nil)
        case .holiday(let holiday): (kindName, name) = ("holiday", holiday)
        case .makeUpWorkday(let holiday): (kindName, name) = ("make-up-workday", holiday)
        }
        return .object([
            "date": .string(date.iso), "weekday": .number(date.isoWeekday), "kind": .string(kindName),
            "name": .string(name), "working": .bool(kind.isWorkingDay),
            "provisional": .bool(calendar.isProvisional(date)),
        ])
    }
}
