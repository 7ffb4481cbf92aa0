import Foundation

/// A legal period as the regulations state it: "5个工作日" is `.workdays(5)`, "45日" `.days(45)`,
/// "6个月" `.months(6)`, "1年" `.years(1)`.
///
/// Written in definitions as "5 workdays", "45 days", "6 months", "1 year", or as an ISO 8601 duration of whole
/// days, months or years ("P45D", "P6M", "P1Y"; working days have no ISO form).
public enum Period: Hashable, Sendable, CustomStringConvertible {
    /// Working days: statutory holidays and ordinary weekends are skipped, make-up working days (调休) count.
    case workdays(Int)
    /// Calendar days.
    case days(Int)
    /// Calendar months, ending on the corresponding day of the final month.
    case months(Int)
    /// Calendar years.
    case years(Int)

    /// The forms `Period.parse` accepts, for error messages.
    public static let acceptedForms =
        #""N workdays", "N days", "N months", "N years" (N a whole number ≥ 1) or ISO 8601 "#
        + #""PnD", "PnW", "PnM", "PnY""#

    /// The largest N accepted: 10000 of any unit is decades beyond any regulation and keeps date arithmetic far
    /// from overflow.
    public static let maximumCount = 10_000

    /// Parses a period, or throws an error that names the accepted forms.
    public static func parse(_ text: String) throws(PeriodParseError) -> Period {
        let period = try parseUnbounded(text)
        let count: Int
        switch period {
        case .workdays(let n), .days(let n), .months(let n), .years(let n): count = n
        }
        guard count <= maximumCount else {
            throw PeriodParseError(text: text, problem: "N must be at most \(maximumCount)")
        }
        return period
    }

    private static func parseUnbounded(_ text: String) throws(PeriodParseError) -> Period {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("P") {
            let body = trimmed.dropFirst()
            guard let unit = body.last, let count = Int(body.dropLast()), count >= 1,
                  body.dropLast().allSatisfy(\.isNumber)
            else { throw PeriodParseError(text: text) }
            switch unit {
            case "D": return .days(count)
            case "W" where count <= maximumCount: return .days(count * 7)
            case "M": return .months(count)
            case "Y": return .years(count)
            default: throw PeriodParseError(text: text)
            }
        }
        let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, words[0].allSatisfy(\.isNumber), let count = Int(words[0]), count >= 1 else {
            throw PeriodParseError(text: text)
        }
        switch words[1] {
        case "workday" where count == 1, "workdays": return .workdays(count)
        case "day" where count == 1, "days": return .days(count)
        case "month" where count == 1, "months": return .months(count)
        case "year" where count == 1, "years": return .years(count)
        default: throw PeriodParseError(text: text)
        }
    }

    /// The canonical written form, e.g. "5 workdays" or "1 month".
    public var description: String {
        switch self {
        case .workdays(let n): return n == 1 ? "1 workday" : "\(n) workdays"
        case .days(let n): return n == 1 ? "1 day" : "\(n) days"
        case .months(let n): return n == 1 ? "1 month" : "\(n) months"
        case .years(let n): return n == 1 ? "1 year" : "\(n) years"
        }
    }
}

/// A period string that does not parse.
public struct PeriodParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    /// What is wrong with a period of the right form (its number is too large), or `nil` when the form is wrong.
    public let problem: String?

    /// Creates the error for `text`, with `problem` when the form is right but the value is not.
    public init(text: String, problem: String? = nil) {
        self.text = text
        self.problem = problem
    }

    public var description: String {
        if let problem { return "\"\(text)\" is not a period: \(problem)" }
        return "\"\(text)\" is not a period; write \(Period.acceptedForms)"
    }
}

extension Period: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Period.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Period {
    /// How many units the period counts.
    public var count: Int {
        switch self {
        case .workdays(let n), .days(let n), .months(let n), .years(let n): return n
        }
    }

    /// Why the period cannot be counted (its count is not from 1 to `maximumCount`), or `nil` when it can. Periods
    /// parsed from text always can; one built in code (a plugin's `.workdays(0)`) is checked with this.
    public var problem: String? {
        (1...Period.maximumCount).contains(count) ? nil
            : "a period counts from 1 to \(Period.maximumCount) units, found \(self)"
    }
}
