import Foundation

/// The syntax tree of an expression. Every node keeps where it was written so that type and evaluation errors
/// point at the exact text.
indirect enum ExpressionNode: Sendable {
    case number(Decimal, ExpressionSpan)
    case string(String, ExpressionSpan)
    case bool(Bool, ExpressionSpan)
    case date(CivilDate, ExpressionSpan)
    case list([ExpressionNode], ExpressionSpan)
    case path(String, ExpressionSpan)
    /// A prefix operator; the span is the operator's.
    case unary(UnaryOperator, ExpressionNode, operatorSpan: ExpressionSpan)
    /// A comparison or membership test (they do not chain); the span is the operator's (for `not in`, both words).
    case comparison(BinaryOperator, ExpressionNode, ExpressionNode, operatorSpan: ExpressionSpan)
    /// Left-associative operators of one precedence level, `a + b - c` or `a and b and c`, kept flat so that
    /// a long condition does not make a deep tree (checking and evaluation iterate over the links).
    case chain(ExpressionNode, [Link])

    /// One operator and its right operand in a chain.
    struct Link: Sendable {
        let binary: BinaryOperator
        let operand: ExpressionNode
        let operatorSpan: ExpressionSpan
    }

    enum UnaryOperator: String, Sendable {
        case negate = "-"
        case not
    }

    enum BinaryOperator: String, Sendable {
        case or, and
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case `in`, notIn = "not in"
        case add = "+", subtract = "-", multiply = "*", divide = "/"

        var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
        var isEquality: Bool { self == .equal || self == .notEqual }
        var isMembership: Bool { self == .in || self == .notIn }
        var isArithmetic: Bool { [.add, .subtract, .multiply, .divide].contains(self) }
        var isLogical: Bool { self == .and || self == .or }
    }

    /// The whole text of the node, operands included (parentheses around it are not part of it).
    var span: ExpressionSpan {
        switch self {
        case .number(_, let span), .string(_, let span), .bool(_, let span), .date(_, let span),
             .list(_, let span), .path(_, let span):
            return span
        case .unary(_, let operand, let operatorSpan):
            return operatorSpan.through(operand.span)
        case .comparison(_, let left, let right, _):
            return left.span.through(right.span)
        case .chain(let first, let links):
            return links.last.map { first.span.through($0.operand.span) } ?? first.span
        }
    }

    /// The dotted paths the node names, its operands' included.
    var paths: Set<String> {
        switch self {
        case .number, .string, .bool, .date:
            return []
        case .path(let path, _):
            return [path]
        case .list(let elements, _):
            return elements.reduce(into: Set<String>()) { $0.formUnion($1.paths) }
        case .unary(_, let operand, _):
            return operand.paths
        case .comparison(_, let left, let right, _):
            return left.paths.union(right.paths)
        case .chain(let first, let links):
            return links.reduce(into: first.paths) { $0.formUnion($1.operand.paths) }
        }
    }
}
