import FlowCore
import Foundation

/// The definitions and calendars of a workflows folder: every `*.json` directly inside it is a definition,
/// `calendars/` holds the working calendars.
struct WorkflowFolder {
    /// A definition file that loaded.
    struct LoadedDefinition {
        let definition: WorkflowDefinition
        let source: String
        let file: String
    }

    let calendars: CalendarLibrary
    let definitions: [LoadedDefinition]

    /// Loads and validates everything; an invalid definition fails the whole folder with every diagnostic.
    static func load(_ directory: URL, registry: StageRegistry) throws(ServeError) -> WorkflowFolder {
        let calendars: CalendarLibrary
        do {
            calendars = try CalendarLibrary.load(directory: directory.appendingPathComponent("calendars"))
        } catch {
            throw .calendars(error)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadableWorkflows(path: directory.path, reason: "\(error.localizedDescription)")
        }
        let loader = DefinitionLoader(registry: registry, knownCalendars: Set(calendars.ids))
        var loaded: [LoadedDefinition] = []
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let source = String(data: data, encoding: .utf8)
            else { throw .unreadableWorkflows(path: url.path, reason: "the file is unreadable or not UTF-8") }
            do {
                let definition = try loader.load(source, file: url.path)
                loaded.append(LoadedDefinition(definition: definition, source: source, file: url.path))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw .invalidDefinitions(diagnostics) }
        return WorkflowFolder(calendars: calendars, definitions: loaded)
    }

    /// The calendars as the service wants them.
    var workingCalendars: [String: any WorkingCalendar] {
        calendars.calendars.mapValues { $0 as any WorkingCalendar }
    }
}
