/// Writes a process graph in the Graphviz DOT language (`digraph`).
///
/// Every id and label is a quoted string with `\` and `"` escaped; label lines are joined with DOT's `\n`.
enum DotRenderer {
    static func render(_ graph: ProcessGraph) -> String {
        var lines = [
            "digraph \(quote(graph.workflowID)) {",
            "    rankdir=TB;",
            "    node [fontname=\"sans-serif\"];",
            "    edge [fontname=\"sans-serif\"];",
        ]
        for vertex in graph.vertices {
            let label = vertex.lines.map(escape).joined(separator: "\\n")
            lines.append("    \(quote(vertex.id)) [\(attributes(vertex.shape)), label=\"\(label)\"];")
        }
        for edge in graph.edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(quote(label))") }
            switch edge.style {
            case .solid: break
            case .dashed: attributes.append("style=dashed")
            case .dotted: attributes.append("style=dotted")
            }
            let list = attributes.isEmpty ? "" : " [" + attributes.joined(separator: ", ") + "]"
            lines.append("    \(quote(edge.from)) -> \(quote(edge.to))\(list);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func attributes(_ shape: ProcessGraph.Shape) -> String {
        switch shape {
        case .stage: return "shape=box"
        case .gateway: return "shape=diamond"
        case .parallel, .join: return "shape=hexagon"
        case .wait: return "shape=box, style=rounded"
        case .end: return "shape=doublecircle"
        }
    }

    /// A DOT quoted string.
    static func quote(_ text: String) -> String { "\"" + escape(text) + "\"" }

    /// Text inside a DOT quoted string: backslashes and quotes escaped, line breaks as spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
