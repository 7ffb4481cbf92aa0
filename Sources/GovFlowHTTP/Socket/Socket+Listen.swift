#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Socket {
    /// A non-blocking socket listening on `host`:`port` (port 0: an ephemeral port) with `SO_REUSEADDR`.
    static func listen(host: String, port: UInt16, backlog: Int32) throws(SocketError) -> Socket {
        let context = "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = SystemCall.streamSocket
        hints.ai_flags = AI_PASSIVE
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw SocketError(call: "getaddrinfo", code: status, context: context)
        }
        defer { freeaddrinfo(results) }

        let address = first.pointee
        let descriptor = SystemCall.socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard descriptor >= 0 else { throw .makeFailed("socket", context: context) }
        let socket = Socket(descriptor: descriptor)
        do throws(SocketError) {
            var yes: Int32 = 1
            let size = socklen_t(MemoryLayout<Int32>.size)
            guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, size) == 0 else {
                throw .makeFailed("setsockopt(SO_REUSEADDR)", context: context)
            }
            guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
                throw .makeFailed("bind", context: context)
            }
            guard SystemCall.listen(descriptor, backlog) == 0 else { throw .makeFailed("listen", context: context) }
            try socket.makeNonBlocking()
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// The port the socket is bound to (the ephemeral one chosen for port 0).
    func boundPort() throws(SocketError) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { throw .makeFailed("getsockname") }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin6_port)
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                UInt16(bigEndian: $0.pointee.sin_port)
            }
        }
    }

    /// Accepts a pending connection as a non-blocking socket, or `nil` when none is waiting.
    func accept() throws(SocketError) -> Socket? {
        let descriptor = SystemCall.accept(self.descriptor)
        guard descriptor >= 0 else {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR || errno == ECONNABORTED { return nil }
            throw .makeFailed("accept")
        }
        SystemCall.setNoSignal(descriptor)
        let socket = Socket(descriptor: descriptor)
        do throws(SocketError) {
            try socket.makeNonBlocking()
        } catch {
            socket.close()
            throw error
        }
        return socket
    }
}
