import FlowCore
import Foundation

/// The `--json` document: keys in a fixed order (see docs/simulate.md), one event per line.
extension SimulationReport {
    var json: JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        let events: [JSONValue] = rows.map { row in
            .object([
                JSONMember(key: "seq", value: .number(row.sequence)),
                JSONMember(key: "at", value: .string(ChinaTime.format(row.at))),
                JSONMember(key: "actor", value: .string(row.actor)),
                JSONMember(key: "type", value: .string(row.type)),
                JSONMember(key: "node", value: optional(row.node)),
            ] + row.details + [JSONMember(key: "description", value: .string(row.description))])
        }
        let deadlines: [JSONValue] = timers.deadlines.map { record in
            .object([
                "node": .string(record.node),
                "deadline": optional(record.key),
                "interrupting": .bool(record.interrupting ?? false),
                "scheduled": .string(ChinaTime.format(record.scheduledAt)),
                "due": .string(record.due.date.iso),
                "provisional": .bool(record.due.provisional),
                "outcome": .string(record.outcome),
            ])
        }
        let others: [JSONValue] = timers.otherTimers.map { record in
            .object([
                "kind": .string(record.kind),
                "node": .string(record.node),
                "key": optional(record.key),
                "scheduled": .string(ChinaTime.format(record.scheduledAt)),
                "due": .string(record.due.date.iso),
                "provisional": .bool(record.due.provisional),
                "outcome": .string(record.outcome),
            ])
        }
        return .object([
            "workflow": .object(["id": .string(workflowID), "version": .number(workflowVersion)]),
            "project": .object([
                "id": .string(projectID),
                "variables": .object(variables.map { JSONMember(key: $0.name, value: $0.value.json) }),
            ]),
            "start": .string(ChinaTime.format(start)),
            "status": .string(statusName),
            "result": optional(result),
            "finished": optional(finishedAt.map(ChinaTime.format)),
            "note": optional(note),
            "events": .array(events),
            "deadlines": .array(deadlines),
            "timers": .array(others),
        ])
    }

    /// The JSON document's text, ending with a newline.
    var jsonText: String { JSONTextWriter.pretty(json) + "\n" }
}
