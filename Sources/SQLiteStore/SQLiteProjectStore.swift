import FlowCore
import Foundation
import Synchronization

/// A `ProjectStore` in one SQLite database file: durable, crash-safe, shared by concurrent callers.
///
/// - Durability: the database runs in WAL mode with `synchronous=FULL`; a write returns only after the transaction
///   holding it is on disk, so an accepted command survives a crash or a power cut.
/// - Writes go through a `GroupCommitter`: concurrent writes share one transaction and one disk sync, each still
///   checked on its own (a conflicting commit fails alone).
/// - Reads use a second connection on its own queue, so they never wait for a disk sync. The states of recently
///   written projects are also kept decoded in memory (this store is the file's only writer, see the lock), so a
///   command on an active project does not decode its state from JSON again.
/// - Opening takes an exclusive lock on `<path>.lock` (see `LockFile`): one store per database file at a time.
/// - The schema is versioned and migrated on open (see `StoreSchema`).
///
/// Errors of SQLite itself are `StoreError.failure` with the result code's name and the SQL, never bound values.
public final class SQLiteProjectStore: ProjectStore {
    /// The database file.
    public let path: String
    private let writer: SerialConnection
    private let reader: SerialConnection
    private let committer: GroupCommitter
    private let lock: Mutex<LockFile?>
    private let events = CommitEvents()
    private let recentStates = Mutex<[String: InstanceState]>([:])
    /// The decoded histories of recently written projects, kept with their states.
    private let recentHistories = Mutex<[String: [HistoryEntry]]>([:])
    /// How many decoded states `recentStates` keeps before it starts afresh.
    static let recentStatesLimit = 20_000

    /// How many writes and write transactions the store has made, to see group commit at work.
    public struct CommitStatistics: Hashable, Sendable {
        /// Writes stored (deploys, inserts, commits), refused ones included.
        public var writes = 0
        /// Transactions that stored them.
        public var transactions = 0
    }

    /// Opens the database at `path`, creating it when missing, and brings its schema up to date.
    ///
    /// Throws `StoreError.failure` when another store holds the database, when the file is not a GovFlow database
    /// or is damaged, when it was written by a newer GovFlow, or when WAL mode is unavailable.
    public init(path: String, busyTimeoutMilliseconds: Int = 5000) throws(StoreError) {
        self.path = path
        let lock = try LockFile(path: path + ".lock")
        let writerConnection = try Self.connect(path: path, create: true, busyTimeout: busyTimeoutMilliseconds)
        try StoreSchema.migrate(writerConnection)
        let readerConnection = try Self.connect(path: path, create: false, busyTimeout: busyTimeoutMilliseconds)
        try readerConnection.execute("PRAGMA query_only = ON")
        self.lock = Mutex(lock)
        writer = SerialConnection(writerConnection, label: "govflow.store.writer")
        reader = SerialConnection(readerConnection, label: "govflow.store.reader")
        let events = events
        committer = GroupCommitter(connection: writer) { size, earliest in events.record(size, earliest) }
    }

    deinit {
        close()
    }

