import FlowCore
import Foundation
import GovFlowAPI
import Runner
import SQLiteStore
import Stages

/// Requests per second and latency percentiles for reading a project and for submitting a decision, over
/// loopback keep-alive connections, against the real API server on the SQLite store.
struct HTTPBenchmark {
    let calendar: HolidayCalendar
    /// The reviewing office's bearer token the load generator sends.
    static let token = "benchmark-token-0123456789abcdef"

    func run(quick: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govflow-http-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteProjectStore(path: directory.appendingPathComponent("http.sqlite").path)
        defer { store.close() }
        let service = try WorkflowService(registry: BuiltInStages.registry(), calendars: ["cn-mainland": calendar],
                                          store: store, clock: SystemClock())
        try service.deploy(source: ReferenceWorkflow.source, file: "reference.json")
        let decisions = quick ? 2_000 : 10_000
        var taskOfProject: [String] = []
        for index in 0..<decisions {
            let state = try service.start(projectID: "p\(index)", workflow: "reference",
                                          variables: ["amount": .number(100)], actor: Actor(id: "unit")).state
            guard let task = state.openTasks.first else { throw BenchmarkError("no open task in p\(index)") }
            taskOfProject.append("/v1/projects/p\(index)/tasks/\(task.id)/decision")
        }
        let tokens = try TokenTable.parse(#"""
            {"tokens": [{"token": "\#(Self.token)", "actor": "li", "department": "区数据局", "roles": ["reviewing-office"]}]}
            """#)
        let server = APIServer(service: service, tokens: tokens)
        let port = try server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }

        let connections = 8
        let reads = quick ? 20_000 : 100_000
        try load(name: "http.read-project", connections: connections, requests: reads, port: port) { index in
            ("GET", "/v1/projects/p\(index % decisions)", nil)
        }
        let decisionPaths = taskOfProject
        try load(name: "http.decide", connections: connections, requests: decisions, port: port) { index in
            ("POST", decisionPaths[index], #"{"outcome": "approve", "comment": "同意"}"#)
        }
    }

    /// Sends `requests` requests spread over `connections` keep-alive connections, one thread each.
    private func load(name: String, connections: Int, requests: Int, port: UInt16,
                      request: @escaping @Sendable (Int) -> (String, String, String?)) throws {
        let latencies = LatencyRecorder(capacity: requests)
        let failures = Counter()
        let seconds = measureSeconds {
            // One thread per connection (concurrentPerform would run only as many at once as there are cores).
            let done = DispatchGroup()
            for connection in 0..<connections {
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    guard let client = try? LoopbackClient(port: port, token: Self.token) else {
                        failures.add(requests / connections)
                        return
                    }
                    for index in stride(from: connection, to: requests, by: connections) {
                        let (method, path, body) = request(index)
                        let start = DispatchTime.now().uptimeNanoseconds
                        let status = (try? client.send(method, path, body: body)) ?? 0
                        latencies.record(DispatchTime.now().uptimeNanoseconds - start)
                        if status != 200 { failures.add(1) }
                    }
                }
                thread.start()
            }
            done.wait()
        }
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1e6
        }
        Measurement(name: name, parameters: ["connections": String(connections), "requests": String(requests)],
                    operations: requests, seconds: seconds,
                    extra: ["p50Milliseconds": percentile(0.50), "p99Milliseconds": percentile(0.99),
                            "p999Milliseconds": percentile(0.999),
                            "maxMilliseconds": Double(sorted.last ?? 0) / 1e6,
                            "failures": Double(failures.value)]).print()
    }
}

/// Latencies from many threads.
final class LatencyRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [UInt64]

    init(capacity: Int) {
        values = []
        values.reserveCapacity(capacity)
    }

    func record(_ nanoseconds: UInt64) {
        lock.lock()
        values.append(nanoseconds)
        lock.unlock()
    }

    func sorted() -> [UInt64] {
        lock.lock()
        defer { lock.unlock() }
        return values.sorted()
    }
}
