import CSQLite
import FlowCore

/// One SQLite connection with a cache of prepared statements.
///
/// Not thread-safe by design: each connection is owned by one serial queue (`SerialConnection`) and used only there.
package final class SQLiteConnection {
    /// The database file's path.
    let path: String
    private var database: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (and with `create`, creates) the database file at `path`.
    package init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if create { flags |= SQLITE_OPEN_CREATE }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let detail = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? ""
            sqlite3_close_v2(handle)
            throw .failure("cannot open the database \(path): "
                + SQLiteFailure.message(code: code, detail: detail, sql: "open"))
        }
        sqlite3_extended_result_codes(handle, 1)
        database = handle
    }

    deinit {
        close()
    }

    /// Finalizes every statement and closes the connection. Later calls fail with "closed".
    package func close() {
        statements.removeAll()
        if let database { sqlite3_close_v2(database) }
        database = nil
    }

    private func open() throws(StoreError) -> OpaquePointer {
        guard let database else { throw .failure("the database \(path) is closed") }
        return database
    }

    /// Runs one or more statements without parameters or results (schema changes, transaction control).
    package func execute(_ sql: String) throws(StoreError) {
        let database = try open()
        let code = sqlite3_exec(database, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteFailure.make(database: database, code: code, sql: sql) }
    }

    private func statement(_ sql: String) throws(StoreError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let statement = try SQLiteStatement(database: try open(), sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows.
    package func run(_ sql: String, _ values: [SQLiteValue] = []) throws(StoreError) {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs a query and maps each row.
    package func query<Row>(_ sql: String, _ values: [SQLiteValue] = [],
                            row: (SQLiteStatement) throws(StoreError) -> Row) throws(StoreError) -> [Row]
    {
        let statement = try statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var rows: [Row] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// The first column of the first row as text (`nil` when there is no row).
    package func text(_ sql: String, _ values: [SQLiteValue] = []) throws(StoreError) -> String? {
        try query(sql, values) { $0.text(0) }.first
    }

    /// The first column of the first row as an integer (`nil` when there is no row).
    package func integer(_ sql: String, _ values: [SQLiteValue] = []) throws(StoreError) -> Int? {
        try query(sql, values) { $0.int(0) }.first
    }

    /// Whether no transaction is open.
    var isAutocommit: Bool {
        database.map { sqlite3_get_autocommit($0) != 0 } ?? true
    }

    /// Runs `body` in `BEGIN IMMEDIATE … COMMIT`; on any error rolls back and rethrows the first error.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            rollback()
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if SQLite has not already done so. Its own error is dropped: the error
    /// that caused the rollback is the one to report.
    func rollback() {
        if !isAutocommit { try? execute("ROLLBACK") }
    }
}
