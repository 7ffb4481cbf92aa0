import Dispatch
import FlowCore
import Foundation
import Synchronization

/// Writes concurrent callers' changes in shared transactions, and returns to each caller only once the
/// transaction holding its change is durable.
///
/// Each write joins a queue and its caller waits. The writer (the connection's serial queue) takes everything
/// queued so far and runs it in one `BEGIN IMMEDIATE … COMMIT`, each write inside its own `SAVEPOINT`: a write
/// that is refused (a conflict, a duplicate) is rolled back to its savepoint and fails alone, the others go on.
/// With `synchronous=FULL` the `COMMIT` returns after the write-ahead log is on disk; only then is every caller
/// woken with its own result. While one batch is being synced, new writes queue up and form the next batch, so
/// many concurrent callers share one disk sync instead of paying one each.
///
/// If the storage itself fails (a full disk, an I/O error), or the `COMMIT` does, the whole transaction is rolled
/// back and every caller in the batch gets that failure: nothing of the batch is stored and nobody was told
/// otherwise.
final class GroupCommitter: Sendable {
    /// A write to run inside the batch's transaction; returns the earliest timer it schedules, if any.
    typealias Write = @Sendable (SQLiteConnection) throws(StoreError) -> Date?

    private final class Ticket: Sendable {
        let write: Write
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<Date?, StoreError>>(.failure(.failure("the write was not run")))

        init(_ write: @escaping Write) {
            self.write = write
        }
    }

    private let connection: SerialConnection
    private let pending = Mutex<[Ticket]>([])
    private let batchObserver: @Sendable (_ size: Int, _ earliestTimer: Date?) -> Void

    /// A committer writing through `connection`; `batchObserver` hears of every durable batch.
    init(connection: SerialConnection,
         batchObserver: @escaping @Sendable (_ size: Int, _ earliestTimer: Date?) -> Void) {
        self.connection = connection
        self.batchObserver = batchObserver
    }

    /// Runs `write` in the next batch and waits until that batch is durable (or failed).
    @discardableResult
    func submit(_ write: @escaping Write) throws(StoreError) -> Date? {
        let ticket = Ticket(write)
        pending.withLock { $0.append(ticket) }
        connection.queue.async { self.drain() }
        ticket.done.wait()
        return try ticket.result.withLock { $0 }.get()
    }

    /// Runs on the connection's queue: writes everything queued as one transaction. A drain that finds the queue
    /// empty (an earlier drain took its ticket) does nothing.
    private func drain() {
        let batch = pending.withLock { queued in
            defer { queued.removeAll() }
            return queued
        }
        guard !batch.isEmpty else { return }
        let results: [Result<Date?, StoreError>]
        do {
            results = try connection.onQueue { (connection) throws(StoreError) in try write(batch, on: connection) }
        } catch {
            results = Array(repeating: .failure(error), count: batch.count)
        }
        var stored = 0
        var earliest: Date?
        for case .success(let timer) in results {
            stored += 1
            if let timer, earliest.map({ timer < $0 }) ?? true { earliest = timer }
        }
        if stored > 0 { batchObserver(batch.count, earliest) }
        for (ticket, result) in zip(batch, results) {
            ticket.result.withLock { $0 = result }
            ticket.done.signal()
        }
    }

    private func write(_ batch: [Ticket], on connection: SQLiteConnection) throws(StoreError)
        -> [Result<Date?, StoreError>]
    {
        try connection.transaction { () throws(StoreError) -> [Result<Date?, StoreError>] in
            var results: [Result<Date?, StoreError>] = []
            for ticket in batch {
                try connection.execute("SAVEPOINT one_write")
                do throws(StoreError) {
                    let earliest = try ticket.write(connection)
                    try connection.execute("RELEASE one_write")
                    results.append(.success(earliest))
                } catch {
                    if case StoreError.failure = error { throw error }
                    try connection.execute("ROLLBACK TO one_write")
                    try connection.execute("RELEASE one_write")
                    results.append(.failure(error))
                }
            }
            return results
        }
    }
}
