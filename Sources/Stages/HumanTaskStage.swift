import FlowCore

/// `human-task`: one task for one assignee; the decision's outcome is the stage's outcome.
///
/// Parameters: `title` (what the assignee is asked to do), `assignee` (`{"role"|"department"|"actor": "…"}`),
/// `outcomes` (the choices, e.g. `["approve", "reject"]`), optional `due` (a period shown with the task).
public struct HumanTaskStage: StageKind {
    public let identifier = "human-task"
    public let summary = "A task for one assignee; the decision is the outcome"

    public init() {}

    private struct Parameters {
        let title: String
        let assignee: Assignee
        let outcomes: [String]
        let due: Period?
    }

    private func read(_ parameters: JSONValue) -> (Parameters?, [ParameterProblem]) {
        var reader = ParameterReader(parameters)
        reader.rejectUnknown(allowed: ["title", "assignee", "outcomes", "due"])
        let title = reader.string("title", required: true)
        let assignee = reader.assignee("assignee", required: true)
        let outcomes = reader.strings("outcomes", required: true)
        let due = reader.period("due", required: false)
        guard let title, let assignee, let outcomes, reader.problems.isEmpty else { return (nil, reader.problems) }
        return (Parameters(title: title, assignee: assignee, outcomes: outcomes, due: due), [])
    }

    public func validate(parameters: JSONValue) -> [ParameterProblem] { read(parameters).1 }

    public func outcomes(for parameters: JSONValue) -> [String] { read(parameters).0?.outcomes ?? [] }

    public func enter(_ context: StageContext) throws(StageRefusal) -> [StageAction] {
        guard let parameters = read(context.parameters).0 else { throw StageRefusal("invalid parameters") }
        return [.openTask(TaskRequest(key: "decision", title: parameters.title, assignee: parameters.assignee,
                                      outcomes: parameters.outcomes, due: parameters.due))]
    }

    public func decide(_ decision: TaskDecision, in context: StageContext) throws(StageRefusal) -> [StageAction] {
        [.complete(outcome: decision.outcome)]
    }
}
