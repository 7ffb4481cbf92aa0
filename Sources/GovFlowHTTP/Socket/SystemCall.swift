#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's calls and constants where Glibc and Darwin differ, or where a method of ours (`Socket.close()`,
/// `Socket.listen`) shadows the C function: one place to look when porting the socket layer.
package enum SystemCall {
    /// `SOCK_STREAM` as the `Int32` that `socket(2)` and `addrinfo` take (an enum in Glibc, a macro in Darwin).
    package static var streamSocket: Int32 {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }

    /// The flags for `send(2)`: `MSG_NOSIGNAL` where it exists, so that a peer that went away gives `EPIPE` instead
    /// of `SIGPIPE`; Darwin has no such flag, and `setNoSignal(_:)` sets `SO_NOSIGPIPE` on the socket instead.
    package static var sendFlags: Int32 {
        #if canImport(Glibc)
        Int32(MSG_NOSIGNAL)
        #else
        0
        #endif
    }

    /// Makes writes to a vanished peer fail with `EPIPE` instead of raising `SIGPIPE` on Darwin, which has no
    /// `MSG_NOSIGNAL`; nothing to do on Linux, where `sendFlags` carries it.
    package static func setNoSignal(_ descriptor: Int32) {
        #if canImport(Darwin)
        var yes: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// `socket(2)`.
    package static func socket(_ family: Int32, _ type: Int32, _ proto: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.socket(family, type, proto)
        #else
        Darwin.socket(family, type, proto)
        #endif
    }

    /// `listen(2)`.
    package static func listen(_ descriptor: Int32, _ backlog: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.listen(descriptor, backlog)
        #else
        Darwin.listen(descriptor, backlog)
        #endif
    }

    /// `accept(2)` without the peer's address.
    package static func accept(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.accept(descriptor, nil, nil)
        #else
        Darwin.accept(descriptor, nil, nil)
        #endif
    }

    /// `close(2)`.
    @discardableResult
    package static func close(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.close(descriptor)
        #else
        Darwin.close(descriptor)
        #endif
    }

    /// `shutdown(2)`; `how` is `SHUT_RD`, `SHUT_WR` or `SHUT_RDWR`.
    @discardableResult
    package static func shutdown(_ descriptor: Int32, _ how: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.shutdown(descriptor, how)
        #else
        Darwin.shutdown(descriptor, how)
        #endif
    }

    /// `read(2)`.
    package static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// `write(2)`.
    @discardableResult
    package static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    /// `send(2)` with `sendFlags`.
    package static func send(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.send(descriptor, buffer, count, sendFlags)
        #else
        Darwin.send(descriptor, buffer, count, sendFlags)
        #endif
    }

    /// `connect(2)`.
    package static func connect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>,
                                _ length: socklen_t) -> Int32 {
        #if canImport(Glibc)
        Glibc.connect(descriptor, address, length)
        #else
        Darwin.connect(descriptor, address, length)
        #endif
    }
}
