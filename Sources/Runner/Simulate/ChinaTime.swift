import FlowCore
import Foundation

/// Instants as the simulator reads and writes them: `YYYY-MM-DD HH:MM` in China Standard Time (UTC+8).
enum ChinaTime {
    /// The hour of the day a date alone stands for: the start of office hours.
    static let defaultHour = 9

    /// `2024-10-08 09:00`.
    static func format(_ instant: Date) -> String {
        let date = CivilDate(chinaDateOf: instant)
        let seconds = Int(instant.timeIntervalSince(date.startInChina).rounded(.down))
        let hour = seconds / 3600
        let minute = (seconds % 3600) / 60
        return "\(date.iso) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// Parses `YYYY-MM-DD` (09:00 that day) or `YYYY-MM-DD HH:MM`.
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first, parts.count <= 2, let date = CivilDate(iso: first) else { return nil }
        var minutes = defaultHour * 60
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
                  let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour),
                  (0..<60).contains(minute)
            else { return nil }
            minutes = hour * 60 + minute
        }
        return date.startInChina.addingTimeInterval(TimeInterval(minutes * 60))
    }

    /// The words error messages use for the accepted forms.
    static let acceptedForms = "\"YYYY-MM-DD\" (09:00 that day) or \"YYYY-MM-DD HH:MM\", China time"
}
