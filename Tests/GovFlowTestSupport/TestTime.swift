import FlowCore
import Foundation

/// Instants the tests start from.
package enum TestTime {
    /// 09:00 China Standard Time on a date given as `YYYY-MM-DD` (a test's own literal, so a bad one traps).
    package static func morning(_ iso: String) -> Date {
        CivilDate(iso: iso)!.startInChina.addingTimeInterval(9 * 3600)
    }
}
