import Foundation

/// How records write an instant: ISO 8601 in China Standard Time with its offset, e.g. `2024-09-27T09:00:00+08:00`,
/// with a fraction of a second when there is one (`2024-09-27T09:00:00.25+08:00`, up to nine digits).
///
/// Nine digits give back the very same `Date` for every instant from mid-2001 on (the spacing of `Date`'s values is
/// then coarser than a nanosecond), so a record read back equals the one written.
public enum RecordInstant {
    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    private static let referenceOffset = 978_307_200

    /// The record text of `date`.
    public static func text(_ date: Date) -> String {
        let reference = date.timeIntervalSinceReferenceDate
        let whole = reference.rounded(.down)
        let fraction = reference - whole
        let local = Int(whole) + referenceOffset + CivilDate.chinaStandardTimeOffset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let ofDay = local - day * 86_400
        var text = CivilDate(dayNumber: day).iso + "T" + two(ofDay / 3600) + ":" + two(ofDay / 60 % 60) + ":"
            + two(ofDay % 60)
        if fraction > 0 {
            let nanoseconds = min(999_999_999, Int((fraction * 1e9).rounded()))
            if nanoseconds > 0 {
                var digits = String(nanoseconds)
                digits = String(repeating: "0", count: 9 - digits.count) + digits
                while digits.last == "0" { digits.removeLast() }
                text += "." + digits
            }
        }
        return text + "+08:00"
    }

    /// The instant `text` names, or `nil` when it is not in the record form.
    public static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 25, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), text.hasSuffix("+08:00"),
              let date = CivilDate(iso: text.prefix(10)),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
              let second = number(bytes[17..<19]), hour < 24, minute < 60, second < 60
        else { return nil }
        let rest = bytes[19..<(bytes.count - 6)]
        var nanoseconds = 0
        if !rest.isEmpty {
            let digits = rest.dropFirst()
            guard rest.first == UInt8(ascii: "."), (1...9).contains(digits.count), let value = number(digits) else {
                return nil
            }
            nanoseconds = value * Int(pow(10.0, Double(9 - digits.count)))
        }
        let local = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second
        let whole = Double(local - CivilDate.chinaStandardTimeOffset - referenceOffset)
        return Date(timeIntervalSinceReferenceDate: whole + Double(nanoseconds) / 1e9)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
