import FlowCore

extension APIRouter {
    /// `GET /v1/overdue`: overdue records across the projects the caller may see, by due date.
    func overdue(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        var records: [(OverdueRecord, String)] = []
        for state in try visibleStates(context.caller) {
            records += state.overdue.map { ($0, state.id) }
        }
        records.sort { ($0.0.due.date, $0.1, $0.0.activation) < ($1.0.due.date, $1.1, $1.0.activation) }
        return .json(.object(["overdue": .array(records.map { record, project in
            APIRouter.withProject(project, TimerView.overdue(record))
        })]))
    }

    /// `GET /v1/deadlines?from=DATE&to=DATE`: pending timers falling due in the window (both days included);
    /// `from` defaults to today in China, `to` to 30 days after `from`.
    func deadlines(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let from = try date(context, "from") ?? CivilDate(chinaDateOf: context.now)
        let to = try date(context, "to") ?? from.adding(days: 30)
        guard from <= to else {
            throw .unprocessable("conflicting-query", "\"from\" (\(from)) is after \"to\" (\(to))")
        }
        var timers: [(PendingTimer, String, Int?)] = []
        for state in try visibleStates(context.caller, runningOnly: true) {
            timers += state.pendingTimers.filter { from <= $0.due.date && $0.due.date <= to }.map {
                ($0, state.id, state.incidentSuspending(timer: $0.id))
            }
        }
        timers.sort { ($0.0.fireAt, $0.1, $0.0.id) < ($1.0.fireAt, $1.1, $1.0.id) }
        return .json(.object([
            "from": .string(from.iso), "to": .string(to.iso),
            "deadlines": .array(timers.map { timer, project, incident in
                APIRouter.withProject(project, TimerView.make(timer, suspendedBy: incident))
            }),
        ]))
    }

    private func date(_ context: RequestContext, _ name: String) throws(APIError) -> CivilDate? {
        guard let text = context.query[name] else { return nil }
        guard let date = CivilDate(iso: text) else {
            throw .badRequest("invalid-query", "\"\(name)\" must be a date as YYYY-MM-DD, found \"\(text)\"")
        }
        return date
    }

    static func withProject(_ project: String, _ view: JSONValue) -> JSONValue {
        .object([JSONMember(key: "project", value: .string(project))] + (view.objectMembers ?? []))
    }
}
