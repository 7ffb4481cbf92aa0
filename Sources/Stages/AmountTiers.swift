import FlowCore
import Foundation

/// A table that picks a value by the project's amount, as regulations state thresholds: "50万元以下 电子卖场,
/// 以上 公开招标" or "500万元（含）以上 45日, 以下 30日".
///
/// Two written forms:
/// - `"below"`: `[{"below": 50, "method": "电子卖场"}, {"method": "公开招标"}]`: each entry covers amounts
///   below its bound (and not below the previous one); the last entry has no bound and covers the rest.
/// - `"atLeast"`: `[{"atLeast": 0, "leadTime": "30 days"}, {"atLeast": 500, "leadTime": "45 days"}]`: the entry
///   with the largest bound not above the amount applies; amounts below the first bound have no value.
///
/// Bounds are non-negative and strictly ascending.
struct AmountTiers<Value: Sendable>: Sendable {
    enum Form: String, Sendable {
        case below
        case atLeast
    }

    struct Tier: Sendable {
        let bound: Decimal?
        let value: Value
    }

    let form: Form
    let tiers: [Tier]

    /// The value for `amount`, or `nil` when no entry covers it (only in the `atLeast` form).
    func value(for amount: Decimal) -> Value? {
        switch form {
        case .below:
            return tiers.first { tier in tier.bound.map { amount < $0 } ?? true }?.value
        case .atLeast:
            return tiers.last { tier in tier.bound.map { amount >= $0 } ?? false }?.value
        }
    }

    /// Reads the table at `key`, reporting each problem at its path.
    ///
    /// - Parameters:
    ///   - valueKey: the member holding each entry's value ("method", "leadTime", "period").
    ///   - expected: how the value is written, for messages ("a non-empty string").
    ///   - parse: the value, or `nil` when it is not of the expected form.
    static func read(_ key: String, form: Form, valueKey: String, expected: String, from reader: inout ParameterReader,
                     parse: (JSONValue) -> Value?) -> AmountTiers? {
        guard let list = reader.parameters[key] else { return nil }
        let path = JSONPath.root.appending(key)
        let shape = form == .below ? "{\"below\": <amount>, \"\(valueKey)\": …}" : "{\"atLeast\": <amount>, \"\(valueKey)\": …}"
        guard let entries = list.arrayValue, !entries.isEmpty else {
            reader.report("\"\(key)\" must be a non-empty list of \(shape), found \(list)", at: path)
            return nil
        }
        var tiers: [Tier] = []
        var previous: Decimal?
        var valid = true
        for (index, entry) in entries.enumerated() {
            let entryPath = path.appending(index)
            let boundKey = form.rawValue
            guard let members = entry.objectMembers else {
                reader.report("each entry of \"\(key)\" must be an object \(shape), found \(entry)", at: entryPath)
                valid = false
                continue
            }
            for member in members where member.key != boundKey && member.key != valueKey {
                reader.report("unknown field \"\(member.key)\" in an entry of \"\(key)\"; fields are \"\(boundKey)\", "
                                  + "\"\(valueKey)\"", at: entryPath.appending(member.key))
                valid = false
            }
            let isLast = index == entries.count - 1
            var bound: Decimal?
            switch (entry[boundKey], form, isLast) {
            case (nil, .below, false):
                reader.report("\"below\" is missing: every entry of \"\(key)\" but the last needs an upper bound",
                              at: entryPath)
                valid = false
            case (nil, .atLeast, _):
                reader.report("\"atLeast\" is missing: every entry of \"\(key)\" needs a lower bound", at: entryPath)
                valid = false
            case (_?, .below, true):
                reader.report("the last entry of \"\(key)\" must not have \"below\": it covers every larger amount",
                              at: entryPath.appending(boundKey))
                valid = false
            case (let value?, _, _):
                guard let number = value.decimalValue else {
                    reader.report("\"\(boundKey)\" must be an amount (a number), found \(value)",
                                  at: entryPath.appending(boundKey))
                    valid = false
                    break
                }
                if number < 0 {
                    reader.report("\"\(boundKey)\" must not be negative, found \(value)", at: entryPath.appending(boundKey))
                    valid = false
                } else if let previous, number <= previous {
                    reader.report("thresholds must ascend: \"\(boundKey)\" \(value) is not above the previous entry's "
                                      + "\(previous)", at: entryPath.appending(boundKey))
                    valid = false
                }
                bound = number
                previous = number
            default:
                break
            }
            guard let raw = entry[valueKey] else {
                reader.report("missing \"\(valueKey)\" in an entry of \"\(key)\"", at: entryPath)
                valid = false
                continue
            }
            guard let value = parse(raw) else {
                reader.report("\"\(valueKey)\" must be \(expected), found \(raw)", at: entryPath.appending(valueKey))
                valid = false
                continue
            }
            tiers.append(Tier(bound: bound, value: value))
        }
        return valid ? AmountTiers(form: form, tiers: tiers) : nil
    }
}

extension Period {
    /// The period written in `value`, if it is a string that parses.
    static func from(_ value: JSONValue) -> Period? {
        value.stringValue.flatMap { try? Period.parse($0) }
    }
}
