import FlowCore
import GovFlowHTTP

/// A project as the API shows it: status, definition, variables, current stages, open tasks, pending timers,
/// overdue records, incidents (open and resolved) and the whole history.
enum ProjectView {
    /// The view's JSON text: the members of `make`, then `history`, each entry's actor and event written as the very
    /// records the store keeps (docs/formats.md).
    static func text(_ state: InstanceState, history: [HistoryEntry], definition: WorkflowDefinition?) -> String {
        var text = make(state, history: history, definition: definition).jsonText
        text.removeLast()  // The object's "}": the history follows.
        var writer = RecordWriter(capacity: 64 + history.count * 256)
        writer.array(history) { writer, entry in
            writer.object { writer in
                writer.field("seq", entry.sequence)
                writer.field("at", ChinaTime.timestamp(entry.at))
                writer.key("actor")
                entry.actor.write(to: &writer)
                writer.key("event")
                entry.event.write(to: &writer)
            }
        }
        return text + ",\"history\":" + writer.text + "}"
    }

    /// Every member but `history`.
    static func make(_ state: InstanceState, history: [HistoryEntry], definition: WorkflowDefinition?) -> JSONValue {
        let starter = history.first?.actor
        let result: JSONValue
        if case .ended(let value) = state.status { result = .string(value) } else { result = .null }
        let stages = state.activations.values.sorted { $0.id < $1.id }.map { activation in
            JSONValue.object([
                "activation": .number(activation.id), "node": .string(activation.node),
                "name": .string(definition?.node(activation.node)?.name), "kind": .string(activation.kind),
                "enteredAt": ChinaTime.json(activation.enteredAt),
            ])
        }
        return .object([
            "id": .string(state.id),
            "definition": .object(["id": .string(state.definitionID), "version": .number(state.definitionVersion)]),
            "status": .string(statusName(state.status)),
            "result": result,
            "startedBy": starter.map(actor) ?? .null,
            "startedAt": ChinaTime.json(state.startedAt),
            "updatedAt": ChinaTime.json(state.updatedAt),
            "variables": values(state.variables),
            "computed": values(state.computed),
            "stages": .array(stages),
            "openTasks": .array(state.openTasks.map { TaskView.make($0, definition: definition) }),
            "timers": TimerView.pending(of: state),
            "overdue": .array(state.overdue.map(TimerView.overdue)),
            "incidents": IncidentView.all(of: state),
        ])
    }

    static func statusName(_ status: InstanceState.Status) -> String {
        switch status {
        case .running: return "running"
        case .ended: return "ended"
        case .withdrawn: return "withdrawn"
        }
    }

    static func actor(_ actor: Actor) -> JSONValue {
        .object([
            "id": .string(actor.id), "department": .string(actor.department),
            "roles": .array(actor.roles.sorted().map(JSONValue.string)),
        ])
    }

    static func values(_ values: [String: Value]) -> JSONValue {
        .object(values.keys.sorted().compactMap { key in values[key].map { JSONMember(key: key, value: $0.json) } })
    }
}
