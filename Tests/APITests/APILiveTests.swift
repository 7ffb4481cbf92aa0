import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The API on an ephemeral loopback port, called with URLSession.
@Suite(.serialized) struct APILiveTests {
    /// Sends requests and waits (bounded) for each answer.
    final class Client: Sendable {
        let session: URLSession
        let base: String

        init(port: UInt16) {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 64
            configuration.timeoutIntervalForRequest = 20
            session = URLSession(configuration: configuration)
            base = "http://127.0.0.1:\(port)"
        }

        func request(_ method: String, _ path: String, token: String?, body: String? = nil) -> URLRequest {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            return request
        }

        /// Sends every request at once; returns (status, body) for each, in order.
        func send(_ requests: [URLRequest]) -> [(Int, String)] {
            let results = Mutex([(Int, String)](repeating: (0, ""), count: requests.count))
            let group = DispatchGroup()
            for (index, request) in requests.enumerated() {
                group.enter()
                session.dataTask(with: request) { data, response, error in
                    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                    let text = data.map { String(decoding: $0, as: UTF8.self) } ?? "\(error.map { "\($0)" } ?? "")"
                    results.withLock { $0[index] = (status, text) }
                    group.leave()
                }.resume()
            }
            _ = group.wait(timeout: .now() + 30)
            return results.withLock { $0 }
        }
    }

    func withServer(_ body: (APIHarness, Client) throws -> Void) throws {
        let harness = try APIHarness()
        let tokens = try TokenTable(APIHarness.callers.values.map { ($0.token, $0.caller) })
        let server = APIServer(service: harness.service, tokens: tokens,
                               configuration: HTTPServer.Configuration(requestTimeout: 5, idleTimeout: 5))
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        try body(harness, Client(port: port))
    }

    static func token(_ name: String) -> String? { APIHarness.callers[name]?.token }

    /// Fifty connections, one thread each, all released at once; raw sockets so that the client adds no pooling
    /// or retries of its own between the requests and the server.
    @Test func fiftyConcurrentDecisionsOnOneTask_ExactlyOneWins() throws {
        try withServer { harness, client in
            let path = "/v1/projects/p1/tasks/\(try harness.task(at: "review"))/decision"
            let body = #"{"outcome": "pass"}"#
            let request = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(Self.token("reviewer") ?? "")"
                + "\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            let port = try #require(UInt16(client.base.split(separator: ":").last ?? ""))
            let count = 50
            let results = Mutex([(Int, String)](repeating: (0, "not run"), count: count))
            let connected = DispatchSemaphore(value: 0)
            let start = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            for index in 0..<count {
                done.enter()
                Thread {
                    defer { done.leave() }
                    let connection = try? RawClient(port: port)
                    connected.signal()
                    start.wait()
                    guard let connection else { return }
                    connection.send(request)
                    let response = connection.readResponse()
                    results.withLock { $0[index] = (response?.status ?? 0, response?.body ?? "no answer") }
                }.start()
            }
            // Every connection is open before any request is sent.
            for _ in 0..<count { connected.wait() }
            for _ in 0..<count { start.signal() }
            #expect(done.wait(timeout: .now() + 30) == .success)
            let answers = results.withLock { $0 }
            let unexpected = answers.filter { $0.0 != 200 && $0.0 != 409 }
            #expect(unexpected.isEmpty, "unexpected answers: \(unexpected.prefix(3))")
            #expect(answers.filter { $0.0 == 200 }.count == 1)
            let refused = answers.filter { $0.0 == 409 }
            #expect(refused.count == 49)
            #expect(refused.allSatisfy { $0.1.contains(#""code":"task-not-open""#) })
            let decisions = try harness.service.history(of: "p1").filter {
                if case .taskDecided = $0.event { return true } else { return false }
            }
            #expect(decisions.count == 1)
        }
    }

    @Test func deployStartAndRead_OverTheNetwork() throws {
        try withServer { _, client in
            let deployed = client.send([client.request("POST", "/v1/definitions", token: Self.token("admin"),
                                                       body: APIHarness.definitionVersion2)])
            #expect(deployed.first?.0 == 201)
            let started = client.send([client.request(
                "POST", "/v1/projects", token: Self.token("unit"),
                body: #"{"workflow": "approval", "id": "net-1", "variables": {"amount": 500}}"#)])
            #expect(started.first?.0 == 201)
            #expect(started.first?.1.contains(#""definition":{"id":"approval","version":2}"#) == true)
            let read = client.send([client.request("GET", "/v1/projects/net-1", token: Self.token("unit"))])
            #expect(read.first?.0 == 200)
            let anonymous = client.send([client.request("GET", "/v1/projects/net-1", token: nil)])
            #expect(anonymous.first?.0 == 401)
        }
    }
}
