import FlowCore
import Foundation
import Runner
import Stages

/// A database holding many running projects and their pending timers: seconds from opening it to serving (the
/// runner's start-up: schema check, definitions, timer service ready), and the first due-timer query.
struct RecoveryBenchmark {
    let calendarsDirectory: URL

    /// Five parallel reviews, each with a deadline and a reminder: ten pending timers per project.
    static let source = """
        {"id": "recovery", "version": 1, "title": "benchmark", "jurisdiction": {"name": "基准", "code": "320902"},
         "regulation": {"title": "基准"}, "calendar": "cn-mainland", "start": "reviews",
         "nodes": [
           {"id": "reviews", "type": "parallel", "branches": ["a", "b", "c", "d", "e"], "join": "joined"},
           \(["a", "b", "c", "d", "e"].map { ReferenceWorkflow.task($0, next: "joined") }.joined(separator: ",\n"))
           ,{"id": "joined", "type": "join", "next": "done"},
           {"id": "done", "type": "end", "result": "done"}
         ]}
        """

    func run(quick: Bool) throws {
        let projects = quick ? 10_000 : 100_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govflow-recovery-\(UUID())")
        let workflows = directory.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(at: workflows.appendingPathComponent("calendars"),
                                                   withDestinationURL: calendarsDirectory)
        try Self.source.write(to: workflows.appendingPathComponent("recovery.json"), atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("recovery.sqlite").path
        let clock = ManualClock(at: CivilDate(iso: "2024-09-02")!)
        let logger = JSONLogger(write: { _ in })

        let filling = try measureSeconds {
            let session = try RunnerSession.open(database: database, workflows: workflows,
                                                 registry: BuiltInStages.registry(), clock: clock, logger: logger)
            let failures = Counter()
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                for index in stride(from: thread, to: projects, by: 8) {
                    do {
                        _ = try session.service.start(projectID: "p\(index)", workflow: "recovery", variables: [:],
                                                      actor: Actor(id: "unit"))
                    } catch {
                        failures.add(1)
                    }
                }
            }
            session.shutdown()
            if failures.value > 0 { throw BenchmarkError("\(failures.value) projects failed to start") }
        }
        Measurement(name: "recovery.fill", parameters: ["projects": String(projects),
                                                        "pendingTimers": String(projects * 10)],
                    operations: projects, seconds: filling).print()

        var pending: ScheduledTimer?
        let opening = try measureSeconds {
            let session = try RunnerSession.open(database: database, workflows: workflows,
                                                 registry: BuiltInStages.registry(), clock: clock, logger: logger)
            session.start()
            pending = try session.store.nextTimer()
            _ = try session.store.dueTimers(through: clock.now(), limit: 1000)
            session.shutdown()
        }
        Measurement(name: "recovery.open-to-serving", parameters: ["projects": String(projects),
                                                                   "pendingTimers": String(projects * 10)],
                    operations: 1, seconds: opening,
                    extra: ["nextTimerFound": pending == nil ? 0 : 1]).print()
    }
}

/// A benchmark that could not run.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
