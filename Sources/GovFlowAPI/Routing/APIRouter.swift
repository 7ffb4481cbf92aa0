import FlowCore
import Foundation
import GovFlowHTTP

/// Answers API requests without a socket: routing, authentication, access rules, idempotency, metrics.
///
/// `respond(to:now:)` is pure apart from the service it calls, so most API tests call it directly.
public final class APIRouter: Sendable {
    /// The service every request acts on.
    public let service: WorkflowService
    let tokens: TokenTable?
    let idempotency: IdempotencyTable
    let metrics = RequestMetrics()
    /// Who started each project (the actor of its first history entry), which never changes.
    /// Bounded in bytes (an estimate per entry: the ids and names, plus 64 for the entry itself).
    let starters = ByteBoundedCache<String, Actor>(byteLimit: APIRouter.starterCacheBytes)
    /// The byte limit of the starters cache: 8 MiB, some 50,000 projects (docs/operations.md).
    static let starterCacheBytes = 8 * 1024 * 1024
    /// Rendered project views by project id, valid while the project's last sequence is unchanged: reading a
    /// project decodes and renders its whole history, and most reads find the project as it was. Bounded in bytes.
    let projectViews: ByteBoundedCache<String, CachedView>
    /// The default byte limit of the project-view cache: 64 MiB (docs/operations.md).
    public static let defaultViewCacheBytes = 64 * 1024 * 1024
    let routes: [APIRoute]

    /// A router over `service`. Without `tokens`, every request acts as `Caller.localAdministrator`: only for a
    /// server bound to loopback (`APIServer` enforces this). Rendered project views are cached up to
    /// `viewCacheBytes`.
    public init(service: WorkflowService, tokens: TokenTable?, idempotency: IdempotencyTable = IdempotencyTable(),
                viewCacheBytes: Int = APIRouter.defaultViewCacheBytes) {
        self.service = service
        self.tokens = tokens
        self.idempotency = idempotency
        self.projectViews = ByteBoundedCache(byteLimit: viewCacheBytes)
        self.routes = APIRouter.table
    }

    /// Every route as (method, path pattern), in table order: what docs/openapi.json must document.
    public static var routeSignatures: [(method: String, path: String)] {
        table.map { ($0.method, $0.pattern) }
    }

    /// Every route as (method, path pattern, the roles that may call it or `nil` for anyone without a token), in
    /// table order: what the route × role table in docs/api.md must show.
    public static var routeAccess: [(method: String, path: String, roles: Set<Role>?)] {
        table.map { route in
            switch route.access {
            case .anyone: (route.method, route.pattern, nil)
            case .roles(let roles): (route.method, route.pattern, roles)
            }
        }
    }

    /// The answer to `request`; `now` is the service clock's time.
    public func respond(to request: HTTPRequest, now: Date) -> HTTPResponse {
        let started = ContinuousClock.now
        var routeName = "unmatched"
        let response: HTTPResponse
        do {
            response = try answer(request, now: now, routeName: &routeName)
        } catch {
            response = error.response
        }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(route: routeName, method: request.method, status: response.status.code, seconds: seconds)
        return response
    }

    private func answer(_ request: HTTPRequest, now: Date, routeName: inout String) throws(APIError) -> HTTPResponse {
        if let asset = ConsoleAssets.response(to: request) {
            routeName = "console"
            return asset
        }
        let segments = try APIRouter.segments(of: request.path)
        let candidates = routes.compactMap { route in route.match(segments).map { (route, $0) } }
        guard !candidates.isEmpty else {
            throw .notFound("route-not-found", "there is no endpoint \(request.path); see docs/api.md")
        }
        guard let (route, parameters) = candidates.first(where: { $0.0.method == request.method }) else {
            let allowed = candidates.map(\.0.method).joined(separator: ", ")
            throw APIError(.methodNotAllowed, "method-not-allowed",
                           "\(request.method) is not allowed on \(request.path); use \(allowed)",
                           headers: HTTPHeaders([("Allow", allowed)]))
        }
        routeName = route.pattern
        let caller = try authorize(request, for: route)
        if !request.body.isEmpty { try APIRouter.requireJSON(request) }
        let context = RequestContext(request: request, parameters: parameters,
                                     query: try RequestContext.parseQuery(request.query), caller: caller, now: now)
        guard route.mutating, let key = request.headers["Idempotency-Key"] else {
            return try route.handler(self, context)
        }
        return try handleOnce(route, context, key: key)
    }

