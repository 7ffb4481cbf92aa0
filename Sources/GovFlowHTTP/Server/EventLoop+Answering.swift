#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EventLoop {
    // MARK: Workers

    /// Runs the handler and hands its answer to the loop (on a worker thread): the worker never waits for the
    /// client.
    func serve(_ request: HTTPRequest, on connection: Connection) {
        let response = handler(request)
        let keepAlive = request.keepsAlive && !response.closesConnection && !isStopping
        let handback = Handback(connection: connection, bytes: response.serialized(keepAlive: keepAlive),
                                after: keepAlive ? .keepAlive : .close)
        inbox.withLock { $0.append(handback) }
        wake.wake()
    }

    // MARK: Writing and closing (loop thread)

    /// Starts writing an answer: as much as the socket takes now, the rest when it is writable again, until the
    /// write deadline. The loop reads no further request on the connection meanwhile, so each connection buffers
    /// at most one answer.
    func write(_ handback: Handback, now: MonotonicTime) {
        let connection = handback.connection
        connection.output = handback.bytes
        connection.written = 0
        pendingOutputBytes += handback.bytes.count
        connection.phase = .writing(then: handback.after)
        connection.deadline = now.adding(configuration.writeTimeout)
        connections[connection.socket.descriptor] = connection
        flush(connection, then: handback.after)
    }

    /// Writes what the socket takes of the pending answer; when all is written, goes on to `after`.
    func flush(_ connection: Connection, then after: Connection.AfterWrite) {
        do {
            let sent = try connection.socket.sendAvailable(connection.output, from: connection.written)
            connection.written += sent
            pendingOutputBytes -= sent
        } catch {
            close(connection)
            return
        }
        guard connection.written == connection.output.count else { return }
        connection.output = []
        connection.written = 0
        switch after {
        case .keepAlive where !isStopping:
            connection.phase = .reading
            connection.deadline = clock.now().adding(configuration.idleTimeout)
            process(connection, now: clock.now())
        case .keepAlive, .close:
            if connection.buffer.isEmpty { close(connection) } else { linger(connection) }
        case .linger:
            linger(connection)
        }
    }

    /// Closes the sending side and discards what the client still sends, until it closes, the linger time runs
    /// out or it sent `lingerBytes`: a close that does not reset the connection before the client read the answer.
    private func linger(_ connection: Connection) {
        connection.socket.shutdownWriting()
        connection.phase = .lingering
        connection.discarded = 0
        connection.deadline = clock.now().adding(configuration.lingerTimeout)
        connection.buffer = []
        discard(connection)
    }

    /// Discards what a lingering client sent; closes when it is done or over its byte bound.
    func discard(_ connection: Connection) {
        let allowance = configuration.lingerBytes - connection.discarded
        guard allowance > 0, let count = connection.socket.discardAvailable(maximum: allowance) else {
            close(connection)
            return
        }
        connection.discarded += count
        if connection.discarded >= configuration.lingerBytes { close(connection) }
    }
}
