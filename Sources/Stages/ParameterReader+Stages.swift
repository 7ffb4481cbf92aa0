import FlowCore
import Foundation

/// Readers the built-in stages share, on top of FlowCore's `ParameterReader`.
extension ParameterReader {
    /// An optional boolean (`default` when absent).
    mutating func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = parameters[key] else { return fallback }
        guard let flag = value.boolValue else {
            report("\"\(key)\" must be true or false, found \(value)", at: JSONPath.root.appending(key))
            return fallback
        }
        return flag
    }

    /// A number within `range`.
    mutating func decimal(_ key: String, required: Bool, in range: ClosedRange<Decimal>) -> Decimal? {
        guard let value = parameters[key] else {
            if required { report("missing parameter \"\(key)\"", at: .root) }
            return nil
        }
        guard let number = value.decimalValue, range.contains(number) else {
            report("\"\(key)\" must be a number from \(range.lowerBound) to \(range.upperBound), found \(value)",
                   at: JSONPath.root.appending(key))
            return nil
        }
        return number
    }

    /// One of `choices` (`default` when absent), with a did-you-mean hint for a misspelling.
    mutating func choice(_ key: String, of choices: [String], default fallback: String) -> String {
        guard let value = parameters[key] else { return fallback }
        guard let text = value.stringValue, choices.contains(text) else {
            let hint = value.stringValue.flatMap { Spelling.nearest(to: $0, in: choices) }
                .map { "; did you mean \"\($0)\"?" } ?? ""
            report("\"\(key)\" must be one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
                       + ", found \(value)\(hint)", at: JSONPath.root.appending(key))
            return fallback
        }
        return text
    }

    /// Checks that `project.<name>` is a decimal variable of the definition (when the symbols are known).
    mutating func checkDecimalVariable(_ name: String, key: String, symbols: SymbolTable?) {
        guard let symbols else { return }
        switch symbols.types["project.\(name)"] {
        case .decimal?: return
        case let other?:
            report("\"\(key)\" names the variable \"\(name)\", which is a \(other); an amount must be a decimal",
                   at: JSONPath.root.appending(key))
        case nil:
            let names = symbols.types.keys.filter { $0.hasPrefix("project.") }.map { String($0.dropFirst(8)) }
            let hint = Spelling.nearest(to: name, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
            report("\"\(key)\" names the variable \"\(name)\", which the definition does not declare\(hint); declare "
                       + "it in \"variables\" as {\"type\": \"decimal\"}", at: JSONPath.root.appending(key))
        }
    }
}

/// "Did you mean …?" for parameter values (FlowCore's `Suggestion` is internal to it).
enum Spelling {
    /// The candidate nearest to `name` by edit distance, when close enough to be a likely typo.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let limit = max(2, name.count / 3)
        let scored = candidates.map { ($0, distance(Array(name), Array($0))) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
