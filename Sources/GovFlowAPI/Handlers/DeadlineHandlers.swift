import FlowCore
import GovFlowHTTP

extension APIRouter {
    /// `GET /v1/overdue`: overdue records across the projects the caller may see, by due date.
    func overdue(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let records: [ProjectOverdueRecord]
        do {
            records = try service.store.overdueRecords(scope: scope(of: context.caller))
        } catch {
            throw APIError(error)
        }
        return .json(.object(["overdue": .array(records.map {
            APIRouter.withProject($0.projectID, TimerView.overdue($0.record))
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
        let records: [DeadlineRecord]
        do {
            records = try service.store.deadlines(from: from, through: to, scope: scope(of: context.caller))
        } catch {
            throw APIError(error)
        }
        return .json(.object([
            "from": .string(from.iso), "to": .string(to.iso),
            "deadlines": .array(records.map { APIRouter.withProject($0.projectID, TimerView.make($0)) }),
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
