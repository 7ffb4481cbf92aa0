/// A recursive-descent parser for the expression grammar (see `docs/expressions.md`):
///
///     expression = or ;
///     or         = and { "or" and } ;
///     and        = not { "and" not } ;
///     not        = "not" not | comparison ;
///     comparison = sum [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in" ) sum ] ;
///     sum        = product { ( "+" | "-" ) product } ;
///     product    = unary { ( "*" | "/" ) unary } ;
///     unary      = "-" unary | primary ;
///     primary    = number | string | "true" | "false" | date | list | path | "(" expression ")" ;
struct ExpressionParser {
    /// The deepest nesting of parentheses, lists and prefix operators the parser accepts.
    static let maximumDepth = 64

    private let tokens: [ExpressionToken]
    private var index = 0
    private var depth = 0

    init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    /// Parses a whole expression; anything left over is an error.
    static func parse(_ tokens: [ExpressionToken]) throws(ExpressionError) -> ExpressionNode {
        var parser = ExpressionParser(tokens: tokens)
        if parser.current.kind == .end {
            throw ExpressionError("expected an expression", at: parser.current.span)
        }
        let node = try parser.parseOr()
        let rest = parser.current
        if rest.kind != .end {
            if rest.isSymbol(.rightParen) {
                throw ExpressionError("unmatched \")\"; remove it or add a \"(\" before it", at: rest.span)
            }
            throw ExpressionError("expected an operator or the end of the expression, found \(rest.quoted)",
                                  at: rest.span)
        }
        return node
    }

    private var current: ExpressionToken { tokens[index] }

    private mutating func advance() -> ExpressionToken {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    /// Enters one more level of nesting, opened by `token`.
    private mutating func enter(_ token: ExpressionToken) throws(ExpressionError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ExpressionError(
                "the expression is nested too deeply (more than \(Self.maximumDepth) levels); simplify it",
                at: token.span)
        }
    }

    // MARK: - Logical operators

