/// A run of scalars in an expression's source: `offset` counts Unicode scalars from 0.
struct ExpressionSpan: Hashable, Sendable {
    var offset: Int
    var length: Int

    /// The scalar just after the span.
    var end: Int { offset + length }

    /// The span from the start of `self` to the end of `other`.
    func through(_ other: ExpressionSpan) -> ExpressionSpan {
        ExpressionSpan(offset: offset, length: max(other.end, end) - offset)
    }
}

/// One lexical unit of an expression.
struct ExpressionToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// An exact decimal number such as `500` or `12.5`.
        case number(Decimal)
        /// A double-quoted string with its escapes resolved.
        case string(String)
        /// A name or a dotted path such as `project.amount` (also `date`, which is not a keyword).
        case path(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    /// The lowercase words of the language.
    enum Keyword: String, CaseIterable, Sendable {
        case and, or, not, `in`, `true`, `false`
    }

    /// Punctuation and operators.
    enum Symbol: String, CaseIterable, Sendable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", comma = ","
        case plus = "+", minus = "-", star = "*", slash = "/"
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    let kind: Kind
    let span: ExpressionSpan
    /// The token as written in the source.
    let text: String

    /// Whether this token is the given keyword.
    func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }

    /// Whether this token is the given symbol.
    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }

    /// The token quoted for a message: `"2"`, or `the end of the expression`.
    var quoted: String {
        kind == .end ? "the end of the expression" : "\"\(text)\""
    }
}

import Foundation
