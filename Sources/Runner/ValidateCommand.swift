import FlowCore
import Foundation

/// `govflow validate [--calendars DIR] FILE...`: loads each definition and prints every problem as
/// `file:line:col: error: message`. Calendar ids are checked against the calendar files (default: the bundled
/// `workflows/calendars/`).
struct ValidateCommand {
    let registry: StageRegistry
    let io: CommandIO

    static let usage = "usage: govflow validate [--calendars DIR] FILE..."

    func run(_ arguments: [String]) -> Int32 {
        var files: [String] = []
        var calendarsDirectory = ResourceLocator.calendarsDirectory()
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--calendars" {
                guard index + 1 < arguments.count else {
                    io.error("error: --calendars needs a directory\n\(Self.usage)")
                    return 2
                }
                calendarsDirectory = URL(fileURLWithPath: arguments[index + 1])
                index += 2
            } else {
                files.append(arguments[index])
                index += 1
            }
        }
        guard !files.isEmpty else {
            io.error(Self.usage)
            return 2
        }
        let calendars: CalendarLibrary
        do {
            calendars = try CalendarLibrary.load(directory: calendarsDirectory)
        } catch {
            io.error("\(error)")
            return 1
        }
        let loader = DefinitionLoader(registry: registry, knownCalendars: Set(calendars.ids))
        var failed = false
        for file in files {
            do {
                let definition = try loader.load(contentsOf: URL(fileURLWithPath: file), displayPath: file)
                io.print("\(file): valid (\(definition.id) version \(definition.version), \(definition.nodes.count) nodes)")
            } catch {
                failed = true
                for diagnostic in error.diagnostics { io.error(diagnostic.description) }
            }
        }
        return failed ? 1 : 0
    }
}
