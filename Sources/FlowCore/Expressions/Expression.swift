/// A compiled, type-checked expression from a definition: a gateway condition or a computed value.
///
/// The language is small and safe: exact decimals, strings, booleans, dates, lists, dotted names such as
/// `project.amount`, and the operators `or`, `and`, `not`, `== != < <= > >=`, `in`, `not in`, `+ - * /`.
/// There are no loops and no user functions, so every evaluation ends. See `docs/expressions.md`.
///
///     let symbols = SymbolTable(types: ["project.amount": .decimal])
///     let rule = try Expression.compile("project.amount >= 500", symbols: symbols)
///     try rule.evaluate(["project.amount": .decimal(800)])  // .bool(true)
public struct Expression: Sendable, CustomStringConvertible {
    /// The longest source accepted, in Unicode scalars.
    public static let maximumLength = 4096
    /// The deepest nesting of parentheses, lists and prefix operators accepted.
    public static let maximumDepth = ExpressionParser.maximumDepth

    /// The text as written in the definition.
    public let source: String
    /// The type every evaluation yields.
    public let resultType: ValueType
    /// The dotted paths the expression names, e.g. `["project.amount"]`.
    public let referencedSymbols: Set<String>

    private let root: ExpressionNode
    private let symbols: SymbolTable

    private init(source: String, resultType: ValueType, root: ExpressionNode, symbols: SymbolTable) {
        self.source = source
        self.resultType = resultType
        self.referencedSymbols = root.paths
        self.root = root
        self.symbols = symbols
    }

    /// Parses and type-checks `source` against the symbols it may name.
    ///
    /// Every problem is reported with its place in `source`: unknown names (with the nearest known one),
    /// operands of the wrong type, string literals outside an enum's values, and syntax errors.
    public static func compile(_ source: String, symbols: SymbolTable) throws(ExpressionError) -> Expression {
        let scalars = Array(source.unicodeScalars)
        guard scalars.count <= maximumLength else {
            throw ExpressionError(
                message: "the expression is too long: \(scalars.count) characters, at most \(maximumLength) allowed",
                offset: maximumLength, length: scalars.count - maximumLength)
        }
        let tokens = try ExpressionLexer.tokens(of: scalars)
        let root = try ExpressionParser.parse(tokens)
        let resultType = try ExpressionTypeChecker(symbols: symbols).type(of: root)
        return Expression(source: source, resultType: resultType, root: root, symbols: symbols)
    }

    /// Evaluates the expression with the values of its symbols, keyed by the same dotted paths as the symbol table.
    ///
    /// Throws when a name that evaluation reaches has no value (or a value of the wrong type), on division by zero,
    /// and when a result is too large for a decimal. `and` and `or` short-circuit.
    public func evaluate(_ values: [String: Value]) throws(ExpressionError) -> Value {
        try ExpressionEvaluator(symbols: symbols, values: values).value(of: root)
    }

    /// The source as written.
    public var description: String { source }
}
