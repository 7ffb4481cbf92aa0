import FlowCore

/// The database layout and its ordered migrations, versioned with `PRAGMA user_version`.
///
/// Migration `n` turns a version `n - 1` database into version `n`: its SQL, then, when it has one, a Swift step that
/// rewrites rows (version 4 rewrites every history row and state from the synthesized `Codable` form into the
/// records of docs/formats.md). Opening runs the missing ones in order, all in one transaction, so a database is
/// never left between versions. A database whose version is newer than `latestVersion` was written by a newer
/// GovFlow and is refused, unchanged.
package enum StoreSchema {
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
    package static let applicationID = 0x4776_4677

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
        // 5: incidents (a failure inside the engine or a plugin that stopped a project's timer or a user's
        // command), open and resolved, copied from the state in the commit that changes them, for
        // GET /v1/incidents. A timer an open incident suspends is not offered as due (`timers.suspended_by`, 6).
        // Databases before this version had no incidents, so the table starts empty.
        Migration("""
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
        """),
        // 6: what reads need, kept beside each state in the same transaction (see `IndexRows`): who started a
        // project; open tasks by assignee; each timer's purpose, node and due date for the deadline window; overdue
        // records by due date; stage activations by node and the fired-timer counters for metrics. The tables
        // start empty: `migrate` fills them from the stored states (`rebuildIndexes`) in the same transaction.
        Migration("""
        ALTER TABLE projects ADD COLUMN starter_id TEXT;
        ALTER TABLE projects ADD COLUMN starter_department TEXT;
        ALTER TABLE projects ADD COLUMN started_at REAL;
        CREATE INDEX projects_by_status ON projects (status);
        ALTER TABLE timers ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
        ALTER TABLE timers ADD COLUMN target TEXT;
        ALTER TABLE timers ADD COLUMN node TEXT NOT NULL DEFAULT '';
        ALTER TABLE timers ADD COLUMN due TEXT NOT NULL DEFAULT '';
        ALTER TABLE timers ADD COLUMN due_provisional INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE timers ADD COLUMN suspended_by INTEGER;
        CREATE INDEX timers_by_purpose ON timers (purpose);
        CREATE TABLE open_tasks (
            project_id TEXT NOT NULL REFERENCES projects (id),
            task_id INTEGER NOT NULL,
            assignee_kind TEXT NOT NULL,
            assignee_name TEXT NOT NULL,
            due TEXT,
            due_provisional INTEGER NOT NULL,
            definition_id TEXT NOT NULL,
            definition_version INTEGER NOT NULL,
            activation_id INTEGER NOT NULL,
            node TEXT NOT NULL,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            outcomes TEXT NOT NULL,
            opened_at REAL NOT NULL,
            delegated_by_kind TEXT,
            delegated_by_name TEXT,
            consultation_of INTEGER,
            blocking INTEGER NOT NULL,
            example_data TEXT NOT NULL,
            PRIMARY KEY (project_id, task_id)
        ) WITHOUT ROWID;
        CREATE INDEX open_tasks_by_assignee ON open_tasks (assignee_kind, assignee_name, due, project_id);
        CREATE TABLE overdue (
            project_id TEXT NOT NULL REFERENCES projects (id),
            position INTEGER NOT NULL,
            activation_id INTEGER NOT NULL,
            node TEXT NOT NULL,
            deadline TEXT NOT NULL,
            due TEXT NOT NULL,
            provisional INTEGER NOT NULL,
            interrupting INTEGER NOT NULL,
            recorded_at REAL NOT NULL,
            PRIMARY KEY (project_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX overdue_by_due ON overdue (due, project_id, activation_id);
        CREATE TABLE activations (
            project_id TEXT NOT NULL REFERENCES projects (id),
            activation_id INTEGER NOT NULL,
            definition_id TEXT NOT NULL,
            node TEXT NOT NULL,
            PRIMARY KEY (project_id, activation_id)
        ) WITHOUT ROWID;
        CREATE INDEX activations_by_node ON activations (definition_id, node);
        CREATE TABLE counters (
            name TEXT PRIMARY KEY NOT NULL,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO counters (name, value) VALUES ('timers_fired', 0), ('timers_fired_late', 0);
        """),
    ]

    /// The version whose migration creates the index tables: a database older than it has them filled from its
    /// states once every migration has run (so the states are read in this build's format).
    static let indexesVersion = 6

    /// The version this build writes.
    package static var latestVersion: Int { migrations.count }

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
            if version < indexesVersion { try connection.rebuildIndexes() }
            try connection.execute("PRAGMA application_id = \(applicationID)")
            try connection.execute("PRAGMA user_version = \(latestVersion)")
            return version
        }
    }
}
