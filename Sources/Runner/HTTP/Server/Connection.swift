/// One client connection: its socket, the bytes read so far and the parser's progress.
///
/// Owned by one thread at a time: the event loop while it reads a request, then the worker that answers it,
/// then the loop again. The hand-over goes through a lock (the worker pool's queue or the loop's inbox),
/// which orders the accesses; hence `@unchecked Sendable`.
final class Connection: @unchecked Sendable {
    let socket: Socket
    var buffer: [UInt8] = []
    var parser: HTTPRequestParser
    /// When the loop gives up waiting for the next bytes.
    var deadline: MonotonicTime
    /// Whether a request has started arriving (its head timeout runs) rather than the connection idling.
    var requestStarted = false
    /// Whether `100 Continue` was sent for the pending head.
    var sentContinue = false

    init(socket: Socket, limits: HTTPRequestParser.Limits, deadline: MonotonicTime) {
        self.socket = socket
        self.parser = HTTPRequestParser(limits: limits)
        self.deadline = deadline
    }
}
