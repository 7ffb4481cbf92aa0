/// A checker for the subset of the Graphviz DOT language `DotRenderer` writes: `digraph ID { … }` holding
/// `graph`/`node`/`edge` attribute statements, `id=value` assignments, node statements `"id" [a=b, …]` and edge
/// statements `"a" -> "b" [a=b, …]`, each ending with `;`.
///
/// It tokenizes like Graphviz (identifiers, numerals, quoted strings with `\"` escapes, `//` comments), reports
/// unterminated strings, unbalanced braces and brackets, unquoted keywords used as ids, and edges to nodes that
/// no node statement declares.
public enum DotGrammarCheck {
    /// Each problem as `line N: message`; empty when the text is in the subset.
    public static func problems(in text: String) -> [String] {
        var tokens: [DotToken] = []
        do {
            tokens = try DotToken.tokenize(text)
        } catch {
            return [error.message]
        }
        var parser = DotParser(tokens: tokens)
        parser.parseGraph()
        var problems = parser.problems
        if problems.isEmpty {
            for (line, id) in parser.references where !parser.declared.contains(id) {
                problems.append("line \(line): edge refers to undeclared node \"\(id)\"")
            }
        }
        return problems
    }
}

/// A DOT token with its line.
private struct DotToken {
    enum Kind: Equatable {
        /// An identifier or numeral.
        case id(String)
        /// A quoted string, unescaped.
        case string(String)
        case punctuation(String)
        case end
    }

    struct Failure: Error {
        let message: String
    }

    let kind: Kind
    let line: Int

    static func tokenize(_ text: String) throws(Failure) -> [DotToken] {
        var tokens: [DotToken] = []
        let characters = Array(text)
        var index = 0
        var line = 1
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                line += 1
                index += 1
            } else if character == " " || character == "\t" || character == "\r" {
                index += 1
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
            } else if character == "\"" {
                let startLine = line
                var value = ""
                index += 1
                while true {
                    guard index < characters.count else {
                        throw Failure(message: "line \(startLine): unterminated quoted string")
                    }
                    let next = characters[index]
                    if next == "\\", index + 1 < characters.count, characters[index + 1] == "\"" {
                        value.append("\"")
                        index += 2
                    } else if next == "\"" {
                        index += 1
                        break
                    } else {
                        if next == "\n" { line += 1 }
                        value.append(next)
                        index += 1
                    }
                }
                tokens.append(DotToken(kind: .string(value), line: startLine))
            } else if character == "-", index + 1 < characters.count, characters[index + 1] == ">" {
                tokens.append(DotToken(kind: .punctuation("->"), line: line))
                index += 2
            } else if "{}[]=;,".contains(character) {
                tokens.append(DotToken(kind: .punctuation(String(character)), line: line))
                index += 1
            } else if character.isLetter || character == "_" || character.isNumber || character == "." {
                var word = ""
                while index < characters.count,
                      characters[index].isLetter || characters[index].isNumber || "_.".contains(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                tokens.append(DotToken(kind: .id(word), line: line))
            } else {
                throw Failure(message: "line \(line): unexpected character \"\(character)\"")
            }
        }
        tokens.append(DotToken(kind: .end, line: line))
        return tokens
    }
}

/// A recursive-descent parser of the DOT subset; it stops at the first problem.
private struct DotParser {
    let tokens: [DotToken]
    private var position = 0
    private(set) var problems: [String] = []
    private(set) var declared: Set<String> = []
    private(set) var references: [(Int, String)] = []

    static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    init(tokens: [DotToken]) {
        self.tokens = tokens
    }

    private var current: DotToken { tokens[min(position, tokens.count - 1)] }

    private mutating func fail(_ message: String) {
        if problems.isEmpty { problems.append("line \(current.line): \(message)") }
    }

    private mutating func expect(_ punctuation: String) -> Bool {
        guard current.kind == .punctuation(punctuation) else {
            fail("expected \"\(punctuation)\", found \(describe(current))")
            return false
        }
        position += 1
        return true
    }

    private func describe(_ token: DotToken) -> String {
        switch token.kind {
        case .id(let word): return "\"\(word)\""
        case .string(let text): return "the string \"\(text)\""
        case .punctuation(let mark): return "\"\(mark)\""
        case .end: return "the end of the text"
        }
    }

    /// An identifier, numeral or quoted string that is not a keyword.
    private mutating func id() -> String? {
        switch current.kind {
        case .id(let word) where !Self.keywords.contains(word.lowercased()):
            position += 1
            return word
        case .string(let text):
            position += 1
            return text
        default:
            fail("expected an id or a quoted string, found \(describe(current))")
            return nil
        }
    }

    mutating func parseGraph() {
        guard current.kind == .id("digraph") else { return fail("expected \"digraph\", found \(describe(current))") }
        position += 1
        if current.kind != .punctuation("{") { _ = id() }
        guard expect("{") else { return }
        while problems.isEmpty, current.kind != .punctuation("}"), current.kind != .end {
            statement()
        }
        guard expect("}") else { return }
        if current.kind != .end { fail("unexpected \(describe(current)) after the closing brace") }
    }

    private mutating func statement() {
        if case .id(let word) = current.kind, ["graph", "node", "edge"].contains(word.lowercased()) {
            position += 1
            attributeList()
            _ = expect(";")
            return
        }
        let line = current.line
        guard let first = id() else { return }
        if current.kind == .punctuation("=") {
            position += 1
            _ = id()
            _ = expect(";")
            return
        }
        var endpoints = [first]
        while current.kind == .punctuation("->") {
            position += 1
            guard let next = id() else { return }
            endpoints.append(next)
        }
        if endpoints.count == 1 {
            declared.insert(first)
        } else {
            references += endpoints.map { (line, $0) }
        }
        if current.kind == .punctuation("[") { attributeList() }
        _ = expect(";")
    }

    private mutating func attributeList() {
        guard expect("[") else { return }
        var first = true
        while problems.isEmpty, current.kind != .punctuation("]") {
            if !first { guard expect(",") else { return } }
            first = false
            guard id() != nil, expect("="), id() != nil else { return }
        }
        _ = expect("]")
    }
}
