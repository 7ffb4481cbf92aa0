import FlowCore
import Foundation
import SQLiteStore

/// `govflow rebuild-indexes [--db PATH]`: empties the database's index tables (open tasks, timers, overdue records,
/// activations, starters, counters) and fills them again from the stored states and histories, in one transaction.
///
/// The tables are written with every commit, so they only disagree with the states if the file was changed by
/// hand; a store read that finds a row it cannot read names this command. The runner must be stopped: opening the
/// store takes the database's lock. Exit status: 0 done, 1 failed, 2 usage error.
struct RebuildIndexesCommand {
    let io: CommandIO

    func run(_ arguments: [String]) -> Int32 {
        let options: ParsedArguments
        switch io.parse(arguments, CommandTable.rebuildIndexes) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        guard options.positional.isEmpty else {
            io.error("error: unexpected argument \"\(options.positional[0])\"\n\(CommandTable.rebuildIndexes.usage)")
            return 2
        }
        let database = options.value("--db") ?? ServeCommand.defaultDatabase
        guard FileManager.default.fileExists(atPath: database) else {
            io.error("govflow rebuild-indexes: there is no database at \(database); give the runner's database with "
                + "--db")
            return 1
        }
        do throws(StoreError) {
            let store = try SQLiteProjectStore(path: database)
            defer { store.close() }
            let count = try store.rebuildIndexes()
            io.print("rebuilt the index tables of \(database) from \(count) project states")
            return 0
        } catch {
            io.error("govflow rebuild-indexes: \(error)")
            return 1
        }
    }
}
