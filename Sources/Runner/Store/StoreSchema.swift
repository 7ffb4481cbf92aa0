import FlowCore

/// The database layout and its ordered migrations, versioned with `PRAGMA user_version`.
///
/// Migration `n` turns a version `n - 1` database into version `n`: its SQL, then, when it has one, a Swift step that
/// rewrites rows (version 4 rewrites every history row and state from the synthesized `Codable` form into the
/// records of docs/formats.md). Opening runs the missing ones in order, all in one transaction, so a database is
/// never left between versions. A database whose version is newer than `latestVersion` was written by a newer
/// GovFlow and is refused, unchanged.
enum StoreSchema {
    /// One migration: SQL, then an optional step that rewrites rows with Swift code.
    struct Migration: Sendable {
        let sql: String
        let rewrite: (@Sendable (SQLiteConnection) throws(StoreError) -> Void)?

        init(_ sql: String, rewrite: (@Sendable (SQLiteConnection) throws(StoreError) -> Void)? = nil) {
            self.sql = sql
            self.rewrite = rewrite
        }
    }

    /// `PRAGMA application_id` of a GovFlow database ("GvFw"), so that another program's SQLite file is refused.
    static let applicationID = 0x4776_4677

    /// The migrations in order; index 0 makes version 1.
    static let migrations: [Migration] = [
        // 1: the tables.
        Migration("""
        CREATE TABLE definitions (
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            source TEXT NOT NULL,
            deployed_at REAL NOT NULL,
            PRIMARY KEY (id, version)
        );
        CREATE TABLE projects (
            id TEXT PRIMARY KEY NOT NULL,
            definition_id TEXT NOT NULL,
            definition_version INTEGER NOT NULL,
            status TEXT NOT NULL,
            last_sequence INTEGER NOT NULL,
            state TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE history (
            project_id TEXT NOT NULL REFERENCES projects (id),
            sequence INTEGER NOT NULL,
            at REAL NOT NULL,
            actor TEXT NOT NULL,
            event TEXT NOT NULL,
            PRIMARY KEY (project_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE timers (
            project_id TEXT NOT NULL REFERENCES projects (id),
            timer_id INTEGER NOT NULL,
            fire_at INTEGER NOT NULL,
            PRIMARY KEY (project_id, timer_id)
        ) WITHOUT ROWID;
        """),
        // 2: the timer service asks for the earliest timers; index them by fire time.
        Migration("""
        CREATE INDEX timers_by_fire_at ON timers (fire_at, project_id, timer_id);
        """),
        // 3: remember which timers are provisional (due in a year without a holiday notice yet), so that the runner
        // finds the projects to recompute when new calendar data arrives. Timers stored before this version are
        // marked provisional, so the first start after the migration checks them once.
        Migration("""
        ALTER TABLE timers ADD COLUMN provisional INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX timers_provisional ON timers (project_id) WHERE provisional = 1;
        """),
        // 4: explicit, versioned records (docs/formats.md). Each history row gets the format version of its actor and
        // event records; every row and every state is rewritten from the synthesized `Codable` form of versions 1-3.
        Migration("""
        ALTER TABLE history ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
        """, rewrite: LegacyRecords.upgrade),
    ]

    /// The version this build writes.
    static var latestVersion: Int { migrations.count }

    /// Checks the file is a GovFlow database this build understands and brings it to `latestVersion`.
    /// Returns the version it found.
    @discardableResult
    static func migrate(_ connection: SQLiteConnection) throws(StoreError) -> Int {
        try connection.transaction { () throws(StoreError) -> Int in
            let version = try connection.integer("PRAGMA user_version") ?? 0
            let application = try connection.integer("PRAGMA application_id") ?? 0
            let objects = try connection.integer("SELECT count(*) FROM sqlite_master") ?? 0
            if version > latestVersion {
                throw .failure("the database \(connection.path) has schema version \(version), written by a newer "
                    + "GovFlow; this govflow knows versions up to \(latestVersion). Run the newer govflow, or "
                    + "restore a backup made by this version")
            }
            if application != applicationID && (application != 0 || version != 0 || objects != 0) {
                throw .failure("the file \(connection.path) is a SQLite database but not a GovFlow one "
                    + "(application_id \(application)); point --db at a GovFlow database or a new file")
            }
            guard version < latestVersion else { return version }
            for step in version..<latestVersion {
                try connection.execute(migrations[step].sql)
                try migrations[step].rewrite?(connection)
            }
            try connection.execute("PRAGMA application_id = \(applicationID)")
            try connection.execute("PRAGMA user_version = \(latestVersion)")
            return version
        }
    }
}
