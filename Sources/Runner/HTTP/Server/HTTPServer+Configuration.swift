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
        /// Seconds a response may take to be written to a slow reader.
        public var writeTimeout: Double
        /// Connections open at once; more are answered 503 and closed.
        public var maximumConnections: Int
        /// Threads that run handlers. Handlers that write wait for their commit to reach the disk, so the default
        /// is four per core: while some wait, the others keep the cores busy (and their commits are grouped).
        public var workerCount: Int
        /// Seconds `stop()` waits for requests in progress before closing their connections.
        public var drainTimeout: Double

        public init(limits: HTTPRequestParser.Limits = HTTPRequestParser.Limits(), requestTimeout: Double = 10,
                    idleTimeout: Double = 60, writeTimeout: Double = 10, maximumConnections: Int = 512,
                    workerCount: Int = 4 * ProcessInfo.processInfo.activeProcessorCount, drainTimeout: Double = 10) {
            self.limits = limits
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.writeTimeout = writeTimeout
            self.maximumConnections = maximumConnections
            self.workerCount = max(1, workerCount)
            self.drainTimeout = drainTimeout
        }
    }
}
