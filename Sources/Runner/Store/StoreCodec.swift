import FlowCore
import Foundation

/// How values become columns: states, actors and events as JSON text; instants as numbers.
///
/// Instants in `at`, `deployed_at` and `updated_at` are REAL seconds since 2001-01-01 00:00 UTC (Foundation's
/// reference date), which round-trips a `Date` exactly; timers' `fire_at` is INTEGER milliseconds since
/// 1970-01-01 UTC, so that it can be indexed and read by people (timers fire at whole seconds).
enum StoreCodec {
    /// A JSON encoder set up as the store writes: keys sorted (stable text for people reading the file).
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<Value: Encodable>(_ value: Value, what: String, using encoder: JSONEncoder = makeEncoder())
        throws(StoreError) -> String
    {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .failure("cannot encode \(what) as JSON: \(error)")
        }
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String, what: String) throws(StoreError)
        -> Value
    {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .failure("cannot read \(what) stored in the database: \(error); the database was changed by hand "
                + "or by an incompatible version; restore a backup")
        }
    }

    static func instant(_ date: Date) -> SQLiteValue { .real(date.timeIntervalSinceReferenceDate) }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSinceReferenceDate: seconds) }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// The `status` column: "running", "ended:<result>" or "withdrawn".
    static func status(_ status: InstanceState.Status) -> String {
        switch status {
        case .running: return "running"
        case .ended(let result): return "ended:\(result)"
        case .withdrawn: return "withdrawn"
        }
    }

    /// An incident's columns after `project_id`: incident, status, timer_id, command, error, failures, raised_at,
    /// resolution, moved_to, resolved_by, resolved_at, comment.
    static func incidentRow(_ incident: Incident) -> [SQLiteValue] {
        [.integer(Int64(incident.id)), .text(incident.status.rawValue),
         incident.timer.map { .integer(Int64($0)) } ?? .null,
         .text(incident.command), .text(incident.error), .integer(Int64(incident.failures)),
         instant(incident.raisedAt), incident.resolution.map { .text($0.rawValue) } ?? .null,
         incident.movedTo.map(SQLiteValue.text) ?? .null, incident.resolvedBy.map(SQLiteValue.text) ?? .null,
         incident.resolvedAt.map(instant) ?? .null, incident.comment.map(SQLiteValue.text) ?? .null]
    }

    /// The incident in a row of `SELECT project_id, <incidentRow columns> FROM incidents`.
    static func incident(_ row: SQLiteStatement) throws(StoreError) -> ProjectIncident {
        let project = row.text(0)
        let number = row.int(1)
        func optionalText(_ column: Int32) -> String? { row.isNull(column) ? nil : row.text(column) }
        guard let status = Incident.Status(rawValue: row.text(2)) else {
            throw .failure("incident \(number) of project \"\(project)\" has status \"\(row.text(2))\", not \"open\" "
                + "or \"resolved\"; the database was changed by hand; restore a backup")
        }
        let resolution = optionalText(8).flatMap(IncidentResolution.init(rawValue:))
        if let text = optionalText(8), resolution == nil {
            throw .failure("incident \(number) of project \"\(project)\" has resolution \"\(text)\", not one of "
                + IncidentResolution.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                + "; the database was changed by hand; restore a backup")
        }
        return ProjectIncident(projectID: project, incident: Incident(
            id: number, timer: row.isNull(3) ? nil : row.int(3), command: row.text(4), error: row.text(5),
            failures: row.int(6), raisedAt: date(row.double(7)), status: status, resolution: resolution,
            movedTo: optionalText(9), resolvedBy: optionalText(10),
            resolvedAt: row.isNull(11) ? nil : date(row.double(11)), comment: optionalText(12)))
    }
}
