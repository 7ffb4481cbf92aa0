import CSQLite

/// Names of SQLite result codes, so that messages say `SQLITE_FULL` rather than `13`.
enum SQLiteResultCode {
    private static let primaryNames: [Int32: String] = [
        SQLITE_OK: "SQLITE_OK", SQLITE_ERROR: "SQLITE_ERROR", SQLITE_INTERNAL: "SQLITE_INTERNAL",
        SQLITE_PERM: "SQLITE_PERM", SQLITE_ABORT: "SQLITE_ABORT", SQLITE_BUSY: "SQLITE_BUSY",
        SQLITE_LOCKED: "SQLITE_LOCKED", SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY",
        SQLITE_INTERRUPT: "SQLITE_INTERRUPT", SQLITE_IOERR: "SQLITE_IOERR", SQLITE_CORRUPT: "SQLITE_CORRUPT",
        SQLITE_NOTFOUND: "SQLITE_NOTFOUND", SQLITE_FULL: "SQLITE_FULL", SQLITE_CANTOPEN: "SQLITE_CANTOPEN",
        SQLITE_PROTOCOL: "SQLITE_PROTOCOL", SQLITE_EMPTY: "SQLITE_EMPTY", SQLITE_SCHEMA: "SQLITE_SCHEMA",
        SQLITE_TOOBIG: "SQLITE_TOOBIG", SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", SQLITE_MISMATCH: "SQLITE_MISMATCH",
        SQLITE_MISUSE: "SQLITE_MISUSE", SQLITE_NOLFS: "SQLITE_NOLFS", SQLITE_AUTH: "SQLITE_AUTH",
        SQLITE_FORMAT: "SQLITE_FORMAT", SQLITE_RANGE: "SQLITE_RANGE", SQLITE_NOTADB: "SQLITE_NOTADB",
        SQLITE_NOTICE: "SQLITE_NOTICE", SQLITE_WARNING: "SQLITE_WARNING", SQLITE_ROW: "SQLITE_ROW",
        SQLITE_DONE: "SQLITE_DONE",
    ]

    /// Extended codes worth naming: the ones an operator may meet (disk, locks, constraints).
    private static let extendedNames: [Int32: String] = [
        SQLITE_IOERR | (4 << 8): "SQLITE_IOERR_SHORT_READ", SQLITE_IOERR | (3 << 8): "SQLITE_IOERR_WRITE",
        SQLITE_IOERR | (1 << 8): "SQLITE_IOERR_READ",
        SQLITE_IOERR | (5 << 8): "SQLITE_IOERR_FSYNC", SQLITE_IOERR | (13 << 8): "SQLITE_IOERR_NOMEM",
        SQLITE_IOERR | (15 << 8): "SQLITE_IOERR_LOCK", SQLITE_IOERR | (10 << 8): "SQLITE_IOERR_DELETE",
        SQLITE_BUSY | (1 << 8): "SQLITE_BUSY_RECOVERY", SQLITE_BUSY | (2 << 8): "SQLITE_BUSY_SNAPSHOT",
        SQLITE_CANTOPEN | (1 << 8): "SQLITE_CANTOPEN_NOTEMPDIR", SQLITE_CANTOPEN | (2 << 8): "SQLITE_CANTOPEN_ISDIR",
        SQLITE_CANTOPEN | (3 << 8): "SQLITE_CANTOPEN_FULLPATH", SQLITE_CORRUPT | (1 << 8): "SQLITE_CORRUPT_VTAB",
        SQLITE_READONLY | (1 << 8): "SQLITE_READONLY_RECOVERY", SQLITE_READONLY | (3 << 8): "SQLITE_READONLY_ROLLBACK",
        SQLITE_READONLY | (4 << 8): "SQLITE_READONLY_DBMOVED", SQLITE_READONLY | (5 << 8): "SQLITE_READONLY_CANTINIT",
        SQLITE_CONSTRAINT | (3 << 8): "SQLITE_CONSTRAINT_FOREIGNKEY",
        SQLITE_CONSTRAINT | (5 << 8): "SQLITE_CONSTRAINT_NOTNULL",
        SQLITE_CONSTRAINT | (6 << 8): "SQLITE_CONSTRAINT_PRIMARYKEY",
        SQLITE_CONSTRAINT | (8 << 8): "SQLITE_CONSTRAINT_UNIQUE",
    ]

    /// The code's name, e.g. "SQLITE_IOERR_FSYNC", or "SQLITE_IOERR (extended code 4874)" for an unnamed one.
    static func name(_ code: Int32) -> String {
        if let name = extendedNames[code] ?? primaryNames[code] { return name }
        let primary = primaryNames[code & 0xFF] ?? "SQLite result"
        return "\(primary) (extended code \(code))"
    }

    /// SQLite's English description of the code.
    static func text(_ code: Int32) -> String {
        guard let text = sqlite3_errstr(code) else { return "unknown error" }
        return String(cString: text)
    }
}
