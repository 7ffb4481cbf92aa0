/// A checker for the subset of Mermaid flowchart syntax `MermaidRenderer` writes, so that tests can prove every
/// diagram parses: a `flowchart` header, `%%` comments, node declarations `id["label"]` in the shapes used
/// (`[ ]`, `{ }`, `{{ }}`, `([ ])`, `((( )))`), and edges `a --> b`, `a -.-> b`, `a ==> b` with an optional
/// `|label|` or `|"label"|`.
///
/// It reports unbalanced brackets and quotes, unknown syntax, ids declared twice, the reserved id `end`, and edges
/// to undeclared ids. It is deliberately strict: anything outside the subset is a problem.
public enum MermaidGrammarCheck {
    /// Each problem as `line N: message`; empty when the text is in the subset.
    public static func problems(in text: String) -> [String] {
        var problems: [String] = []
        var declared: Set<String> = []
        var references: [(line: Int, id: String)] = []
        var sawHeader = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingWhitespace
            if line.isEmpty { continue }
            if !sawHeader {
                let words = line.split(separator: " ")
                if words.count == 2, words[0] == "flowchart", ["TD", "TB", "BT", "LR", "RL"].contains(words[1]) {
                    sawHeader = true
                } else {
                    problems.append("line \(number): expected the header \"flowchart TD\", found \"\(line)\"")
                    return problems
                }
                continue
            }
            if line.hasPrefix("%%") {
                if line.hasPrefix("%%{") { problems.append("line \(number): directives (%%{…}%%) are not allowed") }
                continue
            }
            var scanner = LineScanner(Substring(line))
            guard let first = scanner.identifier() else {
                problems.append("line \(number): expected a node id at the start of \"\(line)\"")
                continue
            }
            if first == "end" { problems.append("line \(number): \"end\" is a reserved word; it cannot be a node id") }
            scanner.skipSpaces()
            if let problem = scanner.arrowEdge() {
                switch problem {
                case .success(let target):
                    references.append((number, first))
                    references.append((number, target))
                    if target == "end" {
                        problems.append("line \(number): \"end\" is a reserved word; it cannot be a node id")
                    }
                case .failure(let message):
                    problems.append("line \(number): \(message)")
                }
                continue
            }
            if let message = scanner.shape() {
                problems.append("line \(number): \(message)")
            } else if !declared.insert(first).inserted {
                problems.append("line \(number): node \"\(first)\" is declared twice")
            }
        }
        if !sawHeader { problems.append("line 1: the diagram is empty; expected \"flowchart TD\"") }
        for reference in references where !declared.contains(reference.id) {
            problems.append("line \(reference.line): edge refers to undeclared node \"\(reference.id)\"")
        }
        return problems
    }
}

/// Reads one line of the Mermaid subset from left to right.
private struct LineScanner {
    enum EdgeResult {
        case success(String)
        case failure(String)
    }

    private var rest: Substring

    init(_ line: Substring) {
        rest = line
    }

    mutating func skipSpaces() {
        rest = rest.drop { $0 == " " }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    mutating func identifier() -> String? {
        guard let first = rest.first, first.isASCII, first.isLetter || first == "_" else { return nil }
        let id = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        rest = rest.dropFirst(id.count)
        return String(id)
    }

    /// An edge after its source id, or `nil` when the line does not continue with an arrow.
    mutating func arrowEdge() -> EdgeResult? {
        guard let arrow = ["-.->", "-->", "==>"].first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(arrow.count)
        if rest.first == "|" {
            rest = rest.dropFirst()
            if rest.first == "\"" {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: "\"") else { return .failure("unterminated quoted edge label") }
                rest = rest[rest.index(after: close)...]
                guard rest.first == "|" else { return .failure("expected | after the quoted edge label") }
            } else {
                guard let close = rest.firstIndex(of: "|") else { return .failure("unterminated edge label") }
                if rest[..<close].contains("\"") { return .failure("unbalanced quote in the edge label") }
                rest = rest[close...]
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return .failure("expected a space before the edge's target") }
        skipSpaces()
        guard let target = identifier() else { return .failure("expected the edge's target node id") }
        guard rest.isEmpty else { return .failure("unexpected text after the edge: \"\(rest)\"") }
        return .success(target)
    }

    /// A node's shape and quoted label after its id; `nil` when well formed, else what is wrong.
    mutating func shape() -> String? {
        let shapes = [("(((", ")))"), ("([", "])"), ("{{", "}}"), ("[", "]"), ("{", "}")]
        guard let (open, close) = shapes.first(where: { rest.hasPrefix($0.0) }) else {
            return "expected a node shape such as [\"label\"] or an edge such as -->, found \"\(rest)\""
        }
        rest = rest.dropFirst(open.count)
        guard rest.first == "\"" else { return "a node label must be quoted: \(open)\"…\"\(close)" }
        rest = rest.dropFirst()
        guard let quote = rest.firstIndex(of: "\"") else { return "unterminated quoted label" }
        rest = rest[rest.index(after: quote)...]
        guard rest == close else {
            return "unbalanced brackets: expected \"\(close)\" to close \"\(open)\", found \"\(rest)\""
        }
        return nil
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
