import FlowCore

/// `automatic`: completes as soon as it is entered, with its one outcome, optionally recording a note.
///
/// Parameters: `outcome` (default "done"), optional `note` (recorded in the history, e.g. "材料已归档").
/// Useful for steps the system takes by itself, and as the simplest stage in tests.
public struct AutomaticStage: StageKind {
    public let identifier = "automatic"
    public let summary = "Completes at once with its one outcome"

    public init() {}

    public func validate(parameters: JSONValue) -> [ParameterProblem] {
        var reader = ParameterReader(parameters)
        reader.rejectUnknown(allowed: ["outcome", "note"])
        _ = reader.string("outcome", required: false)
        _ = reader.string("note", required: false)
        return reader.problems
    }

    public func outcomes(for parameters: JSONValue) -> [String] {
        [parameters["outcome"]?.stringValue ?? "done"]
    }

    public func enter(_ context: StageContext) throws(StageRefusal) -> [StageAction] {
        var actions: [StageAction] = []
        if let note = context.parameters["note"]?.stringValue {
            actions.append(.note(kind: "automatic", message: note, data: .null))
        }
        actions.append(.complete(outcome: outcomes(for: context.parameters)[0]))
        return actions
    }

    public func decide(_ decision: TaskDecision, in context: StageContext) throws(StageRefusal) -> [StageAction] {
        throw StageRefusal("an automatic stage has no tasks to decide")
    }
}
