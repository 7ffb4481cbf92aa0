import FlowCore
import Foundation

extension ServeCommand {
    /// Fills `database` with the demo (refusing one that holds projects), writes its tokens file and prints the
    /// tokens. Returns whether serving may go on; on `false` the reason is logged and printed.
    func makeDemo(database: String, workflows: URL?, logger: JSONLogger) -> Bool {
        let tokensPath = DemoDatabase.tokensPath(for: database)
        let now = clock.now()
        do throws(ServeError) {
            if try DemoDatabase.hasProjects(database) {
                let message = "--demo needs a new database, and \(database) already holds projects; give another "
                    + "--db PATH, or serve this one without --demo (its demo tokens, if any, are in \(tokensPath))"
                logger.error("refusing to start", ["error": message, "db": database])
                io.error("govflow serve: \(message)")
                return false
            }
            let demoClock = ManualClock(min(now, DemoDatabase.firstStart(now: now)))
            let session = try RunnerSession.open(database: database, workflows: workflows, registry: registry,
                                                 clock: demoClock, logger: logger)
            defer { session.shutdown() }
            let missing = Set(DemoDatabase.plans().map(\.workflow)).filter { session.service.definition($0) == nil }
            guard missing.isEmpty else {
                throw .usage("--demo needs the bundled workflows; the workflows folder "
                    + "\(workflows?.path ?? "built-in") has no " + missing.sorted().joined(separator: ", ")
                    + " (leave out --workflows to use the built-in ones)")
            }
            var result = DemoDatabase.Result()
            do {
                result.projects = try DemoDatabase.fill(session.service, clock: demoClock, now: now)
            } catch {
                throw .service(error)
            }
            result.tokens = try DemoDatabase.tokens(store: session.store)
            // The tokens are secrets: readable by their owner only.
            let written = FileManager.default.createFile(atPath: tokensPath,
                                                         contents: DemoDatabase.tokensFile(result.tokens),
                                                         attributes: [.posixPermissions: 0o600])
            guard written else { throw .usage("cannot write the demo tokens file \(tokensPath)") }
            io.print(DemoDatabase.summary(result, tokensPath: tokensPath, today: CivilDate(chinaDateOf: now)))
            logger.info("demo database made", ["db": database, "tokens": tokensPath,
                                                "projects": "\(result.projects.values.reduce(0, +))"])
            return true
        } catch {
            logger.error("refusing to start", ["error": error.description, "db": database])
            io.error("govflow serve: \(error)")
            return false
        }
    }
}
