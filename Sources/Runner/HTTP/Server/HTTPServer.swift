import Foundation
import Synchronization

/// An HTTP/1.1 server on POSIX sockets: one event-loop thread reads requests, a fixed pool of workers runs the
/// handler, keep-alive and pipelining are supported, and every limit and timeout is enforced.
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
        let wake: WakePipe
        let port: UInt16
    }

    /// The limits and timeouts it enforces.
    public let configuration: Configuration
    private let handler: Handler
    private let running = Mutex<Running?>(nil)

    /// A server that answers every request with `handler`; call `start(host:port:)` to listen.
    public init(configuration: Configuration = Configuration(), handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The port the server listens on, while it runs.
    public var port: UInt16? { running.withLock { $0?.port } }

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
            let loop = EventLoop(listener: listener, wake: wake, configuration: configuration, pool: pool,
                                 handler: handler)
            let thread = Thread { loop.run() }
            thread.name = "govflow-http-loop"
            thread.start()
            running = Running(loop: loop, pool: pool, wake: wake, port: bound)
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
        current.wake.close()
    }
}