    private static func connect(path: String, create: Bool, busyTimeout: Int) throws(StoreError) -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path, create: create)
        do throws(StoreError) {
            try connection.execute("PRAGMA busy_timeout = \(busyTimeout)")
            let mode = try connection.text("PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw .failure("the database \(path) could not be switched to WAL mode (SQLite answered "
                    + "journal_mode \"\(mode ?? "nothing")\"); put it on a local file system that supports "
                    + "shared memory")
            }
            try connection.execute("PRAGMA synchronous = FULL")
            try connection.execute("PRAGMA foreign_keys = ON")
        } catch {
            throw notADatabase(error, path: path)
        }
        return connection
    }

    /// Rewords "file is not a database" to say which file and what to do.
    private static func notADatabase(_ error: StoreError, path: String) -> StoreError {
        guard case .failure(let message) = error,
              message.contains("SQLITE_NOTADB") || message.contains("SQLITE_CORRUPT")
        else { return error }
        return .failure("the file \(path) is not a GovFlow database or is damaged (\(message))")
    }

    /// Waits for the writes in flight, closes both connections and releases the lock. Later calls fail.
    public func close() {
        writer.close()
        reader.close()
        lock.withLock { $0 = nil }
    }

    /// Calls `observer` after every durable write transaction with the earliest timer it scheduled, if any (the
    /// timer service uses it to wake up early).
    public func observeCommits(_ observer: @escaping @Sendable (_ earliestTimer: Date?) -> Void) {
        events.observers.withLock { $0.append(observer) }
    }

    /// Writes and transactions so far.
    public var commitStatistics: CommitStatistics { events.statistics.withLock { $0 } }

    // MARK: ProjectStore

    public func deploy(_ record: DefinitionRecord) throws(StoreError) {
        try committer.submit { (connection) throws(StoreError) -> Date? in
            try connection.deploy(record)
            return nil
        }
    }

    public func definitionRecords() throws(StoreError) -> [DefinitionRecord] {
        try reader.sync { (connection) throws(StoreError) in try connection.definitionRecords() }
    }

    public func insert(project state: InstanceState, entries: [HistoryEntry]) throws(StoreError) {
        let step = try EncodedStep(projectID: state.id, state: state, entries: entries)
        try committer.submit { (connection) throws(StoreError) -> Date? in try connection.insert(step) }
        remember(state, appending: entries, isNew: true)
    }

    public func commit(project id: String, expectedSequence: Int, state: InstanceState, entries: [HistoryEntry])
        throws(StoreError)
    {
        // The cached state at the expected sequence is the one the stored index rows were derived from (the commit
        // is refused unless the stored sequence still is the expected one).
        let previous = recentStates.withLock { $0[id] }.flatMap { $0.lastSequence == expectedSequence ? $0 : nil }
        let step = try EncodedStep(projectID: id, state: state, entries: entries, previous: previous)
        try committer.submit { (connection) throws(StoreError) -> Date? in
            try connection.commit(step, expectedSequence: expectedSequence)
        }
        if state.id == id { remember(state, appending: entries, isNew: false) }
    }

    /// Keeps a durably written state for the next read (a later commit of the same project replaces it), and its
    /// history when the whole of it is known (a new project, or a cached one that grows by `entries`).
    private func remember(_ state: InstanceState, appending entries: [HistoryEntry], isNew: Bool) {
        recentStates.withLock { states in
            if states.count >= Self.recentStatesLimit { states.removeAll(keepingCapacity: true) }
            if let known = states[state.id], known.lastSequence > state.lastSequence { return }
            states[state.id] = state
        }
        recentHistories.withLock { histories in
            if histories.count >= Self.recentStatesLimit { histories.removeAll(keepingCapacity: true) }
            if isNew {
                histories[state.id] = entries
            } else if let known = histories[state.id], known.last?.sequence == entries.first.map({ $0.sequence - 1 }) {
                histories[state.id] = known + entries
            } else if !entries.isEmpty {
                histories[state.id] = nil  // A gap: read the whole history from the database next time.
            }
        }
    }

    public func state(of id: String) throws(StoreError) -> InstanceState? {
        if let state = recentStates.withLock({ $0[id] }) { return state }
        return try reader.sync { (connection) throws(StoreError) in try connection.state(of: id) }
    }

    public func history(of id: String) throws(StoreError) -> [HistoryEntry] {
        if let history = recentHistories.withLock({ $0[id] }) { return history }
        let history = try reader.sync { (connection) throws(StoreError) in try connection.history(of: id) }
        recentHistories.withLock { histories in
            // Keep it only if it is provably the latest: the state cache holds the project at the same sequence
            // (every commit updates that cache before its history could be read again).
            let latest = recentStates.withLock { $0[id]?.lastSequence }
            if let latest, latest == history.last?.sequence, histories.count < Self.recentStatesLimit {
                histories[id] = history
            }
        }
        return history
    }

    public func projectIDs() throws(StoreError) -> [String] {
        try reader.sync { (connection) throws(StoreError) in try connection.projectIDs() }
    }

    public func runningProjectIDs() throws(StoreError) -> [String] {
        try reader.sync { (connection) throws(StoreError) in try connection.runningProjectIDs() }
    }

    public func dueTimers(through instant: Date, limit: Int) throws(StoreError) -> [ScheduledTimer] {
        try reader.sync { (connection) throws(StoreError) in try connection.dueTimers(through: instant, limit: limit) }
    }

    public func projectsWithProvisionalTimers() throws(StoreError) -> [String] {
        try reader.sync { (connection) throws(StoreError) in try connection.projectsWithProvisionalTimers() }
    }

    public func incidents(status: Incident.Status?) throws(StoreError) -> [ProjectIncident] {
        try reader.sync { (connection) throws(StoreError) in try connection.incidents(status: status) }
    }

    public func nextTimer() throws(StoreError) -> ScheduledTimer? {
        try reader.sync { (connection) throws(StoreError) in try connection.nextTimer() }
    }

    public func starter(of id: String) throws(StoreError) -> ProjectStart? {
        try reader.sync { (connection) throws(StoreError) in try connection.starter(of: id) }
    }

    public func openTasks(for filter: TaskFilter) throws(StoreError) -> [OpenTaskRecord] {
        try reader.sync { (connection) throws(StoreError) in try connection.openTasks(for: filter) }
    }

    public func deadlines(from: CivilDate, through: CivilDate, scope: ProjectScope) throws(StoreError)
        -> [DeadlineRecord]
    {
        try reader.sync { (connection) throws(StoreError) in
            try connection.deadlines(from: from, through: through, scope: scope)
        }
    }

    public func overdueRecords(scope: ProjectScope) throws(StoreError) -> [ProjectOverdueRecord] {
        try reader.sync { (connection) throws(StoreError) in try connection.overdueRecords(scope: scope) }
    }

    public func statistics() throws(StoreError) -> StoreStatistics {
        try reader.sync { (connection) throws(StoreError) in try connection.statistics() }
    }

    // MARK: Maintenance

    /// Empties the index tables (open tasks, timers, overdue records, activations, starters, counters) and fills
    /// them again from the stored states and histories, in one transaction after the writes in flight; returns how
    /// many projects it read. Opening a database of a schema before the index tables does this once.
    @discardableResult
    public func rebuildIndexes() throws(StoreError) -> Int {
        try writer.sync { (connection) throws(StoreError) in
            try connection.transaction { () throws(StoreError) in try connection.rebuildIndexes() }
        }
    }

    /// `EXPLAIN QUERY PLAN` of `sql`: the plan's lines (tests check the reads use their indexes).
    func queryPlan(_ sql: String, _ values: [SQLiteValue]) throws(StoreError) -> [String] {
        try reader.sync { (connection) throws(StoreError) in
            try connection.query("EXPLAIN QUERY PLAN " + sql, values) { $0.text(3) }
        }
    }

    /// `PRAGMA integrity_check`: "ok", or SQLite's list of problems.
    public func integrityCheck() throws(StoreError) -> String {
        try reader.sync { (connection) throws(StoreError) in
            try connection.query("PRAGMA integrity_check") { $0.text(0) }.joined(separator: "\n")
        }
    }

    /// The schema version of the open database.
    public func schemaVersion() throws(StoreError) -> Int {
        try reader.sync { (connection) throws(StoreError) in try connection.integer("PRAGMA user_version") ?? 0 }
    }

    /// Runs `sql` on the writer connection (tests use it to limit the database size).
    func executeOnWriter(_ sql: String) throws(StoreError) {
        try writer.sync { (connection) throws(StoreError) in try connection.execute(sql) }
    }
}

/// What the store's committer reports to: the statistics and the commit observers.
private final class CommitEvents: Sendable {
    let observers = Mutex<[@Sendable (Date?) -> Void]>([])
    let statistics = Mutex(SQLiteProjectStore.CommitStatistics())

    func record(_ size: Int, _ earliestTimer: Date?) {
        statistics.withLock {
            $0.writes += size
            $0.transactions += 1
        }
        for observer in observers.withLock({ $0 }) { observer(earliestTimer) }
    }
}
