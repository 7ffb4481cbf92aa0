import FlowCore
import GovFlowHTTP

/// The GovFlow HTTP API: an `APIRouter` served by an `HTTPServer`. This is what `govflow serve` starts.
///
/// ```swift
/// let server = APIServer(service: service, tokens: try TokenTable.parse(tokensText))   // or Runner's TokenTable.load
/// let port = try server.start(host: "0.0.0.0", port: 8080)
/// // … on SIGTERM:
/// server.stop()
/// ```
public final class APIServer: Sendable {
    /// The router answering each request (also usable without the socket).
    public let router: APIRouter
    private let http: HTTPServer
    private let authenticated: Bool

    /// A server for `service`. Without `tokens` every request acts as a local administrator, so `start` then
    /// refuses any host but loopback.
    public init(service: WorkflowService, tokens: TokenTable?,
                configuration: HTTPServer.Configuration = HTTPServer.Configuration(),
                idempotency: IdempotencyTable = IdempotencyTable()) {
        let router = APIRouter(service: service, tokens: tokens, idempotency: idempotency)
        self.router = router
        self.authenticated = tokens != nil
        self.http = HTTPServer(configuration: configuration) { request in
            router.respond(to: request, now: service.clock.now())
        }
    }

    /// Binds `host`:`port` (0: an ephemeral port), starts serving and returns the bound port.
    @discardableResult
    public func start(host: String, port: UInt16) throws(APIServerError) -> UInt16 {
        guard authenticated || APIServer.isLoopback(host) else { throw .unauthenticatedOnNetwork(host: host) }
        do {
            return try http.start(host: host, port: port)
        } catch {
            throw .socket(error)
        }
    }

    /// Stops accepting, finishes the requests in progress (the drain) and closes every connection.
    public func stop() {
        http.stop()
    }

    /// Whether `host` names the loopback interface.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Why the API server could not start.
public enum APIServerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Without a tokens file every request is an administrator, so only loopback may be bound.
    case unauthenticatedOnNetwork(host: String)
    case socket(SocketError)

    public var description: String {
        switch self {
        case .unauthenticatedOnNetwork(let host):
            return "refusing to listen on \(host) without a tokens file: every request would act as an "
                + "administrator; give a tokens file or listen on 127.0.0.1"
        case .socket(let error):
            return "cannot listen: \(error)"
        }
    }
}
