import Foundation

/// The working calendars of a directory of calendar files, by identifier, with every `extends` resolved.
///
/// `workflows/calendars/` holds `cn-mainland.json` (the State Council notices) and any local calendars that
/// extend it with a jurisdiction's own rest days. Loading checks every file and refuses the whole directory on
/// the first problem, so that a running engine never counts with half a calendar.
public struct CalendarLibrary: Sendable {
    /// One calendar file's text and the path errors should name it by.
    public struct SourceFile: Sendable {
        /// The path shown in errors, e.g. "workflows/calendars/cn-mainland.json".
        public let path: String
        /// The file's JSON text.
        public let text: String

        /// Creates a file from its path and text.
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// The calendars by identifier.
    public let calendars: [String: HolidayCalendar]

    /// The calendar with identifier `id`, if loaded.
    public subscript(id: String) -> HolidayCalendar? { calendars[id] }

    /// The identifiers, sorted.
    public var ids: [String] { calendars.keys.sorted() }

    /// Loads every `*.json` file directly inside `directory` (subdirectories such as `tools/` are ignored), on top
    /// of the calendars in `base` (see `load(files:base:)`).
    public static func load(directory: URL, base: [SourceFile] = []) throws(CalendarLoadError) -> CalendarLibrary {
        let shownDirectory = displayPath(of: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw CalendarLoadError(
                path: shownDirectory, location: nil, message: "cannot read the calendar directory: no such directory")
        }
        guard isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else {
            let reason = isDirectory.boolValue ? "permission denied" : "not a directory"
            throw CalendarLoadError(
                path: shownDirectory, location: nil, message: "cannot read the calendar directory: \(reason)")
        }
        var files: [SourceFile] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = directory.appendingPathComponent(name)
            let shown = displayPath(of: url)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CalendarLoadError(path: shown, location: nil, message: "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CalendarLoadError(path: shown, location: nil, message: "the file is not UTF-8 text")
            }
            files.append(SourceFile(path: shown, text: text))
        }
        return try load(files: files, base: base)
    }

    /// Parses, checks and combines calendar files given as text.
    ///
    /// `base` are calendars available underneath `files` (the ones built into `govflow`): a file in `files` may
    /// extend one of them, and a calendar of `files` with the same identifier replaces it.
    public static func load(files: [SourceFile], base: [SourceFile] = []) throws(CalendarLoadError) -> CalendarLibrary {
        var definitions = try parse(files)
        for (id, definition) in try parse(base) where definitions[id] == nil {
            definitions[id] = definition
        }
        var calendars: [String: HolidayCalendar] = [:]
        for id in definitions.keys.sorted() {
            guard let definition = definitions[id] else { continue }
            let chain = try lineage(of: definition, in: definitions)
            calendars[id] = combine(chain)
        }
        return CalendarLibrary(calendars: calendars)
    }

    /// The definitions of `files` by identifier, refusing an identifier defined twice.
    private static func parse(_ files: [SourceFile]) throws(CalendarLoadError) -> [String: CalendarDefinition] {
        var definitions: [String: CalendarDefinition] = [:]
        for file in files {
            let root: JSONElement
            do {
                root = try JSONParser.parse(file.text)
            } catch {
                throw CalendarLoadError(path: file.path, location: error.location, message: error.message)
            }
            let definition = try CalendarDefinition(root, path: file.path)
            if let other = definitions[definition.id] {
                throw CalendarLoadError(
                    path: file.path, location: definition.idLocation,
                    message: "calendar \"\(definition.id)\" is also defined in \(other.path)")
            }
            definitions[definition.id] = definition
        }
        return definitions
    }

    /// `definition` followed by the calendars it extends, nearest first; refuses a missing calendar or a cycle.
    private static func lineage(
        of definition: CalendarDefinition, in definitions: [String: CalendarDefinition]
    ) throws(CalendarLoadError) -> [CalendarDefinition] {
        var chain = [definition]
        var current = definition
        while let parentID = current.extends {
            guard let parent = definitions[parentID] else {
                let known = definitions.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
                throw CalendarLoadError(
                    path: current.path, location: current.extendsLocation,
                    message: "calendar \"\(current.id)\" extends \"\(parentID)\", which is not defined; "
                        + "the calendars found are \(known)")
            }
            if chain.contains(where: { $0.id == parentID }) {
                let cycle = (chain.map(\.id) + [parentID]).map { "\"\($0)\"" }.joined(separator: " → ")
                throw CalendarLoadError(
                    path: current.path, location: current.extendsLocation,
                    message: "calendars extend each other in a cycle: \(cycle); one of them must extend none")
            }
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// The calendar of `chain` (nearest first): days of a nearer file replace those of the calendar it extends,
    /// and the covered years are those of the national calendar at the root.
    private static func combine(_ chain: [CalendarDefinition]) -> HolidayCalendar {
        var days: [CivilDate: DayKind] = [:]
        for definition in chain.reversed() {
            for (date, kind) in definition.listedDays { days[date] = kind }
        }
        let root = chain[chain.count - 1]
        let leaf = chain[0]
        return HolidayCalendar(
            id: leaf.id, name: leaf.name, coveredYears: Set(root.years.map(\.year)), days: days,
            ancestry: chain.dropFirst().map(\.id))
    }

    /// The path relative to the working directory when the file lies below it, else the full path.
    static func displayPath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
