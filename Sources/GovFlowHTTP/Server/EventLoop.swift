import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The thread that accepts connections, reads requests, writes answers and closes connections with `poll(2)`;
/// workers only run handlers.
///
/// No client can hold a worker: slow senders are cut off at their request deadline (408), slow readers at their
/// write deadline, and the lingering close after an error answer (discarding what the client still sends) is the
/// loop's too, with its own time and byte bounds. `connections` is touched only on the loop thread; workers hand
/// their answers back through `inbox` and wake the loop through the pipe.
final class EventLoop: @unchecked Sendable {
    /// An answer a worker hands back to the loop to write.
    struct Handback {
        let connection: Connection
        let bytes: [UInt8]
        let after: Connection.AfterWrite
    }

    private let listener: Socket
    let wake: WakePipe
    let configuration: HTTPServer.Configuration
    let clock: any LoopClock
    let pool: WorkerPool
    let reserved: WorkerPool
    let handler: HTTPServer.Handler

    /// Every connection the loop owns (reading, writing or lingering), by descriptor (loop thread only).
    var connections: [Int32: Connection] = [:]
    /// Bytes of answers not yet written, all connections together (loop thread only).
    var pendingOutputBytes = 0
    private var listening = true
    private var drainDeadline: MonotonicTime?

    let inbox = Mutex<[Handback]>([])
    private let stopping = Atomic<Bool>(false)
    private let open = Atomic<Int>(0)
    /// Whether the clock may still wake the loop (false once the pipe is closed).
    private let clockMayWake = Mutex<Bool>(true)
    /// Signalled when the loop has ended.
    let ended = DispatchSemaphore(value: 0)

    init(listener: Socket, wake: WakePipe, configuration: HTTPServer.Configuration, clock: any LoopClock,
         pool: WorkerPool, reserved: WorkerPool, handler: @escaping HTTPServer.Handler) {
        self.listener = listener
        self.wake = wake
        self.configuration = configuration
        self.clock = clock
        self.pool = pool
        self.reserved = reserved
        self.handler = handler
        clock.whenAdvanced { [weak self] in self?.wakeForClock() }
    }

