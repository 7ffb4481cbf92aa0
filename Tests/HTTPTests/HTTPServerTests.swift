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

@Suite(.serialized) struct HTTPServerTests {
    static let quick = HTTPServer.Configuration(
        limits: .init(maximumHeadBytes: 4096, maximumHeaderCount: 20, maximumBodyBytes: 1024),
        requestTimeout: 1, idleTimeout: 2, writeTimeout: 2, maximumConnections: 8, workerCount: 2, drainTimeout: 2)

    static func echo(_ request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(status: .ok, body: Array("\(request.method) \(request.target) \(request.bodyText)".utf8))
    }

    func withServer(_ configuration: HTTPServer.Configuration = quick, handler: @escaping HTTPServer.Handler = echo,
                    _ body: (UInt16) throws -> Void) throws {
        let server = HTTPServer(configuration: configuration, handler: handler)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        try body(port)
    }

    /// The server still answers a plain request.
    func expectServing(_ port: UInt16) throws {
        let client = try RawClient(port: port)
        client.send("GET /alive HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(client.readResponse()?.body == "GET /alive ")
    }

    @Test func keepAlive_ServesTwoRequestsOnOneConnection() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\n")
            let first = try #require(client.readResponse())
            #expect(first.status == 200)
            #expect(first.headers["connection"] == "keep-alive")
            client.send("POST /two HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nhi")
            #expect(client.readResponse()?.body == "POST /two hi")
        }
    }

    @Test func pipelinedRequests_AreAnsweredInOrder() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\nGET /b HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            #expect(client.readResponse()?.body == "GET /a ")
            let second = client.readResponse()
            #expect(second?.body == "GET /b ")
            #expect(second?.headers["connection"] == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test(arguments: [
        ("NONSENSE\r\n\r\n", 400, "malformed-request-line"),
        ("GET / HTTP/1.1\r\nHost: t\r\n" + String(repeating: "X-Long: aaaaaaaaaa\r\n", count: 300) + "\r\n", 431,
         "headers-too-large"),
        ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n", 413, "body-too-large"),
        ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501,
         "transfer-encoding-not-supported"),
        ("POST / HTTP/1.1\r\nHost: t\r\n\r\n", 411, "length-required"),
        ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400,
         "invalid-content-length"),
    ])
    func badInput_IsAnsweredWithConnectionClose_AndTheServerStaysUp(input: String, status: Int, code: String) throws {
        try withServer { port in
            let client = try RawClient(port: port)
            client.send(input)
            let response = try #require(client.readResponse())
            #expect(response.status == status)
            #expect(response.headers["connection"] == "close")
            #expect(response.body.contains("\"code\":\"\(code)\""))
            #expect(client.isClosedByServer())
            try expectServing(port)
        }
    }

    @Test func slowClient_IsCutOff_WhileOthersAreServed() throws {
        try withServer { port in
            let slow = try RawClient(port: port)
            let started = Date()
            let request = Array("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n".utf8)
            var answer: RawResponse?
            for byte in request.prefix(12) {
                slow.send([byte])
                try expectServing(port)
                // Bounded wait for I/O: one byte every quarter second until the server answers.
                if slow.waitReadable(milliseconds: 250) { break }
            }
            answer = slow.readResponse()
            #expect(answer?.status == 408)
            #expect(slow.isClosedByServer())
            #expect(Date().timeIntervalSince(started) < 4)
            try expectServing(port)
        }
    }

    @Test func idleConnection_IsClosedAfterTheIdleTimeout() throws {
        try withServer { port in
            let client = try RawClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            let started = Date()
            #expect(client.isClosedByServer())
            let waited = Date().timeIntervalSince(started)
            #expect(waited > 1.5 && waited < 4)
        }
    }

    @Test func connectionsBeyondTheCap_Get503() throws {
        var configuration = Self.quick
        configuration.maximumConnections = 2
        try withServer(configuration) { port in
            let first = try RawClient(port: port)
            let second = try RawClient(port: port)
            first.send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\n")
            second.send("GET /2 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(first.readResponse()?.status == 200)
            #expect(second.readResponse()?.status == 200)
            let third = try RawClient(port: port)
            let refused = third.readResponse()
            #expect(refused?.status == 503)
            #expect(refused?.body.contains("server-busy") == true)
        }
    }

    @Test func stop_LetsARequestInProgressFinish() throws {
        let entered = DispatchSemaphore(value: 0)
        let server = HTTPServer(configuration: Self.quick) { request in
            entered.signal()
            Thread.sleep(forTimeInterval: 0.3)
            return Self.echo(request)
        }
        let port = try server.start(host: "127.0.0.1", port: 0)
        let client = try RawClient(port: port)
        client.send("GET /work HTTP/1.1\r\nHost: t\r\n\r\n")
        entered.wait()
        server.stop()
        let response = client.readResponse()
        #expect(response?.status == 200)
        #expect(response?.headers["connection"] == "close")
        #expect(throws: (any Error).self) { _ = try RawClient(port: port) }
    }
}
