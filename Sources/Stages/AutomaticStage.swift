import FlowCore

/// `automatic`: completes as soon as it is entered, with its one outcome, optionally recording a note.
///
/// Parameters: `outcome` (default "done"), optional `note` (recorded in the history, e.g. "材料已归档").
/// Useful for steps the system takes by itself, and as the simplest stage in tests.
public struct AutomaticStage: StageKind {
    public let identifier = "automatic"
    public let summary = "Completes at once with its one outcome"

    public init() {}

    /// The stage keeps no state.
    public typealias State = NoState

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let outcome: String
        let note: String?
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? {
        reader.rejectUnknown(allowed: ["outcome", "note"])
        let outcome = reader.string("outcome", required: false)
        let note = reader.string("note", required: false)
        return Parameters(outcome: outcome ?? "done", note: note)
    }

    public func outcomes(for parameters: Parameters) -> [String] { [parameters.outcome] }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        var actions: [Action] = []
        if let note = context.parameters.note {
            actions.append(.note(kind: "automatic", message: note, data: .null))
        }
        actions.append(.complete(outcome: context.parameters.outcome))
        return actions
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        throw StageRefusal("an automatic stage has no tasks to decide")
    }
}
