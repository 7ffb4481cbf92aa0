import FlowCore
import Foundation

/// `govflow validate [--calendars DIR] FILE...`: loads each definition and prints every problem as
/// `file:line:col: error: message`. Calendar ids are checked against the built-in calendars and those of
/// `--calendars DIR` (default: `calendars/` of the workflows folder, see `ResourceLocator`).
///
/// Exit status: 0 every file is valid, 1 a definition has problems, 2 a usage error or a file that cannot be read
/// (the other files are still checked).
struct ValidateCommand {
    let registry: StageRegistry
    let io: CommandIO

    static var usage: String { CommandTable.validate.usage }

    func run(_ arguments: [String]) -> Int32 {
        let spec = CommandTable.validate
        let options: ParsedArguments
        switch io.parse(arguments, spec) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        guard !options.positional.isEmpty else { return io.usageError("no definition file given", spec) }
        let calendars: CalendarLibrary
        do {
            calendars = try ResourceLocator.calendars(option: options.value("--calendars"))
        } catch {
            io.error("\(error)")
            return 1
        }
        let loader = DefinitionLoader(registry: registry, knownCalendars: Set(calendars.ids))
        var status: Int32 = 0
        for file in options.positional {
            let source: String
            do throws(InputFile.Problem) {
                source = try InputFile.read(file)
            } catch {
                io.error("error: \(error)")
                status = 2
                continue
            }
            do {
                let definition = try loader.load(source, file: file)
                let summary = "\(definition.id) version \(definition.version), \(definition.nodes.count) nodes"
                io.print("\(file): valid (\(summary))")
            } catch {
                if status == 0 { status = 1 }
                for diagnostic in error.diagnostics { io.error(diagnostic.description) }
            }
        }
        return status
    }
}
