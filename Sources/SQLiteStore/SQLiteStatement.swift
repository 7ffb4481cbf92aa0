import CSQLite
import FlowCore

/// A value bound to a statement parameter or read from a column.
package enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null
}

/// One prepared statement, finalized when released. Used only on its connection's queue.
package final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
    private let database: OpaquePointer

    init(database: OpaquePointer, sql: String) throws(StoreError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v2(database, sql, -1, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_finalize(handle)
            throw SQLiteFailure.make(database: database, code: code, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears the previous run's bindings and binds `values` to parameters 1, 2, ….
    func bind(_ values: [SQLiteValue]) throws(StoreError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .real(let number): code = sqlite3_bind_double(handle, index, number)
            case .text(let text): code = csqlite_bind_text(handle, index, text, -1)
            case .null: code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw SQLiteFailure.make(database: database, code: code, sql: sql) }
        }
    }

    /// Runs one step: `true` when a row is ready, `false` when the statement is done.
    func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteFailure.make(database: database, code: code, sql: sql)
        }
    }

    /// Makes the statement ready for another run (releases its read snapshot).
    func reset() {
        sqlite3_reset(handle)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    package func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: bytes)
    }
}

/// Builds the `StoreError.failure` message for a SQLite error: the result code's name and text, SQLite's own
/// message, and the SQL (never the bound values, which may hold personal data).
enum SQLiteFailure {
    static func make(database: OpaquePointer?, code: Int32, sql: String) -> StoreError {
        let extended = database.map { sqlite3_extended_errcode($0) } ?? code
        let chosen = (extended & 0xFF) == (code & 0xFF) ? extended : code
        let detail = database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? ""
        return .failure(message(code: chosen, detail: detail, sql: sql))
    }

    static func message(code: Int32, detail: String, sql: String) -> String {
        let text = SQLiteResultCode.text(code)
        var message = "SQLite error \(SQLiteResultCode.name(code)): \(text)"
        if !detail.isEmpty && detail != text { message += " (\(detail))" }
        message += " while running: \(sql)"
        if let hint = hint(code) { message += "; \(hint)" }
        return message
    }

    /// What a person can do about the code, when there is something to say.
    static func hint(_ code: Int32) -> String? {
        switch code & 0xFF {
        case SQLITE_FULL: return "the disk is full: free space and retry; nothing of this write was stored"
        case SQLITE_BUSY, SQLITE_LOCKED:
            return "another process holds the database lock; stop it (a sqlite3 shell, a second runner) and retry"
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return "the file is damaged or not a database: restore the latest backup (see docs/operations.md)"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN:
            return "check that the file and its folder exist and are writable by this user"
        case SQLITE_IOERR: return "the disk reported an I/O error: check the disk and the system log"
        default: return nil
        }
    }
}
