import FlowCore
import Foundation
import GovFlowAPI
import SQLiteStore

/// `govflow serve [--db PATH] [--workflows DIR] [--listen HOST:PORT] [--tokens FILE]`: runs the engine, its timers
/// and the HTTP API over a database until SIGTERM or SIGINT. With `--demo`, first fills a new database with example
/// projects and serves it with the tokens file it writes (`ServeCommand+Demo.swift`).
///
/// Without `--workflows` it serves `$GOVFLOW_HOME/workflows`, else `./workflows`, else the definitions and calendars
/// built into the executable (`ResourceLocator`).
///
/// Exit status: 0 after a clean stop, 1 when it refuses to start (invalid definitions, a changed definition, a
/// database in use, newer, damaged or not a database, a bad tokens file, an address it cannot listen on), 2 on a
/// usage error. Logs are JSON lines on standard error.
struct ServeCommand {
    let registry: StageRegistry
    let io: CommandIO
    /// Starts listening for the stop request and returns the wait for it; by default SIGTERM or SIGINT.
    var listenForStop: () -> () -> Void = {
        let signal = ShutdownSignal()
        return { signal.wait() }
    }
    var clock: any WorkflowClock = SystemClock()

    static var usage: String { CommandTable.serve.usage }
    /// The database file used without `--db`, in the current directory.
    static let defaultDatabase = "govflow.sqlite"
    /// The address used without `--listen`.
    static let defaultListen = (host: "127.0.0.1", port: UInt16(8080))

    func run(_ arguments: [String]) -> Int32 {
        let options: ParsedArguments
        switch io.parse(arguments, CommandTable.serve) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        if let extra = options.positional.first { return usageError("unexpected argument \"\(extra)\"") }
        let database = options.value("--db") ?? Self.defaultDatabase
        let workflows = options.value("--workflows").map { URL(fileURLWithPath: $0) }
            ?? ResourceLocator.workflowsDirectory()
        var listen = Self.defaultListen
        if let value = options.value("--listen") {
            guard let address = Self.address(value) else {
                return usageError("--listen needs HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080")
            }
            listen = address
        }
        let demo = options.has("--demo")
        if demo, options.value("--tokens") != nil {
            return usageError("--demo writes its own tokens file (\(DemoDatabase.tokensPath(for: database))); "
                + "leave out --tokens")
        }
        let logger = JSONLogger(write: io.errors)
        if demo {
            guard makeDemo(database: database, workflows: workflows, logger: logger) else { return 1 }
        }
        let tokensFile = demo ? DemoDatabase.tokensPath(for: database) : options.value("--tokens")
        var tokens: TokenTable?
        if let tokensFile {
            do {
                tokens = try TokenTable.load(contentsOf: URL(fileURLWithPath: tokensFile))
            } catch {
                logger.error("refusing to start", ["error": error.description, "tokens": tokensFile])
                io.error("govflow serve: \(error)")
                return 1
            }
        }
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
        let server = APIServer(service: session.service, tokens: tokens)
        let port: UInt16
        do {
            port = try server.start(host: listen.host, port: listen.port)
        } catch {
            logger.error("refusing to start", ["error": error.description, "listen": "\(listen.host):\(listen.port)"])
            io.error("govflow serve: \(error)")
            session.shutdown()
            return 1
        }
        if tokens == nil {
            logger.warning("no tokens file: listening on loopback only, and every request acts as a local "
                           + "administrator; give --tokens FILE to require bearer tokens")
        }
        session.start()
        logger.info("serving", [
            "listen": "\(listen.host):\(port)",
            "db": database, "workflows": workflows?.path ?? "built-in", "schema": "\(StoreSchema.latestVersion)",
            "deployed": session.deployment.deployed.joined(separator: ","),
            "unchanged": session.deployment.unchanged.joined(separator: ","),
            "pid": "\(ProcessInfo.processInfo.processIdentifier)",
        ])
        waitForStop()
        logger.info("stopping: finishing the work in flight")
        server.stop()
        session.shutdown()
        logger.info("stopped")
        return 0
    }

    /// `HOST:PORT` (the host may be `[::1]`), or `nil`.
    static func address(_ text: String) -> (host: String, port: UInt16)? {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    private func usageError(_ message: String) -> Int32 {
        io.error("error: \(message)\n\(Self.usage)")
        return 2
    }
}
