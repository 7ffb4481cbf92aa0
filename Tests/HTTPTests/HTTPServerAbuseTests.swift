import Foundation
import GovFlowHTTP
import GovFlowTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Clients that misbehave on purpose (garbage that lingers, readers that never read, a busy pool) hold no worker,
/// and the health check still answers. Timeouts run on a `ManualLoopClock` where the test must see them expire.
@Suite(.serialized) struct HTTPServerAbuseTests {
    static let largeBody = [UInt8](repeating: UInt8(ascii: "x"), count: 4 * 1024 * 1024)
    /// More than the kernel's socket buffers take (the send buffer grows to 4 MiB on Linux by default).
    static let hugeBody = [UInt8](repeating: UInt8(ascii: "y"), count: 16 * 1024 * 1024)

    /// `/large` answers 4 MiB, `/healthz` "ok", anything else echoes its request line.
    static func handler(_ request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/large": HTTPResponse(status: .ok, body: largeBody)
        case "/huge": HTTPResponse(status: .ok, body: hugeBody)
        case "/healthz": HTTPResponse(status: .ok, body: Array("ok".utf8))
        default: HTTPServerTests.echo(request)
        }
    }

    static func configuration(workers: Int = 2) -> HTTPServer.Configuration {
        HTTPServer.Configuration(requestTimeout: 30, idleTimeout: 30, writeTimeout: 30, lingerTimeout: 30,
                                 maximumConnections: 64, workerCount: workers, drainTimeout: 1)
    }

    /// Waits (bounded: up to 5 s of 10 ms steps) until the server has `count` connections open.
    static func awaitOpenConnections(_ server: HTTPServer, _ count: Int) -> Int {
        for _ in 0..<500 where server.openConnectionCount != count { usleep(10_000) }
        return server.openConnectionCount
    }

    static func get(_ port: UInt16, _ path: String) throws -> (RawClient, RawResponse?) {
        let client = try RawClient(port: port)
        client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
        return (client, client.readResponse())
    }

    @Test func lingeringGarbage_AndNonReadingClients_HoldNoWorker_AndHealthzAnswers() throws {
        let server = HTTPServer(configuration: Self.configuration(), handler: Self.handler)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        var abusers: [RawClient] = []
        for _ in 0..<16 {
            let garbage = try RawClient(port: port)
            garbage.send("BAD\r\n\r\n")
            abusers.append(garbage)
            let sleeper = try RawClient(port: port, receiveBuffer: 4096)
            sleeper.send("GET /large HTTP/1.1\r\nHost: t\r\n\r\n")
            abusers.append(sleeper)
        }

        let (health, healthAnswer) = try Self.get(port, "/healthz")
        #expect(healthAnswer?.status == 200)
        #expect(healthAnswer?.body == "ok")
        let (alive, aliveAnswer) = try Self.get(port, "/alive")
        #expect(aliveAnswer?.body == "GET /alive ")
        #expect(server.openConnectionCount == 34)
        withExtendedLifetime((abusers, health, alive)) {}
    }

    @Test func healthz_IsAnsweredByTheReservedWorker_WhileEveryWorkerIsBusy() throws {
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        let server = HTTPServer(configuration: Self.configuration(workers: 1)) { request in
            if request.path == "/busy" {
                entered.signal()
                release.wait()
            }
            return Self.handler(request)
        }
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        let busy = try RawClient(port: port)
        busy.send("GET /busy HTTP/1.1\r\nHost: t\r\n\r\n")
        entered.wait()

        let (health, answer) = try Self.get(port, "/healthz")
        #expect(answer?.status == 200)
        #expect(answer?.body == "ok")
        release.signal()
        #expect(busy.readResponse()?.body == "GET /busy ")
        withExtendedLifetime(health) {}
    }

    @Test func lingeringConnection_IsClosedWhenItsLingerTimeRunsOut() throws {
        let clock = ManualLoopClock()
        var configuration = Self.configuration()
        configuration.lingerTimeout = 2
        let server = HTTPServer(configuration: configuration, clock: clock, handler: Self.handler)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        let garbage = try RawClient(port: port)
        garbage.send("BAD\r\n\r\n")
        let answer = garbage.readResponse()
        #expect(answer?.status == 400)
        #expect(answer?.headers["connection"] == "close")

        // A probe answered after the 400 shows the loop has started the linger (in the iteration that wrote the 400).
        let (probe, probeAnswer) = try Self.get(port, "/probe")
        #expect(probeAnswer?.status == 200)
        clock.advance(by: 1.5)
        probe.send("GET /again HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(probe.readResponse()?.body == "GET /again ")
        #expect(server.openConnectionCount == 2, "the garbage connection lingers for 2 s")

        clock.advance(by: 1)
        #expect(Self.awaitOpenConnections(server, 1) == 1, "the garbage connection is closed after 2 s")
        withExtendedLifetime((garbage, probe)) {}
    }

    @Test func lingeringConnection_IsClosedWhenItSendsMoreThanTheLingerBound() throws {
        var configuration = Self.configuration()
        configuration.lingerBytes = 1000
        let server = HTTPServer(configuration: configuration, handler: Self.handler)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        let garbage = try RawClient(port: port)
        garbage.send("BAD\r\n\r\n")
        #expect(garbage.readResponse()?.status == 400)
        #expect(server.openConnectionCount == 1)

        garbage.send([UInt8](repeating: 0, count: 2000))
        #expect(Self.awaitOpenConnections(server, 0) == 0)
    }

    @Test func nonReadingClient_IsDroppedAtTheWriteTimeout_WhileOthersAreServed() throws {
        let clock = ManualLoopClock()
        var configuration = Self.configuration()
        configuration.writeTimeout = 10
        let server = HTTPServer(configuration: configuration, clock: clock, handler: Self.handler)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        let sleeper = try RawClient(port: port, receiveBuffer: 4096)
        sleeper.send("GET /large HTTP/1.1\r\nHost: t\r\n\r\n")
        let start = sleeper.receiveSome(maximum: 16)
        #expect(String(decoding: start, as: UTF8.self) == "HTTP/1.1 200 OK\r")

        clock.advance(by: 9)
        let (probe, probeAnswer) = try Self.get(port, "/probe")
        #expect(probeAnswer?.body == "GET /probe ")
        #expect(server.openConnectionCount == 2, "the answer may take 10 s to be written")

        clock.advance(by: 2)
        #expect(Self.awaitOpenConnections(server, 1) == 1, "the slow reader is dropped after 10 s")
        var received = start.count
        while true {
            let chunk = sleeper.receiveSome()
            if chunk.isEmpty { break }
            received += chunk.count
        }
        #expect(received < Self.largeBody.count, "the slow reader did not get the whole answer")
        withExtendedLifetime(probe) {}
    }

    @Test func stop_WithAHandlerRunningPastTheDrainTime_ReturnsAndClosesItsConnection() throws {
        let clock = ManualLoopClock()
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        let server = HTTPServer(configuration: Self.configuration(), clock: clock) { request in
            entered.signal()
            release.wait()
            return Self.handler(request)
        }
        let port = try server.start(host: "127.0.0.1", port: 0)
        let client = try RawClient(port: port)
        client.send("GET /late HTTP/1.1\r\nHost: t\r\n\r\n")
        entered.wait()

        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.stop()
            stopped.signal()
        }.start()
        // The drain has begun once the listener is closed (bounded wait: 5 s of 10 ms steps).
        var listening = true
        for _ in 0..<500 where listening {
            if (try? RawClient(port: port)) == nil { listening = false } else { usleep(10_000) }
        }
        #expect(!listening)
        clock.advance(by: 2)
        release.signal()
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        // Whether the answer still went out depends on whether the loop saw the drain end first; either way the
        // connection ends (end of file, not the receive timeout).
        var ended = false
        for _ in 0..<10 where !ended {
            guard client.waitReadable(milliseconds: 2000) else { break }
            ended = client.receiveSome().isEmpty
        }
        #expect(ended, "the connection was closed")
    }

    @Test func answersHeldForSlowReaders_AreCapped_NewRequestsGet503_HealthzStillAnswers() throws {
        let clock = ManualLoopClock()
        var configuration = Self.configuration()
        configuration.writeTimeout = 10
        configuration.maximumPendingOutputBytes = 1024 * 1024
        let server = HTTPServer(configuration: configuration, clock: clock, handler: Self.handler)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        let sleeper = try RawClient(port: port, receiveBuffer: 4096)
        sleeper.send("GET /huge HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(sleeper.receiveSome(maximum: 16).count == 16)

        let (busy, busyAnswer) = try Self.get(port, "/probe")
        #expect(busyAnswer?.status == 503)
        #expect(busyAnswer?.body == #"{"error":{"code":"server-busy","message":"the server holds too many unread "#
            + #"answers for slow clients; retry later","details":null}}"#)
        #expect(busyAnswer?.headers["connection"] == "close")
        let (health, healthAnswer) = try Self.get(port, "/healthz")
        #expect(healthAnswer?.body == "ok")

        clock.advance(by: 11)
        #expect(Self.awaitOpenConnections(server, 1) == 1, "the slow reader was dropped, its answer freed")
        let (probe, probeAnswer) = try Self.get(port, "/probe")
        #expect(probeAnswer?.body == "GET /probe ")
        withExtendedLifetime((busy, health, probe)) {}
    }
}
