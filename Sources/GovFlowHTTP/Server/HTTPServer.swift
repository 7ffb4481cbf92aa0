import Foundation
import Synchronization

/// An HTTP/1.1 server on POSIX sockets: one event-loop thread reads requests and writes answers, a fixed pool of
/// workers runs the handler (and one reserved worker the `reservedPaths`, e.g. the health check), keep-alive and
/// pipelining are supported, and every limit and timeout is enforced. No client holds a worker longer than its
/// handler runs.
///
/// ```swift
/// let server = HTTPServer(configuration: .init()) { request in HTTPResponse(status: .ok) }
/// let port = try server.start(host: "127.0.0.1", port: 0)
/// server.stop()
/// ```
public final class HTTPServer: Sendable {
    /// Answers one request; runs on a worker thread and may block briefly (e.g. on the store).
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    private struct Running: @unchecked Sendable {
        let loop: EventLoop
        let pool: WorkerPool
        let reserved: WorkerPool
        let wake: WakePipe
        let port: UInt16
    }

    /// The limits and timeouts it enforces.
    public let configuration: Configuration
    private let handler: Handler
    private let clock: any LoopClock
    private let running = Mutex<Running?>(nil)

    /// A server that answers every request with `handler`; call `start(host:port:)` to listen. `clock` times the
    /// request, idle, write and linger deadlines (tests pass a `ManualLoopClock`).
    public init(configuration: Configuration = Configuration(), clock: any LoopClock = SystemLoopClock(),
                handler: @escaping Handler) {
        self.configuration = configuration
        self.clock = clock
        self.handler = handler
    }

    /// The port the server listens on, while it runs.
    public var port: UInt16? { running.withLock { $0?.port } }

    /// Connections open now (reading, being answered, written to or lingering); 0 when stopped.
    public var openConnectionCount: Int { running.withLock { $0?.loop.openConnections ?? 0 } }

    /// Binds `host`:`port` (0 for an ephemeral port), starts serving, and returns the bound port.
    @discardableResult
    public func start(host: String, port: UInt16) throws(SocketError) -> UInt16 {
        try running.withLock { (running: inout Running?) throws(SocketError) -> UInt16 in
            if let running { return running.port }
            let listener = try Socket.listen(host: host, port: port, backlog: 512)
            let bound: UInt16
            let wake: WakePipe
            do throws(SocketError) {
                bound = try listener.boundPort()
                wake = try WakePipe()
            } catch {
                listener.close()
                throw error
            }
            let pool = WorkerPool(count: configuration.workerCount, name: "govflow-http-worker")
            let reserved = WorkerPool(count: 1, name: "govflow-http-reserved")
            let loop = EventLoop(listener: listener, wake: wake, configuration: configuration, clock: clock,
                                 pool: pool, reserved: reserved, handler: handler)
            let thread = Thread { loop.run() }
            thread.name = "govflow-http-loop"
            thread.start()
            running = Running(loop: loop, pool: pool, reserved: reserved, wake: wake, port: bound)
            return bound
        }
    }

    /// Stops accepting, lets requests in progress finish (up to the drain timeout), closes every connection
    /// and returns when all threads have ended.
    public func stop() {
        guard let current = running.withLock({ running in defer { running = nil }; return running }) else { return }
        current.loop.requestStop()
        current.loop.ended.wait()
        current.pool.shutdown()
        current.reserved.shutdown()
        current.loop.closeLeftovers()
        current.wake.close()
    }
}
