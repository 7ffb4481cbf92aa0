/// A position in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The location `count` columns further on the same line.
    public func advanced(byColumns count: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + count)
    }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A JSON path such as `$.nodes[3].deadlines[0].period`, naming the place of a value inside a document.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path: a member name or an array index.
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root, outermost first.
    public private(set) var components: [Component] = []

    /// The path made of `components` below the root.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// This path followed by every step of `relative`.
    public func appending(_ relative: JSONPath) -> JSONPath {
        JSONPath(components + relative.components)
    }

    /// The document's root, `$`.
    public static let root = JSONPath([])

    /// The path of member `key` of the value at this path.
    public func appending(_ key: String) -> JSONPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    /// The path of element `index` of the array at this path.
    public func appending(_ index: Int) -> JSONPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    public var description: String {
        components.reduce(into: "$") { text, component in
            switch component {
            case .key(let key):
                let isPlain = !key.isEmpty && key.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                        || $0 == "-" || $0 == "$"
                }
                text += isPlain ? ".\(key)" : "[\"\(key)\"]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
    }
}
