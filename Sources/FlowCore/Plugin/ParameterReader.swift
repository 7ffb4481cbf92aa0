import Foundation

/// Reads a stage node's parameters and collects every problem with its path, so that a stage kind's
/// `readParameters(_:)` is a few lines and its messages read like the rest of the validator's.
public struct ParameterReader {
    /// The parameters object.
    public let parameters: JSONValue
    /// The names expressions may use (`project.amount`…), when the definition's declarations are known.
    public let symbols: SymbolTable?
    /// The problems found so far.
    public private(set) var problems: [ParameterProblem] = []

    /// A reader of `parameters` (a node's `"parameters"`, or an object inside them).
    public init(_ parameters: JSONValue, symbols: SymbolTable? = nil) {
        self.parameters = parameters
        self.symbols = symbols
        if parameters.objectMembers == nil {
            problems.append(ParameterProblem(path: .root, message: "parameters must be an object, found "
                                                 + parameters.kindDescription))
        }
    }

    /// The parameter `key`, or `nil` (reporting it missing when `required`).
    private mutating func value(_ key: String, required: Bool) -> JSONValue? {
        if let value = parameters[key] { return value }
        if required { report("missing parameter \"\(key)\"", at: .root) }
        return nil
    }

    /// Records a problem at `path`.
    public mutating func report(_ message: String, at path: JSONPath) {
        problems.append(ParameterProblem(path: path, message: message))
    }

    /// Reports every member whose name is not in `allowed`.
    public mutating func rejectUnknown(allowed: [String]) {
        for member in parameters.objectMembers ?? [] where !allowed.contains(member.key) {
            report("unknown parameter \"\(member.key)\"\(Suggestion.hint(for: member.key, in: allowed)); parameters "
                       + "are " + allowed.map { "\"\($0)\"" }.joined(separator: ", "),
                   at: JSONPath.root.appending(member.key))
        }
    }

    /// A required or optional string.
    public mutating func string(_ key: String, required: Bool) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard let text = value.stringValue, !text.isEmpty else {
            report("\"\(key)\" must be a non-empty string, found \(value)", at: JSONPath.root.appending(key))
            return nil
        }
        return text
    }

    /// A list of distinct non-empty strings, at least `minimum` long.
    public mutating func strings(_ key: String, required: Bool, minimum: Int = 1) -> [String]? {
        guard let value = value(key, required: required) else { return nil }
        let texts = value.arrayValue?.compactMap(\.stringValue).filter { !$0.isEmpty }
        guard let texts, texts.count == value.arrayValue?.count, texts.count >= minimum,
              Set(texts).count == texts.count
        else {
            report("\"\(key)\" must be a list of at least \(minimum) distinct non-empty strings, found \(value)",
                   at: JSONPath.root.appending(key))
            return nil
        }
        return texts
    }

    /// A whole number within `range`.
    public mutating func integer(_ key: String, required: Bool, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard let number = value.intValue, range.contains(number) else {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            report("\"\(key)\" must be a whole number \(bounds), found \(value)", at: JSONPath.root.appending(key))
            return nil
        }
        return number
    }

    /// A period such as "5 workdays".
    public mutating func period(_ key: String, required: Bool) -> Period? {
        guard let text = string(key, required: required) else { return nil }
        do {
            return try Period.parse(text)
        } catch {
            report(error.description, at: JSONPath.root.appending(key))
            return nil
        }
    }

    /// An assignee written as `{"role": "…"}`, `{"department": "…"}` or `{"actor": "…"}`.
    public mutating func assignee(_ key: String, required: Bool) -> Assignee? {
        guard let value = value(key, required: required) else { return nil }
        guard let members = value.objectMembers, members.count == 1, let text = members[0].value.stringValue,
              !text.isEmpty
        else {
            report("\"\(key)\" must be an object with one of \"role\", \"department\" or \"actor\", e.g. "
                       + "{\"department\": \"区数据局\"}, found \(value)", at: JSONPath.root.appending(key))
            return nil
        }
        switch members[0].key {
        case "role": return .role(text)
        case "department": return .department(text)
        case "actor": return .actor(text)
        default:
            report("\"\(members[0].key)\" is not a kind of assignee; use \"role\", \"department\" or \"actor\"",
                   at: JSONPath.root.appending(key).appending(members[0].key))
            return nil
        }
    }

    /// An optional boolean (`default` when absent).
    public mutating func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = parameters[key] else { return fallback }
        guard let flag = value.boolValue else {
            report("\"\(key)\" must be true or false, found \(value)", at: JSONPath.root.appending(key))
            return fallback
        }
        return flag
    }

    /// A number within `range`.
    public mutating func decimal(_ key: String, required: Bool, in range: ClosedRange<Decimal>) -> Decimal? {
        guard let value = value(key, required: required) else { return nil }
        guard let number = value.decimalValue, range.contains(number) else {
            report("\"\(key)\" must be a number from \(range.lowerBound) to \(range.upperBound), found \(value)",
                   at: JSONPath.root.appending(key))
            return nil
        }
        return number
    }

    /// One of `choices` (`default` when absent), with a did-you-mean hint for a misspelling.
    public mutating func choice(_ key: String, of choices: [String], default fallback: String) -> String {
        guard let value = parameters[key] else { return fallback }
        guard let text = value.stringValue, choices.contains(text) else {
            let hint = value.stringValue.flatMap { Suggestion.nearest(to: $0, in: choices) }
                .map { "; did you mean \"\($0)\"?" } ?? ""
            report("\"\(key)\" must be one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
                       + ", found \(value)\(hint)", at: JSONPath.root.appending(key))
            return fallback
        }
        return text
    }

    /// Checks that `project.<name>` is a decimal variable of the definition (when the symbols are known).
    public mutating func checkDecimalVariable(_ name: String, key: String, symbols: SymbolTable?) {
        guard let symbols else { return }
        switch symbols.types["project.\(name)"] {
        case .decimal?: return
        case let other?:
            report("\"\(key)\" names the variable \"\(name)\", which is a \(other); an amount must be a decimal",
                   at: JSONPath.root.appending(key))
        case nil:
            let names = symbols.types.keys.filter { $0.hasPrefix("project.") }.map { String($0.dropFirst(8)) }
            let hint = Suggestion.nearest(to: name, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
            report("\"\(key)\" names the variable \"\(name)\", which the definition does not declare\(hint); declare "
                       + "it in \"variables\" as {\"type\": \"decimal\"}", at: JSONPath.root.appending(key))
        }
    }
}
