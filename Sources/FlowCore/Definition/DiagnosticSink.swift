/// Collects the diagnostics of one file while it is loaded.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

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

    var isEmpty: Bool { diagnostics.isEmpty }

    /// The diagnostics in file order (stable for equal positions).
    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.location, $0.offset) < ($1.element.location, $1.offset)
        }.map(\.element)
    }
}
