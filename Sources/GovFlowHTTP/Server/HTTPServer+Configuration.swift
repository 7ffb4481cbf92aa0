import Foundation

extension HTTPServer {
    /// Limits and timeouts of a server. The defaults suit production; tests shorten the timeouts.
    public struct Configuration: Hashable, Sendable {
        /// Head and body size limits.
        public var limits: HTTPRequestParser.Limits
        /// Seconds a client has to send a whole request (head and body) once it started one, or to send the first
        /// request of a new connection. A client sending one byte a second is cut off after this.
        public var requestTimeout: Double
        /// Seconds a kept-alive connection may wait for its next request.
        public var idleTimeout: Double
        /// Seconds an answer may take to be written to a slow reader; the event loop writes it (no worker waits),
        /// one answer per connection at a time, and drops the connection when this runs out.
        public var writeTimeout: Double
        /// Seconds the event loop keeps a connection after an error answer, discarding what the client still
        /// sends (at most `lingerBytes`), so the client reads the answer instead of a reset.
        public var lingerTimeout: Double
        /// Bytes a lingering connection may still send before it is closed.
        public var lingerBytes: Int
        /// Bytes of answers the event loop may hold for slow readers, all connections together. Beyond it a new
        /// request is answered 503 `server-busy` without running its handler (the reserved paths still run).
        public var maximumPendingOutputBytes: Int
        /// Connections open at once; more are answered 503 and closed.
        public var maximumConnections: Int
        /// Threads that run handlers. Handlers that write wait for their commit to reach the disk, so the default
        /// is four per core: while some wait, the others keep the cores busy (and their commits are grouped).
        public var workerCount: Int
        /// Request paths (without query) answered by one reserved worker of their own, so that a busy pool never
        /// delays them: the health check.
        public var reservedPaths: Set<String>
        /// Seconds `stop()` waits for requests in progress before closing their connections.
        public var drainTimeout: Double

        public init(limits: HTTPRequestParser.Limits = HTTPRequestParser.Limits(), requestTimeout: Double = 10,
                    idleTimeout: Double = 60, writeTimeout: Double = 10, lingerTimeout: Double = 2,
                    lingerBytes: Int = 1024 * 1024, maximumPendingOutputBytes: Int = 256 * 1024 * 1024,
                    maximumConnections: Int = 512,
                    workerCount: Int = 4 * ProcessInfo.processInfo.activeProcessorCount,
                    reservedPaths: Set<String> = ["/healthz"], drainTimeout: Double = 10) {
            self.limits = limits
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.writeTimeout = writeTimeout
            self.lingerTimeout = lingerTimeout
            self.lingerBytes = max(0, lingerBytes)
            self.maximumPendingOutputBytes = max(0, maximumPendingOutputBytes)
            self.maximumConnections = maximumConnections
            self.workerCount = max(1, workerCount)
            self.reservedPaths = reservedPaths
            self.drainTimeout = drainTimeout
        }
    }
}