    private mutating func parseOr() throws(ExpressionError) -> ExpressionNode {
        let first = try parseAnd()
        var links: [ExpressionNode.Link] = []
        while current.isKeyword(.or) {
            let operatorToken = advance()
            links.append(.init(binary: .or, operand: try parseAnd(), operatorSpan: operatorToken.span))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    private mutating func parseAnd() throws(ExpressionError) -> ExpressionNode {
        let first = try parseNot()
        var links: [ExpressionNode.Link] = []
        while current.isKeyword(.and) {
            let operatorToken = advance()
            links.append(.init(binary: .and, operand: try parseNot(), operatorSpan: operatorToken.span))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    private mutating func parseNot() throws(ExpressionError) -> ExpressionNode {
        guard current.isKeyword(.not) else { return try parseComparison() }
        let operatorToken = advance()
        try enter(operatorToken)
        let operand = try parseNot()
        depth -= 1
        return .unary(.not, operand, operatorSpan: operatorToken.span)
    }

    // MARK: - Comparisons

    private mutating func parseComparison() throws(ExpressionError) -> ExpressionNode {
        let left = try parseSum()
        guard let (comparison, operatorSpan) = comparisonOperator() else { return left }
        let right = try parseSum()
        if let (_, chainedSpan) = comparisonOperator() {
            throw ExpressionError(
                "comparisons cannot be chained; join them with \"and\", e.g. \"a < b and b < c\"", at: chainedSpan)
        }
        return .comparison(comparison, left, right, operatorSpan: operatorSpan)
    }

    /// Consumes a comparison operator (`not in` is two tokens) if one comes next.
    private mutating func comparisonOperator() -> (ExpressionNode.BinaryOperator, ExpressionSpan)? {
        let token = current
        switch token.kind {
        case .symbol(.equal): _ = advance(); return (.equal, token.span)
        case .symbol(.notEqual): _ = advance(); return (.notEqual, token.span)
        case .symbol(.less): _ = advance(); return (.less, token.span)
        case .symbol(.lessOrEqual): _ = advance(); return (.lessOrEqual, token.span)
        case .symbol(.greater): _ = advance(); return (.greater, token.span)
        case .symbol(.greaterOrEqual): _ = advance(); return (.greaterOrEqual, token.span)
        case .keyword(.in): _ = advance(); return (.in, token.span)
        case .keyword(.not) where tokens[index + 1].isKeyword(.in):
            _ = advance()
            let inToken = advance()
            return (.notIn, token.span.through(inToken.span))
        default: return nil
        }
    }

    // MARK: - Arithmetic

    private mutating func parseSum() throws(ExpressionError) -> ExpressionNode {
        let first = try parseProduct()
        var links: [ExpressionNode.Link] = []
        while current.isSymbol(.plus) || current.isSymbol(.minus) {
            let operatorToken = advance()
            let binary: ExpressionNode.BinaryOperator = operatorToken.isSymbol(.plus) ? .add : .subtract
            links.append(.init(binary: binary, operand: try parseProduct(), operatorSpan: operatorToken.span))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    private mutating func parseProduct() throws(ExpressionError) -> ExpressionNode {
        let first = try parseUnary()
        var links: [ExpressionNode.Link] = []
        while current.isSymbol(.star) || current.isSymbol(.slash) {
            let operatorToken = advance()
            let binary: ExpressionNode.BinaryOperator = operatorToken.isSymbol(.star) ? .multiply : .divide
            links.append(.init(binary: binary, operand: try parseUnary(), operatorSpan: operatorToken.span))
        }
        return links.isEmpty ? first : .chain(first, links)
    }

    private mutating func parseUnary() throws(ExpressionError) -> ExpressionNode {
        guard current.isSymbol(.minus) else { return try parsePrimary() }
        let operatorToken = advance()
        try enter(operatorToken)
        let operand = try parseUnary()
        depth -= 1
        return .unary(.negate, operand, operatorSpan: operatorToken.span)
    }

    // MARK: - Operands

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return .number(value, token.span)
        case .string(let value):
            _ = advance()
            return .string(value, token.span)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return .bool(token.isKeyword(.true), token.span)
        case .path(let path):
            _ = advance()
            guard current.isSymbol(.leftParen) else { return .path(path, token.span) }
            guard path == "date" else {
                throw ExpressionError(
                    "\"\(path)\" is not a function; the only function is date(\"YYYY-MM-DD\")", at: token.span)
            }
            return try parseDate(name: token)
        case .symbol(.leftParen):
            _ = advance()
            try enter(token)
            let inner = try parseOr()
            try expectClosing(.rightParen, opener: token)
            depth -= 1
            return inner
        case .symbol(.leftBracket):
            return try parseList()
        case .keyword(.not):
            throw ExpressionError(
                "\"not\" cannot stand here; put the negated condition in parentheses: (not ...)", at: token.span)
        case .end:
            let previous = tokens[index - 1]
            throw ExpressionError("expected an expression after \(previous.quoted)", at: token.span)
        default:
            throw ExpressionError("expected an expression, found \(token.quoted)", at: token.span)
        }
    }

    /// `date("2024-10-01")`: the argument must be a string literal naming a real day.
    private mutating func parseDate(name: ExpressionToken) throws(ExpressionError) -> ExpressionNode {
        let opener = advance()
        let argument = current
        guard case .string(let text) = argument.kind else {
            throw ExpressionError(
                "date(...) needs a date in double quotes, e.g. date(\"2024-10-01\"), found \(argument.quoted)",
                at: argument.span)
        }
        guard let date = CivilDate(iso: text) else {
            throw ExpressionError("\(argument.text) is not a valid date; write date(\"YYYY-MM-DD\") with a real day",
                                  at: argument.span)
        }
        _ = advance()
        try expectClosing(.rightParen, opener: opener)
        return .date(date, name.span.through(tokens[index - 1].span))
    }

    /// `[a, b, c]`: at least one element.
    private mutating func parseList() throws(ExpressionError) -> ExpressionNode {
        let opener = advance()
        try enter(opener)
        if current.isSymbol(.rightBracket) {
            throw ExpressionError("a list needs at least one value, e.g. [\"新建\"]",
                                  at: opener.span.through(current.span))
        }
        var elements = [try parseOr()]
        while current.isSymbol(.comma) {
            _ = advance()
            elements.append(try parseOr())
        }
        try expectClosing(.rightBracket, opener: opener)
        depth -= 1
        return .list(elements, opener.span.through(tokens[index - 1].span))
    }

    /// Consumes the closing bracket of `opener`, or explains what is missing.
    private mutating func expectClosing(
        _ closing: ExpressionToken.Symbol, opener: ExpressionToken
    ) throws(ExpressionError) {
        if current.isSymbol(closing) {
            _ = advance()
            return
        }
        if current.kind == .end {
            throw ExpressionError("unclosed \"\(opener.text)\"; add a matching \"\(closing.rawValue)\"",
                                  at: opener.span)
        }
        let separator = closing == .rightBracket ? "\",\" or " : ""
        throw ExpressionError(
            "expected \(separator)\"\(closing.rawValue)\" to close the \"\(opener.text)\" at offset "
                + "\(opener.span.offset), found \(current.quoted)",
            at: current.span)
    }
}
