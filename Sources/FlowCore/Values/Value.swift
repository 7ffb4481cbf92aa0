import Foundation

/// A typed value of a project variable, a computed value or an expression's result.
///
/// Amounts are exact decimals (`Decimal`), never binary floating point: "500万元及以上" must compare 500 as 500.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case decimal(Decimal)
    case string(String)
    case bool(Bool)
    case date(CivilDate)
    case list([Value])

    /// The type of this value (an enum-typed variable's value is a plain `.string` here).
    public var type: ValueType {
        switch self {
        case .decimal: return .decimal
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        case .list(let elements): return .list(elements.first?.type ?? .string)
        }
    }

    /// The value as the definition language writes it: `500`, `"新建"`, `true`, `2024-10-08`, `[1, 2]`.
    public var description: String {
        switch self {
        case .decimal(let number): return number.description
        case .string(let text): return "\"\(text)\""
        case .bool(let flag): return flag ? "true" : "false"
        case .date(let date): return date.iso
        case .list(let elements): return "[" + elements.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// The value as JSON: numbers as numbers, dates as `YYYY-MM-DD` strings.
    public var json: JSONValue {
        switch self {
        case .decimal(let number): return .number(number)
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .date(let date): return .string(date.iso)
        case .list(let elements): return .array(elements.map(\.json))
        }
    }
}

/// The static type of a value, checked when a definition loads.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case decimal
    case string
    case bool
    case date
    /// A string restricted to the listed values, e.g. a project category.
    case enumeration([String])
    case list(ValueType)

    public var description: String {
        switch self {
        case .decimal: return "decimal"
        case .string: return "string"
        case .bool: return "boolean"
        case .date: return "date"
        case .enumeration(let values): return "enum(" + values.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        case .list(let element): return "list of \(element)"
        }
    }
}
