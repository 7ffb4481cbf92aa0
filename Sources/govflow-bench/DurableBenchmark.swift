import FlowCore
import Foundation
import Runner
import SQLiteStore
import Stages

/// The reference workflow through the SQLite store: one commit per accepted command (each caller waits for its
/// commit on disk), first from one thread, then from several at once so that commits are grouped.
struct DurableBenchmark {
    let calendar: HolidayCalendar

    func run(quick: Bool) throws {
        let projects = quick ? 200 : 2_000
        let sequential = try drive(projects: projects, threads: 1)
        let grouped = try drive(projects: projects * 4, threads: 16)
        Measurement(name: "durable.grouping-gain", parameters: ["threads": "1→16"], operations: 0, seconds: 0,
                    extra: ["rateRatio": grouped / sequential]).print()
    }

    /// Drives `projects` projects to their end from `threads` threads; returns decisions per second.
    private func drive(projects: Int, threads: Int) throws -> Double {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govflow-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteProjectStore(path: directory.appendingPathComponent("bench.sqlite").path)
        defer { store.close() }
        let clock = ManualClock(at: CivilDate(iso: "2024-09-27")!)
        let service = try WorkflowService(registry: BuiltInStages.registry(), calendars: ["cn-mainland": calendar],
                                          store: store, clock: clock)
        try service.deploy(source: ReferenceWorkflow.source, file: "reference.json")
        let decisions = Counter()
        let failures = Counter()
        let seconds = measureSeconds {
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                for index in stride(from: thread, to: projects, by: threads) {
                    do {
                        decisions.add(try drive(service, project: "p\(index)"))
                    } catch {
                        failures.add(1)
                    }
                }
            }
        }
        let statistics = store.commitStatistics
        Measurement(name: "durable.decisions", parameters: ["projects": String(projects), "threads": String(threads)],
                    operations: decisions.value, seconds: seconds,
                    extra: ["transactions": Double(statistics.transactions), "writes": Double(statistics.writes),
                            "failures": Double(failures.value)]).print()
        return Double(decisions.value) / seconds
    }

    private func drive(_ service: WorkflowService, project: String) throws -> Int {
        var state = try service.start(projectID: project, workflow: "reference", variables: ["amount": .number(100)],
                                      actor: Actor(id: "unit")).state
        var decisions = 0
        while let task = state.openTasks.first {
            state = try service.perform(
                .decide(task: task.id, actor: ReferenceWorkflow.actor(for: task.assignee), outcome: task.outcomes[0],
                        comment: nil, data: .null),
                on: project).state
            decisions += 1
        }
        return decisions
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0

    func add(_ amount: Int) {
        lock.lock()
        total += amount
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}
