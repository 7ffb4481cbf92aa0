import Foundation

/// Evaluates a type-checked syntax tree with the values of its names.
///
/// `and` and `or` short-circuit, so `false and project.missing > 1` needs no value for `project.missing`.
/// Arithmetic is exact `Decimal` arithmetic; only division can round (to 38 significant digits).
struct ExpressionEvaluator {
    let symbols: SymbolTable
    let values: [String: Value]

    /// The value of `node`.
    func value(of node: ExpressionNode) throws(ExpressionError) -> Value {
        switch node {
        case .number(let number, _): return .decimal(number)
        case .string(let text, _): return .string(text)
        case .bool(let flag, _): return .bool(flag)
        case .date(let date, _): return .date(date)
        case .path(let path, let span): return try value(ofPath: path, at: span)
        case .list(let elements, _):
            var list: [Value] = []
            for element in elements {
                list.append(try value(of: element))
            }
            return .list(list)
        case .unary(.not, let operand, _):
            return .bool(!(try boolean(operand)))
        case .unary(.negate, let operand, _):
            return .decimal(-(try decimal(operand)))
        case .comparison(let binary, let left, let right, let operatorSpan):
            return try value(ofComparison: binary, left, right, operatorSpan: operatorSpan)
        case .chain(let first, let links):
            return try value(ofChain: first, links)
        }
    }

    private func value(ofPath path: String, at span: ExpressionSpan) throws(ExpressionError) -> Value {
        guard let value = values[path] else {
            throw ExpressionError("\(path) has no value", at: span)
        }
        if let type = symbols[path], let problem = Self.mismatch(value, type) {
            throw ExpressionError("\(path) has the value \(value), \(problem)", at: span)
        }
        return value
    }

    /// Folds a chain from the left; `and` stops at the first false operand, `or` at the first true one.
    private func value(ofChain first: ExpressionNode, _ links: [ExpressionNode.Link]) throws(ExpressionError) -> Value {
        guard let level = links.first?.binary, level.isLogical else {
            var result = try decimal(first)
            for link in links {
                result = try arithmetic(link.binary, result, try decimal(link.operand), operatorSpan: link.operatorSpan)
            }
            return .decimal(result)
        }
        let decisive = level == .or
        if try boolean(first) == decisive { return .bool(decisive) }
        for link in links where try boolean(link.operand) == decisive {
            return .bool(decisive)
        }
        return .bool(!decisive)
    }

    private func value(
        ofComparison binary: ExpressionNode.BinaryOperator, _ left: ExpressionNode, _ right: ExpressionNode,
        operatorSpan: ExpressionSpan
    ) throws(ExpressionError) -> Value {
        switch binary {
        case .equal:
            return .bool(try value(of: left) == (try value(of: right)))
        case .notEqual:
            return .bool(try value(of: left) != (try value(of: right)))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order = try ordering(try value(of: left), try value(of: right), operatorSpan: operatorSpan)
            switch binary {
            case .less: return .bool(order == .orderedAscending)
            case .lessOrEqual: return .bool(order != .orderedDescending)
            case .greater: return .bool(order == .orderedDescending)
            default: return .bool(order != .orderedAscending)
            }
        case .in, .notIn:
            let needle = try value(of: left)
            guard case .list(let haystack) = try value(of: right) else {
                throw ExpressionError("\"\(binary.rawValue)\" needs a list on the right", at: right.span)
            }
            return .bool(haystack.contains(needle) == (binary == .in))
        case .add, .subtract, .multiply, .divide, .and, .or:
            throw ExpressionError("\"\(binary.rawValue)\" is not a comparison", at: operatorSpan)
        }
    }

    private func arithmetic(
        _ binary: ExpressionNode.BinaryOperator, _ left: Decimal, _ right: Decimal, operatorSpan: ExpressionSpan
    ) throws(ExpressionError) -> Decimal {
        let result: Decimal
        switch binary {
        case .add: result = left + right
        case .subtract: result = left - right
        case .multiply: result = left * right
        default:
            guard !right.isZero else {
                throw ExpressionError("division by zero: the right side of \"/\" is 0", at: operatorSpan)
            }
            result = left / right
        }
        guard !result.isNaN else {
            throw ExpressionError(
                "the result of \"\(binary.rawValue)\" is too large for a decimal", at: operatorSpan)
        }
        return result
    }

    private func ordering(
        _ left: Value, _ right: Value, operatorSpan: ExpressionSpan
    ) throws(ExpressionError) -> ComparisonResult {
        switch (left, right) {
        case (.decimal(let a), .decimal(let b)):
            return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
        case (.date(let a), .date(let b)):
            return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
        default:
            throw ExpressionError("cannot order \(left) and \(right)", at: operatorSpan)
        }
    }

    private func boolean(_ node: ExpressionNode) throws(ExpressionError) -> Bool {
        guard case .bool(let flag) = try value(of: node) else {
            throw ExpressionError("expected a boolean", at: node.span)
        }
        return flag
    }

    private func decimal(_ node: ExpressionNode) throws(ExpressionError) -> Decimal {
        guard case .decimal(let number) = try value(of: node) else {
            throw ExpressionError("expected a decimal", at: node.span)
        }
        return number
    }

    /// Why `value` does not fit `type`, or `nil` when it does.
    static func mismatch(_ value: Value, _ type: ValueType) -> String? {
        switch (value, type) {
        case (.decimal, .decimal), (.string, .string), (.bool, .bool), (.date, .date):
            return nil
        case (.string(let text), .enumeration(let allowed)):
            guard allowed.contains(text) else {
                let expected = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                return "which is not one of \(expected)"
            }
            return nil
        case (.list(let elements), .list(let elementType)):
            let fits = elements.allSatisfy { mismatch($0, elementType) == nil }
            return fits ? nil : "but its type is \(ExpressionTypeChecker.name(of: type))"
        default:
            return "but its type is \(ExpressionTypeChecker.name(of: type))"
        }
    }
}
