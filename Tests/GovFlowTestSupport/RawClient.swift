import Foundation
import GovFlowHTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking test client on a raw socket, for input no real client would send.
package final class RawClient {
    package let descriptor: Int32

    /// A connection to the loopback `port`; `receiveBuffer` shrinks the kernel's receive buffer (a slow reader).
    package init(port: UInt16, receiveBuffer: Int32? = nil) throws {
        descriptor = SystemCall.socket(AF_INET, SystemCall.streamSocket, 0)
        if var size = receiveBuffer {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(descriptor)
            throw RawClientError.connectFailed(errno)
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    package func send(_ text: String) {
        send(Array(text.utf8))
    }

    package func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { SystemCall.send(descriptor, $0.baseAddress, bytes.count) }
    }

    private var pending: [UInt8] = []

    /// Waits up to `milliseconds` for something to read (or the end of the connection).
    package func waitReadable(milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Reads one response (head and Content-Length body); `nil` if the server closed first.
    package func readResponse() -> RawResponse? {
        while true {
            if let response = RawResponse.take(from: &pending) { return response }
            guard let chunk = receive() else { return nil }
            pending += chunk
        }
    }

    /// Whether the server closed the connection (reading gets end of file), within the receive timeout.
    package func isClosedByServer() -> Bool {
        while let chunk = receive() { pending += chunk }
        return true
    }

    /// Reads what arrives within the receive timeout, at most `maximum` bytes; empty at the end of the connection.
    package func receiveSome(maximum: Int = 65536) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximum)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, maximum, 0) }
        return count > 0 ? Array(buffer[0..<count]) : []
    }

    private func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 65536, 0) }
        return count > 0 ? Array(buffer[0..<count]) : nil
    }
}

package enum RawClientError: Error {
    case connectFailed(Int32)
}

package struct RawResponse {
    package let status: Int
    package let headers: [String: String]
    package let body: String

    package static func take(from buffer: inout [UInt8]) -> RawResponse? {
        let text = String(decoding: buffer, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let headLength = text[..<end.upperBound].utf8.count
        guard buffer.count >= headLength + length else { return nil }
        let body = String(decoding: buffer[headLength..<(headLength + length)], as: UTF8.self)
        buffer.removeFirst(headLength + length)
        return RawResponse(status: status, headers: headers, body: body)
    }
}

/// Live tests of the HTTP layer on an ephemeral loopback port, with an echo handler.
