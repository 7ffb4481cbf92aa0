import Foundation
import GovFlowHTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client on one keep-alive connection over loopback: the benchmark's load generator, so that
/// its cost is known and small (no URLSession machinery in the measurement).
final class LoopbackClient {
    private let socket: Int32
    private var buffer: [UInt8] = []
    private let authorization: String

    init(port: UInt16, token: String) throws {
        authorization = "Authorization: Bearer \(token)\r\n"
        socket = try Self.connectedSocket(port) { socket in
            var noDelay: Int32 = 1
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// A TCP socket connected to `port` on 127.0.0.1, after `configure` set its options; closed again when the
    /// connection fails.
    static func connectedSocket(_ port: UInt16, configure: (Int32) -> Void = { _ in }) throws -> Int32 {
        let socket = SystemCall.socket(AF_INET, SystemCall.streamSocket, 0)
        guard socket >= 0 else { throw BenchmarkError("socket() failed: errno \(errno)") }
        configure(socket)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                SystemCall.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(socket)
            throw BenchmarkError("connect() to port \(port) failed: errno \(code)")
        }
        return socket
    }

    deinit {
        close(socket)
    }

    /// Sends one request and reads its whole answer; returns the status code.
    func send(_ method: String, _ path: String, body: String? = nil) throws -> Int {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization
        if let body {
            request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        } else {
            request += "\r\n"
        }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBufferPointer {
                SystemCall.send(socket, $0.baseAddress, $0.count)
            }
            guard count > 0 else { throw BenchmarkError("send() failed: errno \(errno)") }
            sent += count
        }
        return try readResponse()
    }

    private func readResponse() throws -> Int {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            if let range = find(separator) { headerEnd = range } else { try fill() }
        }
        guard let end = headerEnd else { throw BenchmarkError("no header end") }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1])
        else { throw BenchmarkError("bad status line") }
        var length = 0
        for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let total = end + 4 + length
        while buffer.count < total { try fill() }
        buffer.removeFirst(total)
        return status
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for index in 0...(buffer.count - pattern.count) where buffer[index] == pattern[0] {
            if Array(buffer[index..<index + pattern.count]) == pattern { return index }
        }
        return nil
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBufferPointer { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw BenchmarkError("the server closed the connection (recv \(count), errno \(errno))") }
        buffer.append(contentsOf: chunk[..<count])
    }
}
