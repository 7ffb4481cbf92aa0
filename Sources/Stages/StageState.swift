import FlowCore
import Foundation

/// Converts between a stage's `Codable` state (or fact) types and the `JSONValue` the engine stores, so a stage
/// can keep its state in a plain struct. Keys come out sorted, so the stored value is deterministic.
enum StageState {
    /// The value decoded from the stored JSON, or `nil` when there is none yet.
    static func load<T: Decodable>(_ type: T.Type, from value: JSONValue) -> T? {
        guard value != .null, let data = try? JSONEncoder().encode(value) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }

    /// The value as JSON.
    static func json<T: Encodable>(_ value: T) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(value), let json = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return .null }
        return json
    }

    /// The action saving `value` as the activation's state.
    static func save<T: Encodable>(_ value: T) -> StageAction { .setState(json(value)) }
}

/// What every built-in stage does with the definition's deadlines and reminders on its node: it records a note,
/// so the history shows the stage overdue or reminded (the engine already records the expiry itself).
enum DeadlineNotes {
    static func actions(for timer: FiredTimer, in context: StageContext) -> [StageAction] {
        switch timer {
        case .deadline(let id):
            return [.note(kind: "overdue", message: "\(context.nodeName): deadline \"\(id)\" has passed",
                          data: .object(["deadline": .string(id)]))]
        case .reminder(let id):
            return [.note(kind: "reminder", message: "\(context.nodeName): deadline \"\(id)\" is near (催办)",
                          data: .object(["deadline": .string(id)]))]
        case .own:
            return []
        }
    }
}

extension StageContext {
    /// The name of a fact this stage records: `<node id>.<name>`, so two stages of one kind never collide.
    func fact(_ name: String) -> String { "\(nodeID).\(name)" }

    /// The project's amount in the decimal variable `name`, or a refusal naming what is wrong.
    func amount(_ name: String) throws(StageRefusal) -> Decimal {
        guard let value = project[name] else {
            throw StageRefusal("the project has no variable \"\(name)\"; this stage reads the amount from it")
        }
        guard case .decimal(let amount) = value else {
            throw StageRefusal("the project variable \"\(name)\" is \(value), not an amount")
        }
        return amount
    }
}

extension StageContext {
    /// The node's parameters read with `read`; the loader validated them, so a failure means the definition was
    /// loaded against another version of the kind.
    func validParameters<Parameters>(_ read: (JSONValue) -> (Parameters?, [ParameterProblem]))
        throws(StageRefusal) -> Parameters
    {
        guard let parameters = read(self.parameters).0 else {
            throw StageRefusal("the node's parameters are invalid; run govflow validate")
        }
        return parameters
    }
}
