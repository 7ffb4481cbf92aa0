import FlowCore
import Foundation

/// `govflow serve [--db PATH] [--workflows DIR]`: runs the engine over a database until SIGTERM or SIGINT.
///
/// Exit status: 0 after a clean stop, 1 when it refuses to start (invalid definitions, a changed definition, a
/// database in use, newer, damaged or not a database), 2 on a usage error. Logs are JSON lines on standard error.
struct ServeCommand {
    let registry: StageRegistry
    let io: CommandIO
    /// Starts listening for the stop request and returns the wait for it; by default SIGTERM or SIGINT.
    var listenForStop: () -> () -> Void = {
        let signal = ShutdownSignal()
        return { signal.wait() }
    }
    var clock: any WorkflowClock = SystemClock()

    static let usage = "usage: govflow serve [--db PATH] [--workflows DIR]"
    /// The database file used without `--db`, in the current directory.
    static let defaultDatabase = "govflow.sqlite"

    func run(_ arguments: [String]) -> Int32 {
        var database = Self.defaultDatabase
        var workflows = ResourceLocator.workflowsDirectory()
        var rest = arguments[...]
        while let word = rest.popFirst() {
            switch word {
            case "--db":
                guard let value = rest.popFirst() else { return usageError("--db needs a file path") }
                database = value
            case "--workflows":
                guard let value = rest.popFirst() else { return usageError("--workflows needs a directory") }
                workflows = URL(fileURLWithPath: value)
            default:
                return usageError("unexpected argument \"\(word)\"")
            }
        }
        let logger = JSONLogger(write: io.errors)
        // Listen before opening, so that a signal during start-up is not lost (it stops the runner once started).
        let waitForStop = listenForStop()
        let session: RunnerSession
        do {
            session = try RunnerSession.open(database: database, workflows: workflows, registry: registry,
                                             clock: clock, logger: logger)
        } catch {
            logger.error("refusing to start", ["error": error.description, "db": database])
            io.error("govflow serve: \(error)")
            return 1
        }
        session.start()
        logger.info("serving", [
            "db": database, "workflows": workflows.path, "schema": "\(StoreSchema.latestVersion)",
            "deployed": session.deployment.deployed.joined(separator: ","),
            "unchanged": session.deployment.unchanged.joined(separator: ","),
            "pid": "\(ProcessInfo.processInfo.processIdentifier)",
        ])
        waitForStop()
        logger.info("stopping: finishing the work in flight")
        session.shutdown()
        logger.info("stopped")
        return 0
    }

    private func usageError(_ message: String) -> Int32 {
        io.error("error: \(message)\n\(Self.usage)")
        return 2
    }
}
