import FlowCore
import GovFlowHTTP

/// A human task as the API shows it.
enum TaskView {
    static func make(_ task: HumanTask, definition: WorkflowDefinition?) -> JSONValue {
        .object([
            "id": .number(task.id),
            "node": .string(task.nodeID),
            "key": .string(task.key),
            "name": .string(definition?.node(task.nodeID)?.name),
            "title": .string(task.title),
            "assignee": assignee(task.assignee),
            "outcomes": .array(task.outcomes.map(JSONValue.string)),
            "status": .string(task.status.rawValue),
            "openedAt": ChinaTime.json(task.openedAt),
            "due": task.due.map(due) ?? .null,
            "delegatedBy": task.delegatedBy.map(assignee) ?? .null,
            "consultationOf": task.consultationOf.map { .number($0) } ?? .null,
            "blocking": .bool(task.blocking),
            "exampleData": task.exampleData,
        ])
    }

    static func assignee(_ assignee: Assignee) -> JSONValue {
        switch assignee {
        case .actor(let id): return .object(["actor": .string(id)])
        case .department(let name): return .object(["department": .string(name)])
        case .role(let name): return .object(["role": .string(name)])
        }
    }

    /// A due date: the last day, whether it is provisional, and the instant it expires (24:00 China time).
    static func due(_ due: DueDate) -> JSONValue {
        .object([
            "date": .string(due.date.iso), "provisional": .bool(due.provisional),
            "expiresAt": ChinaTime.json(due.date.endInChina),
        ])
    }
}
