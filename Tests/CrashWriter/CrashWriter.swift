import FlowCore
import Foundation
import SQLiteStore
import Stages
import Synchronization

/// `govflow-crash-writer --db PATH [--writers N]`, the crash test's writer (built with the tests, never shipped):
/// commits decisions forever from `N` threads, one project each, and prints `<project> <sequence>` for each decision
/// once `commit` has returned.
///
/// The test kills it with SIGKILL and checks that every printed decision is in the database: "accepted" must mean
/// "durable". Decisions go straight to the store (not through `WorkflowService`, which serialises commands), so
/// concurrent commits share group-commit transactions.
@main
struct CrashWriter {
    static let definition = """
        {"id": "crash", "version": 1, "title": "崩溃测试", "jurisdiction": {"name": "测试区", "code": "320902"},
         "regulation": {"title": "测试办法"}, "calendar": "weekends", "start": "review",
         "nodes": [
           {"id": "review", "type": "stage", "stage": "human-task",
            "parameters": {"title": "审核", "assignee": {"role": "reviewer"}, "outcomes": ["again", "done"]},
            "outcomes": {"again": "review", "done": "end"}},
           {"id": "end", "type": "end", "result": "done"}
         ]}
        """

    static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    static func run(_ arguments: [String]) -> Int32 {
        var database: String?
        var writers = 4
        var rest = arguments[...]
        while let word = rest.popFirst() {
            switch (word, rest.popFirst()) {
            case ("--db", let value?): database = value
            case ("--writers", let value?): writers = max(1, Int(value) ?? 4)
            default:
                errors("usage: govflow-crash-writer --db PATH [--writers N]\n")
                return 2
            }
        }
        guard let database else {
            errors("usage: govflow-crash-writer --db PATH [--writers N]\n")
            return 2
        }
        let registry = BuiltInStages.registry()
        do {
            let store = try SQLiteProjectStore(path: database)
            let service = try WorkflowService(registry: registry, calendars: ["weekends": WeekendOnlyCalendar()],
                                              store: store, clock: SystemClock())
            if service.definition("crash", version: 1) == nil {
                try service.deploy(source: Self.definition, file: "crash.json")
            }
            guard let definition = service.definition("crash", version: 1) else { return 1 }
            let engine = WorkflowEngine(definition: definition, registry: registry, calendar: WeekendOnlyCalendar())
            let actor = Actor(id: "crash", roles: ["reviewer"])
            for index in 0..<writers where try store.state(of: "crash-\(index)") == nil {
                _ = try service.start(projectID: "crash-\(index)", workflow: "crash", variables: [:], actor: actor)
            }
            let output = Mutex(())
            DispatchQueue.concurrentPerform(iterations: writers) { index in
                let project = "crash-\(index)"
                while true {
                    do {
                        guard let state = try store.state(of: project), let task = state.openTasks.first else { return }
                        let step = try engine.handle(.decide(task: task.id, actor: actor, outcome: "again",
                                                             comment: nil, data: .null), state: state, at: Date())
                        try store.commit(project: project, expectedSequence: state.lastSequence, state: step.state,
                                         entries: step.entries)
                        let decided = step.entries.first { if case .taskDecided = $0.event { true } else { false } }
                        let line = "\(project) \(decided?.sequence ?? 0)\n"
                        output.withLock { _ in FileHandle.standardOutput.write(Data(line.utf8)) }
                    } catch {
                        output.withLock { _ in errors("\(project): \(error)\n") }
                        return
                    }
                }
            }
            return 1
        } catch {
            errors("govflow-crash-writer: \(error)\n")
            return 1
        }
    }

    private static func errors(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
