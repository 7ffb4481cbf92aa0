#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection: its socket, the bytes read so far, the parser's progress and what the loop does with it.
///
/// Owned by one thread at a time: the event loop while it reads a request, writes an answer or lingers, and the
/// worker that runs the handler in between. The hand-over goes through a lock (the worker pool's queue or the
/// loop's inbox), which orders the accesses; hence `@unchecked Sendable`.
final class Connection: @unchecked Sendable {
    /// What the event loop waits for on a connection.
    enum Phase: Equatable {
        /// The next request (or the rest of one).
        case reading
        /// A worker runs the handler; the loop does not watch the socket.
        case working
        /// The socket to take the rest of `output`; then `after`.
        case writing(then: AfterWrite)
        /// The client to close its side after an error answer: the loop discards what it still sends.
        case lingering
    }

    /// What follows a written answer.
    enum AfterWrite: Equatable {
        /// Read the next request.
        case keepAlive
        /// Close (lingering if the client sent more than was read).
        case close
        /// Close after discarding what the client still sends, so it can read the answer (after a 4xx).
        case linger
    }

    let socket: Socket
    var buffer: [UInt8] = []
    var parser: HTTPRequestParser
    var phase: Phase = .reading
    /// When the loop gives up waiting, in the current phase.
    var deadline: MonotonicTime
    /// Whether a request has started arriving (its head timeout runs) rather than the connection idling.
    var requestStarted = false
    /// Whether `100 Continue` was sent for the pending head.
    var sentContinue = false
    /// The answer being written; one at a time (the loop reads no further request meanwhile).
    var output: [UInt8] = []
    /// How much of `output` the socket took.
    var written = 0
    /// Bytes discarded while lingering.
    var discarded = 0

    init(socket: Socket, limits: HTTPRequestParser.Limits, deadline: MonotonicTime) {
        self.socket = socket
        self.parser = HTTPRequestParser(limits: limits)
        self.deadline = deadline
    }

    /// The `poll(2)` events the loop waits for, `nil` while a worker has the connection.
    var pollEvents: Int16? {
        switch phase {
        case .reading, .lingering: Int16(POLLIN)
        case .writing: Int16(POLLOUT)
        case .working: nil
        }
    }
}
