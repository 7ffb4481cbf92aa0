import Foundation

/// The incident record inside a state snapshot's `"incidents"`: `{"incident": 1, "timer": 4, "command": "…",
/// "error": "…", "failures": 1, "raisedAt": "…", "status": "open", "resolution": null, "movedTo": null,
/// "resolvedBy": null, "resolvedAt": null, "comment": null}`. docs/formats.md describes each member.
extension Incident {
    /// Writes the incident record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            writer.field("incident", id)
            writer.field("timer", timer)
            writer.field("command", command)
            writer.field("error", error)
            writer.field("failures", failures)
            writer.key("raisedAt")
            writer.instant(raisedAt)
            writer.field("status", status.rawValue)
            writer.field("resolution", resolution?.rawValue)
            writer.field("movedTo", movedTo)
            writer.field("resolvedBy", resolvedBy)
            writer.key("resolvedAt")
            if let resolvedAt { writer.instant(resolvedAt) } else { writer.null() }
            writer.field("comment", comment)
        }
    }

    /// Reads an incident record.
    public init(record r: RecordReader) throws(RecordError) {
        let statusName = try r.string("status")
        guard let status = Status(rawValue: statusName) else {
            throw r.unknown("status", statusName, known: Status.allCases.map(\.rawValue))
        }
        var resolution: IncidentResolution?
        if let name = try r.optionalString("resolution") {
            guard let known = IncidentResolution(rawValue: name) else {
                throw r.unknown("resolution", name, known: IncidentResolution.allCases.map(\.rawValue))
            }
            resolution = known
        }
        let resolvedAt: Date? = try r.optionalString("resolvedAt") == nil ? nil : try r.instant("resolvedAt")
        self.init(id: try r.int("incident"), timer: try r.optionalInt("timer"), command: try r.string("command"),
                  error: try r.string("error"), failures: try r.int("failures"), raisedAt: try r.instant("raisedAt"),
                  status: status, resolution: resolution, movedTo: try r.optionalString("movedTo"),
                  resolvedBy: try r.optionalString("resolvedBy"), resolvedAt: resolvedAt,
                  comment: try r.optionalString("comment"))
    }
}
