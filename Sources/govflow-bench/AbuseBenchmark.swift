import Foundation
import GovFlowHTTP
import Runner
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `/healthz` and an ordinary request under abuse: clients that send garbage and keep the socket open (the server
/// lingers on them), and clients that ask for a large answer and never read it. Reports the latency of sequential
/// health checks and ordinary requests while the abusers hold their connections; none of them may hold a worker.
struct AbuseBenchmark {
    static let largeBody = [UInt8](repeating: UInt8(ascii: "x"), count: 4 * 1024 * 1024)

    func run(quick: Bool) throws {
        let server = HTTPServer(configuration: HTTPServer.Configuration(workerCount: 2)) { request in
            request.path == "/large" ? HTTPResponse(status: .ok, body: Self.largeBody)
                : HTTPResponse(status: .ok, body: Array("ok".utf8))
        }
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        let abusers = quick ? 16 : 32
        var sockets: [Int32] = []
        defer { for socket in sockets { close(socket) } }
        for _ in 0..<abusers {
            sockets.append(try Self.connect(port, receiveBuffer: nil, sending: "BAD\r\n\r\n"))
            sockets.append(try Self.connect(port, receiveBuffer: 4096,
                                            sending: "GET /large HTTP/1.1\r\nHost: b\r\n\r\n"))
        }
        let requests = quick ? 500 : 2_000
        for path in ["/healthz", "/ok"] {
            let client = try LoopbackClient(port: port, token: "unused-by-this-server")
            var latencies: [UInt64] = []
            var failures = 0
            let seconds = try measureSeconds {
                for _ in 0..<requests {
                    let start = DispatchTime.now().uptimeNanoseconds
                    if try client.send("GET", path) != 200 { failures += 1 }
                    latencies.append(DispatchTime.now().uptimeNanoseconds - start)
                }
            }
            latencies.sort()
            func milliseconds(_ p: Double) -> Double {
                Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1e6
            }
            Measurement(name: "http.abuse\(path.replacingOccurrences(of: "/", with: "-"))",
                        parameters: ["lingeringGarbage": String(abusers), "nonReaders": String(abusers),
                                     "workers": "2", "requests": String(requests)],
                        operations: requests, seconds: seconds,
                        extra: ["p50Milliseconds": milliseconds(0.5), "p99Milliseconds": milliseconds(0.99),
                                "maxMilliseconds": Double(latencies.last ?? 0) / 1e6,
                                "failures": Double(failures),
                                "openConnections": Double(server.openConnectionCount)]).print()
        }
    }

    /// A loopback connection that sends `text` and is then left alone.
    private static func connect(_ port: UInt16, receiveBuffer: Int32?, sending text: String) throws -> Int32 {
        let socket = try LoopbackClient.connectedSocket(port) { socket in
            if var size = receiveBuffer {
                setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            }
        }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { SystemCall.send(socket, $0.baseAddress, bytes.count) }
        return socket
    }
}
