/// A compiled, type-checked expression from a definition: a gateway condition or a computed value.
///
/// INTERIM: the expression language is being written on the `expressions` branch; this file pins its API.
public struct Expression: Sendable, CustomStringConvertible {
    /// The text as written in the definition.
    public let source: String
    /// The type every evaluation yields.
    public let resultType: ValueType
    private let literal: Bool

    /// Parses and type-checks `source` against the symbols it may name.
    public static func compile(_ source: String, symbols: SymbolTable) throws(ExpressionError) -> Expression {
        switch source.trimmingCharacters(in: .whitespaces) {
        case "true": return Expression(source: source, resultType: .bool, literal: true)
        case "false": return Expression(source: source, resultType: .bool, literal: false)
        default: throw ExpressionError(message: "expressions are not supported yet", offset: 0, length: source.count)
        }
    }

    /// Evaluates the expression with the values of its symbols.
    public func evaluate(_ values: [String: Value]) throws(ExpressionError) -> Value {
        .bool(literal)
    }

    public var description: String { source }
}

/// The names an expression may use and their types, e.g. `project.amount: decimal`.
public struct SymbolTable: Sendable {
    /// Types by dotted path.
    public var types: [String: ValueType]

    public init(_ types: [String: ValueType] = [:]) {
        self.types = types
    }
}

/// An expression that does not parse, does not type-check, or cannot be evaluated.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, and how to fix it.
    public let message: String
    /// Where in the source the problem starts, in Unicode scalars from 0.
    public let offset: Int
    /// How many scalars the problem spans (at least 1 where there is text to point at).
    public let length: Int

    public init(message: String, offset: Int, length: Int) {
        self.message = message
        self.offset = offset
        self.length = length
    }

    public var description: String { "at offset \(offset): \(message)" }
}

import Foundation
