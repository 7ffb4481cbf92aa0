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
    /// `directory` `nil` means the definitions and calendars built into the executable. A folder without
    /// `calendars/` uses the built-in calendars; one with it adds its calendars to them.
    static func load(_ directory: URL?, registry: StageRegistry) throws(ServeError) -> WorkflowFolder {
        let calendars: CalendarLibrary
        do {
            calendars = try BuiltInResources.calendars(directory: ResourceLocator.calendarsDirectory(in: directory))
        } catch {
            throw .calendars(error)
        }
        var sources: [(file: String, text: String)] = []
        if let directory {
            do throws(InputFile.Problem) {
                try InputFile.checkDirectory(directory.path)
            } catch {
                throw .unreadableWorkflows(path: directory.path, reason: error.reason)
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                let path = directory.appendingPathComponent(name).path
                do throws(InputFile.Problem) {
                    sources.append((path, try InputFile.read(path)))
                } catch {
                    throw .unreadableWorkflows(path: path, reason: error.reason)
                }
            }
        } else {
            sources = BundledResources.definitions.map { ("\(BuiltInResources.displayPrefix)/\($0.name)", $0.text) }
        }
        let loader = DefinitionLoader(registry: registry, knownCalendars: Set(calendars.ids))
        var loaded: [LoadedDefinition] = []
        var diagnostics: [Diagnostic] = []
        for (file, source) in sources {
            do {
                let definition = try loader.load(source, file: file)
                loaded.append(LoadedDefinition(definition: definition, source: source, file: file))
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
