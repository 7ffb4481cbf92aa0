import FlowCore
import Foundation

/// Instants as the API shows them: ISO 8601 in China Standard Time, e.g. `2024-09-27T09:00:00+08:00`.
enum ChinaTime {
    static func timestamp(_ instant: Date) -> String {
        let date = CivilDate(chinaDateOf: instant)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + CivilDate.chinaStandardTimeOffset
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return date.iso + String(format: "T%02d:%02d:%02d+08:00", ofDay / 3600, ofDay / 60 % 60, ofDay % 60)
    }

    static func json(_ instant: Date) -> JSONValue { .string(timestamp(instant)) }
}
