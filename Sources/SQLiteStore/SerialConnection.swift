import Dispatch
import FlowCore

/// A connection and the one serial queue allowed to use it.
///
/// `@unchecked Sendable` because the connection is mutable and not thread-safe, but it is touched only inside
/// `queue`: every access goes through `sync` or runs on `queue`.
final class SerialConnection: @unchecked Sendable {
    /// The queue that owns the connection.
    let queue: DispatchQueue
    private let connection: SQLiteConnection

    init(_ connection: SQLiteConnection, label: String) {
        self.connection = connection
        queue = DispatchQueue(label: label)
    }

    /// Runs `body` on the queue with the connection and waits for it.
    func sync<T>(_ body: (SQLiteConnection) throws(StoreError) -> T) throws(StoreError) -> T {
        let result = queue.sync { Result { () throws(StoreError) -> T in try body(connection) } }
        return try result.get()
    }

    /// Runs `body` with the connection; the caller must be running on `queue`.
    func onQueue<T>(_ body: (SQLiteConnection) throws(StoreError) -> T) throws(StoreError) -> T {
        dispatchPrecondition(condition: .onQueue(queue))
        return try body(connection)
    }

    /// Closes the connection (after everything queued before it).
    func close() {
        queue.sync { connection.close() }
    }
}
