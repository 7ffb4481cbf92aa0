import FlowCore
import Foundation
import SQLiteStore
import Synchronization

/// A running GovFlow runner: the store, the workflow service over it and the timer service.
///
/// `govflow serve` opens one and waits for a signal; the HTTP server (next issue) will take `service` from here
/// and be started after `open` and stopped first in `shutdown`.
public final class RunnerSession: Sendable {
    /// The database.
    public let store: SQLiteProjectStore
    /// Deploys, starts, performs commands.
    public let service: WorkflowService
    /// Fires timers.
    public let timers: TimerService
    /// Where the runner logs.
    public let logger: JSONLogger

    /// What `open` found and did with the definitions.
    public struct Deployment: Hashable, Sendable {
        /// "id@version" newly deployed.
        public var deployed: [String] = []
        /// "id@version" found in the store already, unchanged.
        public var unchanged: [String] = []
    }

    /// What `open` did.
    public let deployment: Deployment
    /// Background work started by `start()`, which `shutdown()` waits for.
    private let background = DispatchGroup()
    private let stopping = Mutex(false)

    /// Loads and validates the workflows folder (`nil`: the definitions and calendars built into the executable),
    /// opens (or creates) the database, deploys new definitions and prepares the timer service (not yet started).
    public static func open(database: String, workflows: URL?, registry: StageRegistry, clock: any WorkflowClock,
                            logger: JSONLogger) throws(ServeError) -> RunnerSession {
        let folder = try WorkflowFolder.load(workflows, registry: registry)
        if folder.definitions.isEmpty {
            logger.warning("no workflow definitions in the workflows folder; serving only what the database holds",
                           ["workflows": workflows?.path ?? "built-in"])
        }
        let store: SQLiteProjectStore
        do {
            store = try SQLiteProjectStore(path: database)
        } catch {
            throw .store(error)
        }
        do throws(ServeError) {
            return try RunnerSession(store: store, folder: folder, registry: registry, clock: clock, logger: logger)
        } catch {
            store.close()
            throw error
        }
    }

    private init(store: SQLiteProjectStore, folder: WorkflowFolder, registry: StageRegistry,
                 clock: any WorkflowClock, logger: JSONLogger) throws(ServeError) {
        let records: [DefinitionRecord]
        do {
            records = try store.definitionRecords()
            service = try WorkflowService(registry: registry, calendars: folder.workingCalendars, store: store,
                                          clock: clock)
        } catch let error as StoreError {
            throw .store(error)
        } catch let error as ServiceError {
            throw .service(error)
        } catch {
            throw .store(.failure("\(error)"))
        }
        self.store = store
        self.logger = logger
        deployment = try Self.deploy(folder.definitions, records: records, service: service)
        timers = TimerService(service: service, logger: logger)
        logger.logIncidents(of: service)
        // Weak: the store outlives nothing it observes (store → observer → timers → service → store).
        store.observeCommits { [weak timers] earliest in
            if earliest != nil { timers?.wake() }
        }
    }

    private static func deploy(_ definitions: [WorkflowFolder.LoadedDefinition], records: [DefinitionRecord],
                               service: WorkflowService) throws(ServeError) -> Deployment {
        var stored: [String: String] = [:]
        for record in records { stored["\(record.id)@\(record.version)"] = record.source }
        var changed: [(id: String, version: Int, file: String)] = []
        for loaded in definitions {
            let key = "\(loaded.definition.id)@\(loaded.definition.version)"
            if let source = stored[key], source != loaded.source {
                changed.append((loaded.definition.id, loaded.definition.version, loaded.file))
            }
        }
        guard changed.isEmpty else { throw .changedDefinitions(changed) }
        var deployment = Deployment()
        for loaded in definitions {
            let key = "\(loaded.definition.id)@\(loaded.definition.version)"
            if stored[key] != nil {
                deployment.unchanged.append(key)
                continue
            }
            do {
                try service.deploy(source: loaded.source, file: loaded.file)
            } catch {
                throw .service(error)
            }
            stored[key] = loaded.source
            deployment.deployed.append(key)
        }
        return deployment
    }

    /// Starts firing timers: anything overdue fires at once, in order. In the background, provisional due dates
    /// are recomputed with the calendars as loaded now (a new year's notice may have been added since they were
    /// computed); each change is recorded in its project's history.
    public func start() {
        timers.start()
        let service = service
        let logger = logger
        DispatchQueue.global(qos: .utility).async(group: background) { [self] in
            do {
                let changed = try service.recalculateProvisionalDeadlines(while: { !stopping.withLock { $0 } })
                if !changed.isEmpty {
                    logger.info("recomputed provisional deadlines with the current calendars",
                                ["projects": String(changed.count)])
                }
            } catch {
                logger.error("could not recompute provisional deadlines", ["error": "\(error)"])
            }
        }
    }

    /// Stops the timer service after the firing in flight, waits for queued writes and closes the database.
    public func shutdown() {
        stopping.withLock { $0 = true }
        background.wait()
        timers.stop()
        store.close()
    }
}
