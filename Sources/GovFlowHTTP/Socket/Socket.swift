#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX stream socket owned by whoever holds it; `close()` must be called exactly once.
///
/// Every socket is non-blocking: reads and writes that would block report it, and the callers wait with
/// `poll(2)` and a deadline, so no slow peer can hold a thread.
struct Socket: Hashable, Sendable {
    /// The file descriptor.
    let descriptor: Int32

    /// What a non-blocking read found.
    enum ReadResult: Equatable {
        /// Some bytes arrived.
        case bytes(Int)
        /// Nothing to read now.
        case wouldBlock
        /// The peer closed its side.
        case closed
    }

    /// Makes the descriptor non-blocking and close-on-exec.
    func makeNonBlocking() throws(SocketError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) >= 0 else { throw .makeFailed("fcntl") }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    /// Reads what is available into `buffer`, at most `maximum` bytes.
    func read(into buffer: inout [UInt8], maximum: Int) throws(SocketError) -> ReadResult {
        var chunk = [UInt8](repeating: 0, count: maximum)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, maximum, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return .bytes(count)
        }
        if count == 0 { return .closed }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
        if errno == ECONNRESET { return .closed }
        throw .makeFailed("recv")
    }

    /// Sends what the socket takes now of `bytes` from `offset`, without waiting: the count sent, 0 when the
    /// socket takes nothing now. Uses `MSG_NOSIGNAL` (`SO_NOSIGPIPE` on Darwin), so a peer that went away gives
    /// `EPIPE` instead of killing the process.
    func sendAvailable(_ bytes: [UInt8], from offset: Int) throws(SocketError) -> Int {
        var total = 0
        while offset + total < bytes.count {
            let start = offset + total
            let sent = bytes.withUnsafeBytes { raw in
                SystemCall.send(descriptor, raw.baseAddress.map { $0 + start }, bytes.count - start)
            }
            if sent > 0 {
                total += sent
                continue
            }
            guard sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw .makeFailed("send")
            }
            if errno != EINTR { break }
        }
        return total
    }

    /// Writes what the socket takes now without waiting: for short best-effort answers from the event loop.
    func writeWithoutWaiting(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { SystemCall.send(descriptor, $0.baseAddress, bytes.count) }
    }

    /// Closes the descriptor.
    func close() {
        SystemCall.close(descriptor)
    }

    /// Stops further sends and receives, waking any `poll` on it; the descriptor stays open.
    func shutdown() {
        SystemCall.shutdown(descriptor, Int32(SHUT_RDWR))
    }
}

extension Socket {
    /// Stops sending (the client reads the end of the answer) but keeps receiving: the start of a lingering close.
    func shutdownWriting() {
        SystemCall.shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Reads and drops what arrived, up to `maximum` bytes: the count, or `nil` when the peer closed or failed.
    func discardAvailable(maximum: Int) -> Int? {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var total = 0
        while total < maximum {
            let count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                total += count
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                return total
            } else {
                return nil
            }
        }
        return total
    }
}
