import FlowCore
import Foundation

/// How values become columns: states, actors and events as their record text (FlowCore's `Records`, described in
/// docs/formats.md); instants as numbers.
///
/// Instants in `at`, `deployed_at` and `updated_at` are REAL seconds since 2001-01-01 00:00 UTC (Foundation's
/// reference date), which round-trips a `Date` exactly; timers' `fire_at` is INTEGER milliseconds since
/// 1970-01-01 UTC, so that it can be indexed and read by people (timers fire at whole seconds).
enum StoreCodec {
    /// Reads a stored record with `read`, turning its error into a store error that says which record: a newer
    /// format version is refused by name, anything else is reported as damage.
    static func record<Record>(_ what: String, _ read: () throws(RecordError) -> Record) throws(StoreError)
        -> Record
    {
        do {
            return try read()
        } catch {
            if case .newerVersion = error {
                throw .failure("\(what) \(error) (a newer GovFlow wrote it); run that govflow, or restore a backup "
                    + "made by this version")
            }
            throw .failure("cannot read \(what) stored in the database: \(error); the database was changed by hand "
                + "or by an incompatible version; restore a backup")
        }
    }

    /// Checks a history row's `format` column before its records are read.
    static func checkHistoryFormat(_ format: Int, what: String) throws(StoreError) {
        guard format <= RecordFormat.historyVersion else {
            throw .failure("\(what) \(RecordError.newerVersion(found: format, supported: RecordFormat.historyVersion)) "
                + "(a newer GovFlow wrote it); run that govflow, or restore a backup made by this version")
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
