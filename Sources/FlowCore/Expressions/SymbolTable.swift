/// The names an expression may use and their types, e.g. `project.amount: decimal`.
///
/// Names are dotted paths of ASCII identifiers (`project.amount`, `project.receivedOn`); evaluation looks values up
/// under the same paths.
public struct SymbolTable: Sendable {
    /// Types by dotted path.
    public var types: [String: ValueType]

    /// Creates a table from types keyed by dotted path.
    public init(_ types: [String: ValueType] = [:]) {
        self.types = types
    }

    /// Creates a table from types keyed by dotted path, e.g. `["project.amount": .decimal]`.
    public init(types: [String: ValueType]) {
        self.types = types
    }

    /// The type of `path`, or `nil` when the table does not know it.
    public subscript(path: String) -> ValueType? {
        types[path]
    }

    /// The known path closest to `path` by edit distance, when one is close enough to be a likely typo.
    ///
    /// A path that ends with `.` + `path` (the prefix was left out) is preferred; ties go to the
    /// alphabetically first path so that messages are stable.
    func suggestion(for path: String) -> String? {
        let candidates = types.keys.sorted()
        if let completed = candidates.first(where: { $0.hasSuffix("." + path) }) {
            return completed
        }
        return Suggestion.nearest(to: path, in: candidates)
    }
}
