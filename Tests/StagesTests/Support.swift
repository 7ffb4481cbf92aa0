import FlowCore
import Foundation
import StageTesting
import Testing

/// Dates and actors shared by the stage tests. 2024-09-02 is a Monday; the calendar is weekends-only.
enum Given {
    static func date(_ iso: String) -> CivilDate {
        guard let date = CivilDate(iso: iso) else { preconditionFailure("bad date \(iso)") }
        return date
    }

    static let monday = date("2024-09-02")

    static let unit = Actor(id: "unit", department: "区教育局", roles: ["project-unit"])
    static let dataBureau = Actor(id: "li", department: "区数据局")
    static let finance = Actor(id: "zhao", department: "区财政局")
    static let audit = Actor(id: "qian", department: "区审计局")
    static let office = Actor(id: "sun", department: "区委办")
    static let cyber = Actor(id: "zhou", department: "区委网信办")

    static func expert(_ id: String, _ roles: Set<String> = ["expert"]) -> Actor { Actor(id: id, roles: roles) }

    /// The parameter diagnostics of a stage node, as "path: message".
    static func problems(_ kind: any StageKind, _ parameters: String, declarations: String? = nil) -> [String] {
        StageHarness.diagnostics(kind: kind, parameters: parameters, declarations: declarations)
            .map { "\($0.path): \($0.message)" }
    }

    /// The history's count of an event kind.
    static func count(_ harness: StageHarness, where match: (Event) -> Bool) -> Int {
        harness.history.filter { match($0.event) }.count
    }
}
