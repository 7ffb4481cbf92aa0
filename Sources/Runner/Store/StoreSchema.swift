import FlowCore

/// The database layout and its ordered migrations, versioned with `PRAGMA user_version`.
///
/// Migration `n` turns a version `n - 1` database into version `n`. Opening runs the missing ones in order, all in
/// one transaction, so a database is never left between versions. A database whose version is newer than
/// `latestVersion` was written by a newer GovFlow and is refused.
enum StoreSchema {
    /// `PRAGMA application_id` of a GovFlow database ("GvFw"), so that another program's SQLite file is refused.
    static let applicationID = 0x4776_4677

    /// The migrations in order; index 0 makes version 1.
    static let migrations: [String] = [
        // 1: the tables.
        """
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
        """,
        // 2: the timer service asks for the earliest timers; index them by fire time.
        """
        CREATE INDEX timers_by_fire_at ON timers (fire_at, project_id, timer_id);
        """,
        // 3: remember which timers are provisional (due in a year without a holiday notice yet), so that the runner
        // finds the projects to recompute when new calendar data arrives. Timers stored before this version are
        // marked provisional, so the first start after the migration checks them once.
        """
        ALTER TABLE timers ADD COLUMN provisional INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX timers_provisional ON timers (project_id) WHERE provisional = 1;
        """,
        // 4: incidents (a failure inside the engine or a plugin that stopped a project's timer or a user's
        // command), open and resolved, copied from the state in the commit that changes them, for
        // GET /v1/incidents. A timer an open incident suspends is left out of `timers` by the same commit.
        // Databases before this version had no incidents, so the table starts empty.
        """
        CREATE TABLE incidents (
            project_id TEXT NOT NULL REFERENCES projects (id),
            incident INTEGER NOT NULL,
            status TEXT NOT NULL,
            timer_id INTEGER,
            command TEXT NOT NULL,
            error TEXT NOT NULL,
            failures INTEGER NOT NULL,
            raised_at REAL NOT NULL,
            resolution TEXT,
            moved_to TEXT,
            resolved_by TEXT,
            resolved_at REAL,
            comment TEXT,
            PRIMARY KEY (project_id, incident)
        ) WITHOUT ROWID;
        CREATE INDEX incidents_by_status ON incidents (status, raised_at, project_id, incident);
        """,
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
                try connection.execute(migrations[step])
            }
            try connection.execute("PRAGMA application_id = \(applicationID)")
            try connection.execute("PRAGMA user_version = \(latestVersion)")
            return version
        }
    }
}
