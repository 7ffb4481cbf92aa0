import Foundation
import Glibc
import Synchronization

/// The thread that accepts connections and reads requests with `poll(2)`, handing whole requests to workers.
///
/// Slow clients hold no thread: the loop reads what arrived, and a connection that does not finish its
/// request before its deadline is answered 408 and closed. `reading` is touched only on the loop thread;
/// workers give connections back through `inbox` and wake the loop through the pipe.
final class EventLoop: @unchecked Sendable {
    private let listener: Socket
    private let wake: WakePipe
    private let configuration: HTTPServer.Configuration
    private let pool: WorkerPool
    private let handler: HTTPServer.Handler

    /// Connections reading a request or idling between requests (loop thread only).
    private var reading: [Int32: Connection] = [:]
    private var listening = true
    private var drainDeadline: MonotonicTime?

    private let inbox = Mutex<[Connection]>([])
    private let stopping = Atomic<Bool>(false)
    private let openConnections = Atomic<Int>(0)
    /// Signalled when the loop has ended.
    let ended = DispatchSemaphore(value: 0)

    init(listener: Socket, wake: WakePipe, configuration: HTTPServer.Configuration, pool: WorkerPool,
         handler: @escaping HTTPServer.Handler) {
        self.listener = listener
        self.wake = wake
        self.configuration = configuration
        self.pool = pool
        self.handler = handler
    }

    /// Asks the loop to stop accepting, finish the requests in progress and end.
    func requestStop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        wake.wake()
    }

    private var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Runs until stopped and drained.
    func run() {
        while true {
            let now = MonotonicTime.now()
            for connection in inbox.withLock({ connections in defer { connections = [] }; return connections }) {
                resume(connection, now: now)
            }
            if isStopping, beginOrContinueDrain(now: now) { break }
            var entries = [pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
            if listening { entries.append(pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)) }
            let watched = Array(reading.values)
            entries += watched.map { pollfd(fd: $0.socket.descriptor, events: Int16(POLLIN), revents: 0) }
            let wakeAt = (watched.map(\.deadline) + [drainDeadline].compactMap { $0 }).min()
            let timeout = wakeAt.map { Int32(clamping: $0.millisecondsFromNow) } ?? -1
            guard poll(&entries, nfds_t(entries.count), timeout) >= 0 || errno == EINTR else { break }

            if entries[0].revents != 0 { wake.drain() }
            if listening, entries[1].revents != 0 { acceptAll() }
            let offset = listening ? 2 : 1
            for (index, connection) in watched.enumerated() where entries[index + offset].revents != 0 {
                read(connection)
            }
            expire(now: MonotonicTime.now())
        }
        for connection in reading.values { close(connection) }
        reading = [:]
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
        for connection in reading.values where !connection.requestStarted {
            reading[connection.socket.descriptor] = nil
            close(connection)
        }
        if openConnections.load(ordering: .sequentiallyConsistent) == 0 { return true }
        return drainDeadline.map { now >= $0 } ?? false
    }

    private func acceptAll() {
        while let socket = try? listener.accept() {
            if openConnections.load(ordering: .sequentiallyConsistent) >= configuration.maximumConnections {
                let busy = HTTPResponse.protocolError(.serviceUnavailable, code: "server-busy",
                                                      message: "the server has too many connections; retry later")
                socket.writeWithoutWaiting(busy.serialized(keepAlive: false))
                socket.close()
                continue
            }
            openConnections.add(1, ordering: .sequentiallyConsistent)
            let connection = Connection(socket: socket, limits: configuration.limits,
                                        deadline: MonotonicTime.now().adding(configuration.requestTimeout))
            reading[socket.descriptor] = connection
        }
    }

    private func read(_ connection: Connection) {
        let result: Socket.ReadResult
        do {
            result = try connection.socket.read(into: &connection.buffer, maximum: 64 * 1024)
        } catch {
            reading[connection.socket.descriptor] = nil
            close(connection)
            return
        }
        switch result {
        case .wouldBlock: return
        case .bytes: process(connection, now: MonotonicTime.now())
        case .closed:
            reading[connection.socket.descriptor] = nil
            close(connection)
        }
    }

    /// A connection back from a worker: serve a pipelined request at once, or wait for the next one.
    private func resume(_ connection: Connection, now: MonotonicTime) {
        guard !isStopping else {
            close(connection)
            return
        }
        connection.deadline = now.adding(configuration.idleTimeout)
        process(connection, now: now)
    }

    /// Hands a complete request (or a parse error) to a worker, else keeps reading.
    private func process(_ connection: Connection, now: MonotonicTime) {
        let descriptor = connection.socket.descriptor
        do {
            if let request = try connection.parser.next(from: &connection.buffer) {
                reading[descriptor] = nil
                connection.requestStarted = false
                connection.sentContinue = false
                pool.submit { [self] in serve(request, on: connection) }
                return
            }
        } catch {
            reading[descriptor] = nil
            pool.submit { [self] in refuse(connection, error) }
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
        reading[descriptor] = connection
    }

    /// Closes connections past their deadline: idle ones silently, those mid-request with a 408.
    private func expire(now: MonotonicTime) {
        for connection in reading.values where connection.deadline <= now {
            reading[connection.socket.descriptor] = nil
            if connection.requestStarted {
                let timeout = HTTPResponse.protocolError(
                    .requestTimeout, code: "request-timeout",
                    message: "the request did not arrive within \(configuration.requestTimeout) seconds")
                connection.socket.writeWithoutWaiting(timeout.serialized(keepAlive: false))
            }
            close(connection)
        }
    }

    // MARK: Workers

    /// Runs the handler and writes its answer (on a worker thread).
    private func serve(_ request: HTTPRequest, on connection: Connection) {
        let response = handler(request)
        let keepAlive = request.keepsAlive && !response.closesConnection && !isStopping
        do {
            try connection.socket.write(response.serialized(keepAlive: keepAlive),
                                        deadline: MonotonicTime.now().adding(configuration.writeTimeout))
        } catch {
            close(connection)
            return
        }
        guard keepAlive else {
            close(connection, lingering: !connection.buffer.isEmpty)
            return
        }
        inbox.withLock { $0.append(connection) }
        wake.wake()
    }

    /// Answers a request that could not be read, then closes (on a worker thread).
    private func refuse(_ connection: Connection, _ error: HTTPParseError) {
        let response = HTTPResponse.protocolError(error.status, code: error.code, message: error.description)
        try? connection.socket.write(response.serialized(keepAlive: false),
                                     deadline: MonotonicTime.now().adding(configuration.writeTimeout))
        close(connection, lingering: true)
    }

    /// Closes a connection from any thread and lets the loop see the count change.
    private func close(_ connection: Connection, lingering: Bool = false) {
        if lingering {
            connection.socket.lingeringClose(deadline: MonotonicTime.now().adding(1))
        } else {
            connection.socket.close()
        }
        openConnections.subtract(1, ordering: .sequentiallyConsistent)
        wake.wake()
    }
}
