/// Collects the diagnostics of one file while it is loaded.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// How many unknown node references may still get a "did you mean" search (see `nodeHint`).
    private var nodeSuggestionsLeft = DiagnosticSink.nodeSuggestionBudget

    /// How many unknown node references get a "did you mean" hint. Each search compares the name with every
    /// node id, so bounding them keeps validation linear in the definition's size.
    static let nodeSuggestionBudget = 100

    init(file: String) {
        self.file = file
    }

    func report(_ code: Diagnostic.Code, _ message: String, at location: SourceLocation, path: JSONPath) {
        diagnostics.append(Diagnostic(code: code, message: message, file: file, location: location, path: path))
    }

    /// Reports at an element's position.
    func report(_ code: Diagnostic.Code, _ message: String, at element: JSONElement, path: JSONPath) {
        report(code, message, at: element.location, path: path)
    }

    /// `; did you mean "x"?` (or nothing) for the first `nodeSuggestionBudget` unknown node references, a note
    /// that suggestions stop for the next one, and nothing after that.
    func nodeHint(for name: String, in ids: Set<String>) -> String {
        nodeSuggestionsLeft -= 1
        if nodeSuggestionsLeft >= 0 { return Suggestion.hint(for: name, in: ids) }
        if nodeSuggestionsLeft == -1 {
            return " (suggestions are given for the first \(DiagnosticSink.nodeSuggestionBudget) unknown node "
                + "references only)"
        }
        return ""
    }

    var isEmpty: Bool { diagnostics.isEmpty }

    /// The diagnostics in file order (stable for equal positions).
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.location, $0.offset) < ($1.element.location, $1.offset)
        }.map(\.element)
    }
}