    /// The caller, if the route allows them: 401 without a valid token, 403 without a role the route needs.
    private func authorize(_ request: HTTPRequest, for route: APIRoute) throws(APIError) -> Caller {
        guard case .roles(let allowed) = route.access else { return Caller.localAdministrator }
        let caller: Caller
        if let tokens {
            guard let header = request.headers["Authorization"] else {
                throw APIRouter.unauthenticated("send \"Authorization: Bearer <token>\"", error: nil)
            }
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                  let found = tokens.caller(forToken: String(parts[1]).trimmingCharacters(in: .whitespaces))
            else { throw APIRouter.unauthenticated("the bearer token is not valid", error: "invalid_token") }
            caller = found
        } else {
            caller = Caller.localAdministrator
        }
        guard !caller.roles.isDisjoint(with: allowed) else {
            let needed = allowed.sorted().map(\.rawValue).joined(separator: ", ")
            throw .forbidden("\(caller.actor.id) may not \(route.purpose); that needs one of the roles: \(needed)")
        }
        return caller
    }

    private static func unauthenticated(_ message: String, error: String?) -> APIError {
        let challenge = "Bearer realm=\"govflow\"" + (error.map { ", error=\"\($0)\"" } ?? "")
        return APIError(.unauthorized, "unauthenticated", message,
                        headers: HTTPHeaders([("WWW-Authenticate", challenge)]))
    }

    private static func requireJSON(_ request: HTTPRequest) throws(APIError) {
        let type = request.headers["Content-Type"]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard type == "application/json" else {
            let found = type.map { "\"\($0)\"" } ?? "none"
            throw APIError(.unsupportedMediaType, "unsupported-media-type",
                           "send the body as \"Content-Type: application/json\", not \(found)")
        }
    }

    /// The percent-decoded path segments; "." and ".." and undecodable segments are refused.
    private static func segments(of path: String) throws(APIError) -> [String] {
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            guard let segment = raw.removingPercentEncoding, segment != ".", segment != ".." else {
                throw .badRequest("invalid-path", "the path segment \"\(raw)\" is not valid")
            }
            segments.append(segment)
        }
        if segments.last == "" && segments.count > 1 { segments.removeLast() }
        return segments
    }

    /// Handles a mutating request once per caller and key; a retry with the same body gets the first answer.
    private func handleOnce(_ route: APIRoute, _ context: RequestContext, key: String) throws(APIError)
        -> HTTPResponse
    {
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 })
        else {
            throw .badRequest("invalid-idempotency-key", "Idempotency-Key must be 1 to 255 visible ASCII characters")
        }
        let request = context.request
        let fingerprint = SHA256.hash(Array("\(request.method) \(request.path)\n".utf8) + request.body)
        let caller = context.caller.actor.id
        switch idempotency.claim(caller: caller, key: key, fingerprint: fingerprint) {
        case .replay(let response): return response
        case .refuse(let error): throw error
        case .proceed:
            let response: HTTPResponse
            do {
                response = try route.handler(self, context)
            } catch {
                response = error.response
            }
            idempotency.finish(caller: caller, key: key, fingerprint: fingerprint, response: response)
            return response
        }
    }

    // MARK: Projects the caller may see

    /// The actor who started a project (its id and department: what ownership needs), from the store's index of
    /// starters; 404 when there is no such project, the store's error when it cannot answer.
    func starter(of projectID: String) throws(APIError) -> Actor {
        if let known = starters[projectID] { return known }
        let start: ProjectStart?
        do {
            start = try service.store.starter(of: projectID)
        } catch {
            throw APIError(error)
        }
        guard let start else { throw .projectNotFound(projectID) }
        let actor = Actor(id: start.starterID, department: start.starterDepartment)
        let bytes = 64 + projectID.utf8.count + actor.id.utf8.count + (actor.department?.utf8.count ?? 0)
        starters.store(actor, bytes: bytes, for: projectID)
        return actor
    }

    /// Whether the caller may see the project: any role but project unit sees all; a project unit its own. A store
    /// that cannot say who started the project is an error answer, never "not visible".
    func canSee(_ projectID: String, _ caller: Caller) throws(APIError) -> Bool {
        if caller.readsEveryProject { return true }
        return caller.owns(projectStartedBy: try starter(of: projectID))
    }

    /// The project's state if the caller may see it. A project the caller may not see gets the very answer a
    /// missing one gets (404 `project-not-found`, "there is no project …"), so that no caller learns which ids
    /// other units use.
    func visibleState(_ projectID: String, _ caller: Caller) throws(APIError) -> InstanceState {
        let state: InstanceState
        do {
            state = try service.currentState(of: projectID)
        } catch .store(.unknownProject) {
            throw .projectNotFound(projectID)
        } catch {
            throw APIError(error)
        }
        guard try canSee(projectID, caller) else { throw .projectNotFound(projectID) }
        return state
    }

    /// The projects a listing shows the caller: every project, or for a project unit only its own (started by the
    /// caller or by someone of the caller's department), as `Caller.owns(projectStartedBy:)` decides for one.
    func scope(of caller: Caller) -> ProjectScope {
        caller.readsEveryProject ? .every : .startedBy(actorID: caller.actor.id, department: caller.actor.department)
    }
}
