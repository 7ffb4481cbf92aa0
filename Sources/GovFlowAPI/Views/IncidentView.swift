import FlowCore
import GovFlowHTTP

/// Incidents as the API shows them, in a project's view and in `GET /v1/incidents`.
enum IncidentView {
    static func make(_ incident: Incident) -> JSONValue {
        .object([
            "incident": .number(incident.id),
            "status": .string(incident.status.rawValue),
            "timer": incident.timer.map { .number($0) } ?? .null,
            "command": .string(incident.command),
            "error": .string(incident.error),
            "failures": .number(incident.failures),
            "raisedAt": ChinaTime.json(incident.raisedAt),
            "resolution": .string(incident.resolution?.rawValue),
            "movedTo": .string(incident.movedTo),
            "resolvedBy": .string(incident.resolvedBy),
            "resolvedAt": incident.resolvedAt.map(ChinaTime.json) ?? .null,
            "comment": .string(incident.comment),
        ])
    }

    /// A project's incidents, open and resolved, by number.
    static func all(of state: InstanceState) -> JSONValue {
        .array(state.incidents.values.sorted { $0.id < $1.id }.map(make))
    }
}
