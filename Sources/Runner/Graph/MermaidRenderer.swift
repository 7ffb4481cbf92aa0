/// Writes a process graph as a Mermaid flowchart (`flowchart TD`).
///
/// Node ids become safe identifiers (`pre-review` → `n_pre_review`; the prefix also keeps Mermaid's keyword `end`
/// away); labels are always quoted, with `"`, `#`, `<`, `>`, `&` and `|` written as Mermaid entity codes.
enum MermaidRenderer {
    static func render(_ graph: ProcessGraph) -> String {
        let ids = safeIDs(graph.vertices.map(\.id))
        var lines = ["flowchart TD", "    %% workflow \(comment(graph.workflowID)) version \(graph.version)"]
        for vertex in graph.vertices {
            let label = "\"" + vertex.lines.map(escape).joined(separator: "<br/>") + "\""
            let (open, close) = brackets(vertex.shape)
            lines.append("    \(ids[vertex.id] ?? vertex.id)\(open)\(label)\(close)")
        }
        for edge in graph.edges {
            let arrow = edge.style == .solid ? "-->" : "-.->"
            let label = edge.label.map { "|\"\(escape($0))\"|" } ?? ""
            lines.append("    \(ids[edge.from] ?? edge.from) \(arrow)\(label) \(ids[edge.to] ?? edge.to)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func brackets(_ shape: ProcessGraph.Shape) -> (String, String) {
        switch shape {
        case .stage: return ("[", "]")
        case .gateway: return ("{", "}")
        case .parallel, .join: return ("{{", "}}")
        case .wait: return ("([", "])")
        case .end: return ("(((", ")))")
        }
    }

    /// Mermaid identifiers for node ids: `n_` and the id with every character outside `[A-Za-z0-9_]` replaced by
    /// `_`, with `_2`, `_3`… appended when two ids would collide.
    static func safeIDs(_ ids: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var used: Set<String> = []
        for id in ids {
            let base = "n_" + String(id.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                    ? Character(scalar) : "_"
            })
            var candidate = base
            var counter = 2
            while used.contains(candidate) {
                candidate = "\(base)_\(counter)"
                counter += 1
            }
            used.insert(candidate)
            result[id] = candidate
        }
        return result
    }

    /// Text inside a quoted Mermaid label.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "#quot;"
            case "#": result += "#35;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "|": result += "#124;"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Text safe in a `%%` comment (which must not start a `%%{…}%%` directive).
    private static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
    }
}
