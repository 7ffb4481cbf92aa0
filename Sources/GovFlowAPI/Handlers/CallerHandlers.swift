import FlowCore
import GovFlowHTTP

extension APIRouter {
    /// `GET /v1/me`: who the caller is, their roles, whether the server checks tokens, and the server's time, so
    /// that a client (the console) shows deadlines against the server's "today" in China.
    func me(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let caller = context.caller
        let apiRoles = Set(caller.roles.map(\.rawValue))
        return .json(.object([
            "actor": .string(caller.actor.id),
            "department": .string(caller.actor.department),
            "roles": .array(caller.roles.sorted().map { .string($0.rawValue) }),
            "taskRoles": .array(caller.actor.roles.subtracting(apiRoles).sorted().map(JSONValue.string)),
            "authenticated": .bool(tokens != nil),
            "now": ChinaTime.json(context.now),
            "today": .string(CivilDate(chinaDateOf: context.now).iso),
        ]))
    }
}
