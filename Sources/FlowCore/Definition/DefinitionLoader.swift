import Foundation

/// Loads a workflow definition from JSON text and validates it completely: the caller gets either a definition
/// with no problem, or every problem found, each at its file:line:column and JSON path.
public struct DefinitionLoader: Sendable {
    /// The stage kinds definitions may use.
    public let registry: StageRegistry
    /// The calendar identifiers definitions may name, or `nil` to accept any (when calendars are checked later).
    public let knownCalendars: Set<String>?

    public init(registry: StageRegistry, knownCalendars: Set<String>? = nil) {
        self.registry = registry
        self.knownCalendars = knownCalendars
    }

    static let topLevelFields = [
        "$schema", "id", "version", "title", "jurisdiction", "regulation", "calendar", "restDayConvention",
        "variables", "computed", "start", "nodes", "note",
    ]

    /// Loads the definition in `text`; `file` names it in diagnostics.
    public func load(_ text: String, file: String) throws(DefinitionError) -> WorkflowDefinition {
        let sink = DiagnosticSink(file: file)
        let root: JSONElement
        do {
            root = try JSONParser.parse(text)
        } catch {
            sink.report(.malformedJSON, error.message, at: error.location, path: .root)
            throw DefinitionError(diagnostics: sink.sorted)
        }
        guard let reader = ObjectReader(root, path: .root, what: "the definition", sink: sink) else {
            throw DefinitionError(diagnostics: sink.sorted)
        }
        reader.rejectUnknownFields(allowed: DefinitionLoader.topLevelFields)

        let id = reader.identifier("id", required: true)
        let version = readVersion(reader)
        let title = reader.string("title", required: true)
        let jurisdiction = readJurisdiction(reader)
        let regulation = readRegulation(reader)
        let calendar = readCalendar(reader)
        let convention = readConvention(reader)
        _ = reader.string("note", required: false)
        let variables = readVariables(reader)
        let variableSymbols = SymbolTable(Dictionary(
            variables.map { ("project.\($0.name)", $0.type) }, uniquingKeysWith: { first, _ in first }))
        let computed = readComputed(reader, symbols: variableSymbols)
        var symbols = variableSymbols
        for value in computed { symbols.types["computed.\(value.name)"] = value.expression.resultType }

        let nodeReader = NodeReader(registry: registry, symbols: symbols, sink: sink)
        let nodes = nodeReader.readNodes(reader)
        let start = reader.string("start", required: true)

        guard sink.isEmpty, let id, let version, let title, let jurisdiction, let regulation, let calendar,
              let start
        else { throw DefinitionError(diagnostics: sink.sorted) }

        let graph = GraphValidator(nodes: nodes, start: start, startElement: reader.element("start", required: false),
                                   sink: sink)
        let blocks = graph.validate()
        guard sink.isEmpty else { throw DefinitionError(diagnostics: sink.sorted) }

        return WorkflowDefinition(
            id: id, version: version, title: title, jurisdiction: jurisdiction, regulation: regulation,
            calendar: calendar, restDayConvention: convention, variables: variables, computed: computed,
            start: start, nodes: nodes.map(\.node), parallelBlocks: blocks)
    }

    /// Loads the definition in the file at `url`; diagnostics name the file as `displayPath` (default: its path).
    public func load(contentsOf url: URL, displayPath: String? = nil) throws(DefinitionError) -> WorkflowDefinition {
        let name = displayPath ?? url.path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard exists, !isDirectory.boolValue, let data = FileManager.default.contents(atPath: url.path) else {
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"
            throw DefinitionError(diagnostics: [Diagnostic(
                code: .malformedJSON, message: "cannot read \(name): \(reason)", file: name,
                location: SourceLocation(line: 1, column: 1), path: .root)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DefinitionError(diagnostics: [Diagnostic(
                code: .malformedJSON, message: "the file is not valid UTF-8 text", file: name,
                location: SourceLocation(line: 1, column: 1), path: .root)])
        }
        return try load(text, file: name)
    }

    private func readVersion(_ reader: ObjectReader) -> Int? {
        guard let element = reader.element("version", required: true) else { return nil }
        guard case .number(let text) = element.content, let version = Int(text), version >= 1 else {
            reader.sink.report(.invalidValue, "\"version\" must be a whole number of at least 1, found \(element.value)",
                               at: element, path: .root.appending("version"))
            return nil
        }
        return version
    }

    private func readJurisdiction(_ reader: ObjectReader) -> Jurisdiction? {
        guard let object = reader.object("jurisdiction", required: true, what: "\"jurisdiction\"") else { return nil }
        object.rejectUnknownFields(allowed: ["name", "code"])
        let name = object.string("name", required: true)
        let code = object.string("code", required: true)
        if let code, let element = object.element("code", required: false),
           code.count != 6 || !code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            reader.sink.report(.invalidValue,
                               "\"\(code)\" is not an administrative division code: write its six digits, e.g. \"320902\"",
                               at: element, path: object.path.appending("code"))
            return nil
        }
        guard let name, let code else { return nil }
        return Jurisdiction(name: name, code: code)
    }

    private func readRegulation(_ reader: ObjectReader) -> Regulation? {
        guard let object = reader.object("regulation", required: true, what: "\"regulation\"") else { return nil }
        object.rejectUnknownFields(allowed: ["title", "document", "url"])
        let title = object.string("title", required: true)
        let document = object.string("document", required: false)
        let url = object.string("url", required: false)
        return title.map { Regulation(title: $0, document: document, url: url) }
    }

    private func readCalendar(_ reader: ObjectReader) -> String? {
        guard let calendar = reader.string("calendar", required: true) else { return nil }
        if let knownCalendars, !knownCalendars.contains(calendar), let element = reader.element("calendar", required: false) {
            reader.sink.report(
                .unknownCalendar,
                "unknown calendar \"\(calendar)\"\(Suggestion.hint(for: calendar, in: knownCalendars)); known calendars: "
                    + knownCalendars.sorted().joined(separator: ", "),
                at: element, path: .root.appending("calendar"))
            return nil
        }
        return calendar
    }

    private func readConvention(_ reader: ObjectReader) -> RestDayConvention {
        guard let text = reader.string("restDayConvention", required: false) else { return .eventDate }
        guard let convention = RestDayConvention(rawValue: text) else {
            if let element = reader.element("restDayConvention", required: false) {
                let allowed = RestDayConvention.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                reader.sink.report(.invalidValue, "\"restDayConvention\" must be \(allowed), found \"\(text)\"",
                                   at: element, path: .root.appending("restDayConvention"))
            }
            return .eventDate
        }
        return convention
    }
}
