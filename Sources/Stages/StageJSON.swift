import FlowCore
import Foundation

/// Converts a `Codable` value a stage records as a fact into the `JSONValue` the engine stores, keys sorted, the
/// same way the engine encodes a stage's state.
enum StageJSON {
    /// The value as JSON (`.null` if it cannot be encoded, which the stages' plain structs never are).
    static func json<T: Encodable>(_ value: T) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(value), let json = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return .null }
        return json
    }
}

/// What every built-in stage does with the definition's deadlines and reminders on its node: it records a note,
/// so the history shows the stage overdue or reminded (the engine already records the expiry itself).
enum DeadlineNotes {
    static func actions<Parameters, State>(for timer: FiredTimer, in context: StageContext<Parameters, State?>)
        -> [StageAction<State>]
    {
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
