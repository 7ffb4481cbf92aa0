/// Reads the `"nodes"` array of a definition: each node's fields, its references to other nodes, its stage kind
/// and parameters (checked by the kind), its deadlines and its expressions.
struct NodeReader {
    /// A node as read, with where it was written.
    struct ParsedNode {
        let node: Node
        let element: JSONElement
        let path: JSONPath
    }

    let registry: StageRegistry
    let symbols: SymbolTable
    let sink: DiagnosticSink

    static let nodeTypes = ["stage", "exclusive", "parallel", "join", "wait", "end"]
    static let commonFields = ["id", "type", "name", "basis", "note"]

    func readNodes(_ reader: ObjectReader) -> [ParsedNode] {
        guard let elements = reader.array("nodes", required: true) else { return [] }
        let nodesPath = JSONPath.root.appending("nodes")
        if elements.isEmpty, let element = reader.element("nodes", required: false) {
            sink.report(.invalidValue, "\"nodes\" is empty; a workflow needs at least a start and an end node",
                        at: element, path: nodesPath)
        }
        // First pass: the ids, so that references can be checked where they are written.
        var ids: [String: SourceLocation] = [:]
        for (index, element) in elements.enumerated() {
            guard let idElement = element.member("id")?.value, let id = idElement.string else { continue }
            if let first = ids[id] {
                sink.report(.duplicateID, "node id \"\(id)\" is used twice (first at line \(first.line))",
                            at: idElement, path: nodesPath.appending(index).appending("id"))
            } else {
                ids[id] = idElement.location
            }
        }
        let known = Set(ids.keys)
        return elements.enumerated().compactMap { index, element in
            readNode(element, path: nodesPath.appending(index), known: known)
        }
    }

    private func readNode(_ element: JSONElement, path: JSONPath, known: Set<String>) -> ParsedNode? {
        let what = element.member("id")?.value.string.map { "node \"\($0)\"" } ?? "a node"
        guard let reader = ObjectReader(element, path: path, what: what, sink: sink) else { return nil }
        let id = reader.identifier("id", required: true)
        guard let typeName = reader.string("type", required: true) else { return nil }
        let fields = NodeFields(reader: reader, known: known, registry: registry, symbols: symbols)
        let kind: NodeKind?
        switch typeName {
        case "stage": kind = fields.stage()
        case "exclusive": kind = fields.exclusive()
        case "parallel": kind = fields.parallel()
        case "join": kind = fields.join()
        case "wait": kind = fields.wait()
        case "end": kind = fields.end()
        default:
            if let typeElement = reader.element("type", required: false) {
                sink.report(.invalidValue,
                            Suggestion.unknown("node type", typeName, among: NodeReader.nodeTypes, plural: "types"),
                            at: typeElement, path: path.appending("type"))
            }
            return nil
        }
        let name = reader.string("name", required: false)
        let basis = reader.string("basis", required: false)
        let note = reader.string("note", required: false)
        guard let id, let kind else { return nil }
        return ParsedNode(node: Node(id: id, name: name ?? id, basis: basis, note: note, kind: kind),
                          element: element, path: path)
    }
}
