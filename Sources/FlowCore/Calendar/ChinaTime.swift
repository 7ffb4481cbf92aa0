import Foundation

/// Instants in China Standard Time (UTC+8), as the runner shows them: `YYYY-MM-DD HH:MM` in the simulator's
/// reports, ISO 8601 with the offset in the API.
package enum ChinaTime {
    /// The hour of the day a date alone stands for: the start of office hours.
    package static let defaultHour = 9

    /// `2024-10-08 09:00`. Midnight is written `24:00` of the day before (`2024-10-28 24:00`): the instant a
    /// deadline due that day expires, so an expiry shows on its due date.
    package static func format(_ instant: Date) -> String {
        var date = CivilDate(chinaDateOf: instant)
        var seconds = Int(instant.timeIntervalSince(date.startInChina).rounded(.down))
        if seconds == 0 {
            date = date.adding(days: -1)
            seconds = 24 * 3600
        }
        let hour = seconds / 3600
        let minute = (seconds % 3600) / 60
        return "\(date.iso) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// Parses `YYYY-MM-DD` (09:00 that day) or `YYYY-MM-DD HH:MM` (`24:00` is the end of the day).
    package static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, parts.count <= 2, let date = CivilDate(iso: first) else { return nil }
        var minutes = defaultHour * 60
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
                  let hour = Int(clock[0]), let minute = Int(clock[1]), (0...24).contains(hour),
                  (0..<60).contains(minute), hour < 24 || minute == 0
            else { return nil }
            minutes = hour * 60 + minute
        }
        return date.startInChina.addingTimeInterval(TimeInterval(minutes * 60))
    }

    /// The words error messages use for the accepted forms.
    package static let acceptedForms =
        "\"YYYY-MM-DD\" (09:00 that day) or \"YYYY-MM-DD HH:MM\" (China time, 00:00 to 24:00)"

    /// ISO 8601 with the offset, e.g. `2024-09-27T09:00:00+08:00` (the API's form).
    package static func timestamp(_ instant: Date) -> String {
        let date = CivilDate(chinaDateOf: instant)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + CivilDate.chinaStandardTimeOffset
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return date.iso + String(format: "T%02d:%02d:%02d+08:00", ofDay / 3600, ofDay / 60 % 60, ofDay % 60)
    }

    /// The API's form as a JSON string.
    package static func json(_ instant: Date) -> JSONValue { .string(timestamp(instant)) }
}
