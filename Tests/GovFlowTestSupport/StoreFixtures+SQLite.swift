import SQLiteStore

extension StoreFixtures {
    /// Every record stored in the database at `path`: each history row's actor and event, each project's state.
    package static func storedRecords(_ path: String) throws -> [String] {
        let connection = try SQLiteConnection(path: path, create: false)
        defer { connection.close() }
        return try connection.query("SELECT actor, event FROM history ORDER BY project_id, sequence") {
            [$0.text(0), $0.text(1)]
        }.flatMap { $0 } + connection.query("SELECT state FROM projects ORDER BY id") { $0.text(0) }
    }
}