    /// Asks the loop to stop accepting, finish the requests in progress and end.
    func requestStop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        wake.wake()
    }

    var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Connections open now (accepted and not yet closed).
    var openConnections: Int { open.load(ordering: .sequentiallyConsistent) }

    private func wakeForClock() {
        clockMayWake.withLock { mayWake in if mayWake { wake.wake() } }
    }

    /// Closes what workers handed back after the loop ended (call after the pools have stopped), and stops the
    /// clock from waking the loop, whose pipe is about to close.
    func closeLeftovers() {
        clockMayWake.withLock { $0 = false }
        for handback in inbox.withLock({ handbacks in defer { handbacks = [] }; return handbacks }) {
            close(handback.connection)
        }
    }

    /// Runs until stopped and drained.
    func run() {
        while true {
            for handback in inbox.withLock({ handbacks in defer { handbacks = [] }; return handbacks }) {
                write(handback, now: clock.now())
            }
            if isStopping, beginOrContinueDrain(now: clock.now()) { break }
            var entries = [pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
            if listening { entries.append(pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)) }
            let watched = connections.values.filter { $0.pollEvents != nil }
            entries += watched.map { pollfd(fd: $0.socket.descriptor, events: $0.pollEvents ?? 0, revents: 0) }
            let wakeAt = (watched.map(\.deadline) + [drainDeadline].compactMap { $0 }).min()
            let timeout = wakeAt.map { clock.pollTimeout(until: $0) } ?? -1
            guard poll(&entries, nfds_t(entries.count), timeout) >= 0 || errno == EINTR else { break }

            if entries[0].revents != 0 { wake.drain() }
            if listening, entries[1].revents != 0 { acceptAll() }
            let offset = listening ? 2 : 1
            for (index, connection) in watched.enumerated() where entries[index + offset].revents != 0 {
                ready(connection)
            }
            expire(now: clock.now())
        }
        // Connections a worker still has are closed when it hands them back (`closeLeftovers`).
        for connection in connections.values where connection.phase != .working { close(connection) }
        connections = [:]
        if listening { listener.close() }
        ended.signal()
    }

    /// Stops listening, closes idle connections; true when nothing is left or the drain time is over.
    private func beginOrContinueDrain(now: MonotonicTime) -> Bool {
        if listening {
            listener.close()
            listening = false
            drainDeadline = now.adding(configuration.drainTimeout)
        }
        for connection in connections.values where connection.phase == .reading && !connection.requestStarted {
            close(connection)
        }
        if openConnections == 0 { return true }
        return drainDeadline.map { now >= $0 } ?? false
    }

    private func acceptAll() {
        while let socket = try? listener.accept() {
            if openConnections >= configuration.maximumConnections {
                let busy = HTTPResponse.protocolError(.serviceUnavailable, code: "server-busy",
                                                      message: "the server has too many connections; retry later")
                socket.writeWithoutWaiting(busy.serialized(keepAlive: false))
                socket.close()
                continue
            }
            open.add(1, ordering: .sequentiallyConsistent)
            let connection = Connection(socket: socket, limits: configuration.limits,
                                        deadline: clock.now().adding(configuration.requestTimeout))
            connections[socket.descriptor] = connection
        }
    }

    /// The socket of `connection` is ready for what its phase waits for.
    private func ready(_ connection: Connection) {
        switch connection.phase {
        case .reading: read(connection)
        case .writing(let after): flush(connection, then: after)
        case .lingering: discard(connection)
        case .working: break
        }
    }

    private func read(_ connection: Connection) {
        let result: Socket.ReadResult
        do {
            result = try connection.socket.read(into: &connection.buffer, maximum: 64 * 1024)
        } catch {
            close(connection)
            return
        }
        switch result {
        case .wouldBlock: return
        case .bytes: process(connection, now: clock.now())
        case .closed: close(connection)
        }
    }

    /// Hands a complete request to a worker, answers a request that cannot be read, else keeps reading.
    func process(_ connection: Connection, now: MonotonicTime) {
        do {
            if let request = try connection.parser.next(from: &connection.buffer) {
                let reserved = configuration.reservedPaths.contains(request.path)
                if !reserved, pendingOutputBytes > configuration.maximumPendingOutputBytes {
                    let busy = HTTPResponse.protocolError(
                        .serviceUnavailable, code: "server-busy",
                        message: "the server holds too many unread answers for slow clients; retry later")
                    write(Handback(connection: connection, bytes: busy.serialized(keepAlive: false), after: .close),
                          now: now)
                    return
                }
                connection.phase = .working
                connection.requestStarted = false
                connection.sentContinue = false
                let workers = reserved ? self.reserved : pool
                workers.submit { [self] in serve(request, on: connection) }
                return
            }
        } catch {
            let response = HTTPResponse.protocolError(error.status, code: error.code, message: error.description)
            write(Handback(connection: connection, bytes: response.serialized(keepAlive: false), after: .linger),
                  now: now)
            return
        }
        if !connection.requestStarted, !connection.buffer.isEmpty || connection.parser.awaitsBody {
            connection.requestStarted = true
            connection.deadline = now.adding(configuration.requestTimeout)
        }
        if connection.parser.expectsContinue, !connection.sentContinue {
            connection.socket.writeWithoutWaiting(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            connection.sentContinue = true
        }
    }

    /// Ends connections past their deadline: idle ones silently, those mid-request with a 408, slow readers and
    /// lingering ones by closing.
    private func expire(now: MonotonicTime) {
        for connection in connections.values where connection.phase != .working && connection.deadline <= now {
            guard connection.phase == .reading, connection.requestStarted else {
                close(connection)
                continue
            }
            let timeout = HTTPResponse.protocolError(
                .requestTimeout, code: "request-timeout",
                message: "the request did not arrive within \(configuration.requestTimeout) seconds")
            write(Handback(connection: connection, bytes: timeout.serialized(keepAlive: false), after: .linger),
                  now: now)
        }
    }

    /// Closes a connection (loop thread, or after the loop ended).
    func close(_ connection: Connection) {
        if case .writing = connection.phase {
            pendingOutputBytes -= connection.output.count - connection.written
            connection.output = []
            connection.written = 0
        }
        if connections[connection.socket.descriptor] === connection {
            connections[connection.socket.descriptor] = nil
        }
        connection.socket.close()
        open.subtract(1, ordering: .sequentiallyConsistent)
    }
}
