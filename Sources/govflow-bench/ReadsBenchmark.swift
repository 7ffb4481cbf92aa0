import Dispatch
import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import Runner
import SQLiteStore
import Stages

/// Latency of the reads the index tables answer (inbox, deadline window, metrics, a project unit's access check)
/// through the API router (no socket), on a SQLite store holding 1,000 and then 10,000 running projects; and, for
/// comparison, one pass decoding every running project's state, which is what those reads cost before the indexes.
///
/// Projects are stored directly (replays of 20 template histories started on 20 consecutive working days, each
/// started by one of 100 units and its first task transferred to one of 250 officers), not through the API.
struct ReadsBenchmark {
    let calendar: HolidayCalendar

    static let auditorToken = "benchmark-auditor-0123456789abcdef"
    static let unitToken = "benchmark-unit-7-0123456789abcdef"

    func run(quick: Bool) throws {
        for count in quick ? [1_000] : [1_000, 10_000] {
            try run(projects: count, requests: quick ? 100 : 300)
        }
    }

    private func run(projects count: Int, requests: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govflow-reads-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("reads.sqlite").path
        let templates = try Self.templates(calendar: calendar)
        do {
            let store = try SQLiteProjectStore(path: path)
            defer { store.close() }
            try Self.fill(store, count: count, templates: templates)
        }
        // Reopened: no state is cached in memory, as after a restart.
        let store = try SQLiteProjectStore(path: path)
        defer { store.close() }
        let service = try WorkflowService(registry: BuiltInStages.registry(), calendars: ["cn-mainland": calendar],
                                          store: store, clock: SystemClock())
        try service.deploy(source: ReferenceWorkflow.source, file: "reference.json")
        let decodeSeconds = try measureSeconds {
            for id in try store.runningProjectIDs() { _ = try store.state(of: id) }
        }
        Measurement(name: "reads.decode-every-running-state", parameters: ["projects": String(count)],
                    operations: count, seconds: decodeSeconds).print()

        let tokens = try TokenTable.parse(#"""
            {"tokens": [
              {"token": "\#(Self.auditorToken)", "actor": "audit", "department": "审计局", "roles": ["auditor"]},
              {"token": "\#(Self.unitToken)", "actor": "unit-7", "department": "dept-7", "roles": ["project-unit"]}]}
            """#)
        let router = APIRouter(service: service, tokens: tokens)
        let day = try Self.firstDue(templates)
        let reads: [(name: String, target: String, token: String)] = [
            ("reads.inbox", "/v1/tasks?actor=officer-7", Self.auditorToken),
            ("reads.deadline-window", "/v1/deadlines?from=\(day.iso)&to=\(day.iso)", Self.auditorToken),
            ("reads.metrics", "/metrics", Self.auditorToken),
            ("reads.unit-reads-own-project", "/v1/projects/p7", Self.unitToken),
        ]
        for read in reads {
            try measure(read.name, router: router, target: read.target, token: read.token, projects: count,
                        requests: requests)
        }
    }

    private func measure(_ name: String, router: APIRouter, target: String, token: String, projects: Int,
                         requests: Int) throws {
        let request = HTTPRequest(method: "GET", target: target, headers: HTTPHeaders([
            ("Host", "bench"), ("Authorization", "Bearer \(token)"),
        ]))
        let first = router.respond(to: request, now: Date())
        guard first.status.code == 200 else {
            let body = String(decoding: first.body, as: UTF8.self)
            throw BenchmarkError("\(target) answered \(first.status.code): \(body)")
        }
        var latencies: [Double] = []
        let seconds = measureSeconds {
            for _ in 0..<requests {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = router.respond(to: request, now: Date())
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        latencies.sort()
        Measurement(name: name, parameters: ["projects": String(projects), "target": target,
                                             "bodyBytes": String(first.body.count)],
                    operations: requests, seconds: seconds,
                    extra: ["p50Milliseconds": latencies[latencies.count / 2],
                            "p99Milliseconds": latencies[min(latencies.count - 1, latencies.count * 99 / 100)]]).print()
    }

    /// The histories of 20 reference projects started on 20 consecutive working days from 2026-11-02.
    static func templates(calendar: HolidayCalendar) throws -> [[HistoryEntry]] {
        let memory = InMemoryProjectStore()
        let clock = ManualClock(at: CivilDate(iso: "2026-11-02")!)
        let service = try WorkflowService(registry: BuiltInStages.registry(), calendars: ["cn-mainland": calendar],
                                          store: memory, clock: clock)
        try service.deploy(source: ReferenceWorkflow.source, file: "reference.json")
        var templates: [[HistoryEntry]] = []
        var day = CivilDate(iso: "2026-11-02")!
        while templates.count < 20 {
            if calendar.isWorkingDay(day) {
                clock.set(day.startInChina.addingTimeInterval(9 * 3600))
                let id = "t\(templates.count)"
                _ = try service.start(projectID: id, workflow: "reference", variables: ["amount": .number(100)],
                                      actor: Actor(id: "unit"))
                templates.append(try memory.history(of: id))
            }
            day = day.adding(days: 1)
        }
        return templates
    }

    /// The earliest due date of the first template's timers.
    static func firstDue(_ templates: [[HistoryEntry]]) throws -> CivilDate {
        let state = try InstanceState.replay(id: "t", history: templates[0])
        guard let due = state.pendingTimers.first?.due.date else { throw BenchmarkError("no timer in the template") }
        return due
    }

    /// Stores `count` projects, 32 writers at a time so that commits share transactions.
    static func fill(_ store: SQLiteProjectStore, count: Int, templates: [[HistoryEntry]]) throws {
        let failures = Counter()
        let group = DispatchGroup()
        let lanes = 32
        for lane in 0..<lanes {
            DispatchQueue.global().async(group: group) {
                for number in stride(from: lane, to: count, by: lanes) {
                    do {
                        let entries = try variant(of: templates[number % templates.count], number: number)
                        let state = try InstanceState.replay(id: "p\(number)", history: entries)
                        try store.insert(project: state, entries: entries)
                    } catch {
                        failures.add(1)
                    }
                }
            }
        }
        group.wait()
        guard failures.value == 0 else { throw BenchmarkError("\(failures.value) projects could not be stored") }
    }

    /// A template history started by unit `number % 100` (department `number % 20`), its first open task then
    /// transferred to officer `number % 250`.
    static func variant(of template: [HistoryEntry], number: Int) throws -> [HistoryEntry] {
        let state = try InstanceState.replay(id: "t", history: template)
        guard let task = state.openTasks.first, let first = template.first, let last = template.last else {
            throw BenchmarkError("the template has no open task")
        }
        let starter = Actor(id: "unit-\(number % 100)", department: "dept-\(number % 20)", roles: ["project-unit"])
        return [HistoryEntry(sequence: 1, at: first.at, actor: starter, event: first.event)] + template.dropFirst()
            + [HistoryEntry(sequence: last.sequence + 1, at: last.at, actor: Actor(id: "li"),
                            event: .taskTransferred(task: task.id, from: task.assignee,
                                                    to: .actor("officer-\(number % 250)"), comment: nil))]
    }
}
