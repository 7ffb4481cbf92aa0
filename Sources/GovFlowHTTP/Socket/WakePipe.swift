#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose read end an event loop polls, so that other threads can wake it.
struct WakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws(SocketError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .makeFailed("pipe") }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends {
            let flags = fcntl(end, F_GETFL)
            _ = fcntl(end, F_SETFL, flags | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
    }

    /// Wakes the loop (a full pipe already wakes it, so a failed write is fine).
    func wake() {
        var byte: UInt8 = 1
        SystemCall.write(writeEnd, &byte, 1)
    }

    /// Empties the pipe after a wake-up.
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while bytes.withUnsafeMutableBytes({ SystemCall.read(readEnd, $0.baseAddress, 64) }) > 0 {}
    }

    func close() {
        SystemCall.close(readEnd)
        SystemCall.close(writeEnd)
    }
}
