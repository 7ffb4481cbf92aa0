import FlowCore

/// `human-task`: one task for one assignee; the decision's outcome is the stage's outcome.
///
/// Parameters: `title` (what the assignee is asked to do), `assignee` (`{"role"|"department"|"actor": "…"}`),
/// `outcomes` (the choices, e.g. `["approve", "reject"]`), optional `due` (a period shown with the task), and
/// optional `fact` (`{"name": "security-assessment-passed", "trueFor": ["pass"]}`): records a boolean fact that
/// is `true` when the chosen outcome is one of `trueFor`, so that later stages (e.g. the preconditions of
/// acceptance) can rely on it.
public struct HumanTaskStage: StageKind {
    public let identifier = "human-task"
    public let summary = "A task for one assignee; the decision is the outcome"

    public init() {}

    /// The stage keeps no state.
    public typealias State = NoState

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let title: String
        let assignee: Assignee
        let outcomes: [String]
        let due: Period?
        let fact: (name: String, trueFor: [String])?
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? {
        let parameters = reader.parameters
        reader.rejectUnknown(allowed: ["title", "assignee", "outcomes", "due", "fact"])
        let title = reader.string("title", required: true)
        let assignee = reader.assignee("assignee", required: true)
        let outcomes = reader.strings("outcomes", required: true)
        let due = reader.period("due", required: false)
        var fact: (name: String, trueFor: [String])?
        if let value = parameters["fact"] {
            var factReader = ParameterReader(value)
            factReader.rejectUnknown(allowed: ["name", "trueFor"])
            let name = factReader.string("name", required: true)
            let trueFor = factReader.strings("trueFor", required: true)
            for problem in factReader.problems {
                reader.report(problem.message, at: JSONPath.root.appending("fact").appending(problem.path))
            }
            if let trueFor, let outcomes {
                for (index, outcome) in trueFor.enumerated() where !outcomes.contains(outcome) {
                    reader.report("\"\(outcome)\" is not one of the task's outcomes",
                                  at: JSONPath.root.appending("fact").appending("trueFor").appending(index))
                }
            }
            if let name, let trueFor { fact = (name, trueFor) }
        }
        guard let title, let assignee, let outcomes, reader.problems.isEmpty else { return nil }
        return Parameters(title: title, assignee: assignee, outcomes: outcomes, due: due, fact: fact)
    }

    public func outcomes(for parameters: Parameters) -> [String] { parameters.outcomes }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        return [.openTask(TaskRequest(key: "decision", title: parameters.title, assignee: parameters.assignee,
                                      outcomes: parameters.outcomes, due: parameters.due))]
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        var actions: [Action] = []
        if let fact = context.parameters.fact {
            actions.append(.recordFact(name: fact.name, value: .bool(fact.trueFor.contains(decision.outcome))))
        }
        actions.append(.complete(outcome: decision.outcome))
        return actions
    }
}
