import FlowCore

/// A project as the API shows it: status, definition, variables, current stages, open tasks, pending timers,
/// overdue records, incidents (open and resolved) and the whole history.
enum ProjectView {
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
            "history": historyView(history),
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

    /// Every entry as `{seq, at, actor, event}`; the events are encoded in one pass.
    static func historyView(_ history: [HistoryEntry]) -> JSONValue {
        let events = JSONValue.encoding(history.map(\.event)).arrayValue ?? []
        return .array(history.enumerated().map { index, entry in
            .object([
                "seq": .number(entry.sequence), "at": ChinaTime.json(entry.at), "actor": actor(entry.actor),
                "event": index < events.count ? events[index] : .null,
            ])
        })
    }
}
