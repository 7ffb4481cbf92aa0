import FlowCore
import Foundation
import SQLiteStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `govflow backup DEST [--db PATH]`: a consistent copy of the database, safe while a runner serves.
///
/// SQLite's `VACUUM INTO` reads one snapshot (WAL lets it read while the runner writes) into `DEST.partial`; the
/// copy is synced to disk, checked with `PRAGMA integrity_check`, and only then renamed to `DEST`. So `DEST`
/// either does not exist or is a whole, checked database. Exit status: 0 done, 1 failed, 2 usage error.
struct BackupCommand {
    let io: CommandIO

    static var usage: String { CommandTable.backup.usage }

    func run(_ arguments: [String]) -> Int32 {
        let options: ParsedArguments
        switch io.parse(arguments, CommandTable.backup) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        let database = options.value("--db") ?? ServeCommand.defaultDatabase
        guard options.positional.count <= 1 else {
            return usageError("unexpected argument \"\(options.positional[1])\"")
        }
        let destination = options.positional.first
        guard let destination else { return usageError("missing DEST, the backup file to create") }
        do throws(StoreError) {
            let summary = try Self.backup(database: database, to: destination)
            io.print("backed up \(database) to \(destination) (\(summary))")
            return 0
        } catch {
            io.error("govflow backup: \(error)")
            return 1
        }
    }

    /// Copies `database` to `destination`, which must not exist; returns a one-line summary of the copy.
    static func backup(database: String, to destination: String) throws(StoreError) -> String {
        let files = FileManager.default
        guard files.fileExists(atPath: database) else {
            throw .failure("there is no database at \(database); give the runner's database with --db")
        }
        guard !files.fileExists(atPath: destination) else {
            throw .failure("\(destination) exists already; a backup never overwrites: choose a new file name")
        }
        let partial = destination + ".partial"
        try? files.removeItem(atPath: partial)
        do throws(StoreError) {
            let source = try SQLiteConnection(path: database, create: false)
            try source.execute("PRAGMA busy_timeout = 5000")
            let application = try source.integer("PRAGMA application_id") ?? 0
            guard application == StoreSchema.applicationID else {
                throw .failure("\(database) is not a GovFlow database (application_id \(application))")
            }
            try source.run("VACUUM INTO ?", [.text(partial)])
            source.close()
            try syncFile(partial)
            let copy = try SQLiteConnection(path: partial, create: false)
            let check = try copy.query("PRAGMA integrity_check") { $0.text(0) }.joined(separator: "; ")
            guard check == "ok" else { throw .failure("the copy failed its integrity check: \(check)") }
            let projects = try copy.integer("SELECT count(*) FROM projects") ?? 0
            let entries = try copy.integer("SELECT count(*) FROM history") ?? 0
            let version = try copy.integer("PRAGMA user_version") ?? 0
            copy.close()
            guard rename(partial, destination) == 0 else {
                throw .failure("cannot rename \(partial) to \(destination): \(String(cString: strerror(errno)))")
            }
            try syncFile(URL(fileURLWithPath: destination).deletingLastPathComponent().path)
            return "schema version \(version), \(projects) projects, \(entries) history entries"
        } catch {
            try? files.removeItem(atPath: partial)
            throw error
        }
    }

    /// `fsync`s a file or folder: SQLite does not sync what `VACUUM INTO` writes.
    private static func syncFile(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .failure("cannot open \(path) to sync it: \(String(cString: strerror(errno))) (open)")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw .failure("cannot sync \(path) to disk: \(String(cString: strerror(errno))) (fsync); the disk may be "
                + "full or failing")
        }
    }

    private func usageError(_ message: String) -> Int32 {
        io.error("error: \(message)\n\(Self.usage)")
        return 2
    }
}
