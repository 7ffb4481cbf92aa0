import Foundation

/// Runs projects through one workflow definition, deterministically.
///
/// The engine is a pure function of (state, command, now): it reads no clock and no storage, calls stage kinds
/// only through `StageKind`, and answers with the history entries the command produced and the state they lead
/// to. A refused command throws `EngineError` and produces nothing.
public struct WorkflowEngine: Sendable {
    /// The definition projects run on.
    public let definition: WorkflowDefinition
    /// The stage kinds, which must include every kind the definition uses.
    public let registry: StageRegistry
    /// Period arithmetic in the definition's calendar and rest-day convention.
    public let periods: PeriodCalculator

    /// Most nodes one command may enter (gateways, splits, joins, stages that complete at once…) before it is
    /// deemed a loop and refused with `EngineError.runaway`.
    public static let automaticStepLimit = 10_000

    public init(definition: WorkflowDefinition, registry: StageRegistry, calendar: any WorkingCalendar) {
        self.definition = definition
        self.registry = registry
        self.periods = PeriodCalculator(calendar: calendar, convention: definition.restDayConvention)
    }

    /// Starts project `projectID` with its variables as JSON values; checks them against the declarations.
    public func start(projectID: String, variables: [String: JSONValue], actor: Actor, at now: Date)
        throws(EngineError) -> Step
    {
        let values = try definition.bind(variables: variables)
        var computed: [String: Value] = [:]
        var scope = values.reduce(into: [String: Value]()) { $0["project.\($1.key)"] = $1.value }
        for value in definition.computed {
            do {
                let result = try value.expression.evaluate(scope)
                computed[value.name] = result
                scope["computed.\(value.name)"] = result
            } catch {
                throw .expressionFailed(node: "computed.\(value.name)", message: error.message)
            }
        }
        var builder = StepBuilder(engine: self, state: InstanceState(id: projectID), now: now, actor: actor)
        builder.emit(.instanceStarted(definitionID: definition.id, version: definition.version, variables: values,
                                      computed: computed))
        let token = builder.state.nextID
        builder.emit(.tokenCreated(token: token, node: definition.start, scope: nil), actor: .system)
        try builder.enterNode(token: token)
        return builder.step
    }

    /// Applies a command to a running project.
    public func handle(_ command: Command, state: InstanceState, at now: Date) throws(EngineError) -> Step {
        guard state.definitionID == definition.id, state.definitionVersion == definition.version else {
            throw .wrongDefinition(expected: "\(definition.id)@\(definition.version)",
                                   found: "\(state.definitionID)@\(state.definitionVersion)")
        }
        guard state.isRunning else { throw .instanceNotRunning(state.status) }
        func step(by actor: Actor, _ body: (inout StepBuilder) throws(EngineError) -> Void) throws(EngineError)
            -> Step
        {
            var builder = StepBuilder(engine: self, state: state, now: now, actor: actor)
            try body(&builder)
            return builder.step
        }
        switch command {
        case .decide(let task, let actor, let outcome, let comment, let data):
            return try step(by: actor) { builder throws(EngineError) in
                try builder.decide(task: task, outcome: outcome, comment: comment, data: data)
            }
        case .transfer(let task, let actor, let assignee, let comment):
            return try step(by: actor) { builder throws(EngineError) in
                try builder.transfer(task: task, to: assignee, comment: comment)
            }
        case .delegate(let task, let actor, let assignee, let comment):
            return try step(by: actor) { builder throws(EngineError) in
                try builder.delegate(task: task, to: assignee, comment: comment)
            }
        case .handBack(let task, let actor, let comment):
            return try step(by: actor) { builder throws(EngineError) in
                try builder.handBack(task: task, comment: comment)
            }
        case .addReviewer(let task, let actor, let reviewer, let blocking, let comment):
            return try step(by: actor) { builder throws(EngineError) in
                try builder.addReviewer(task: task, reviewer: reviewer, blocking: blocking, comment: comment)
            }
        case .returnTo(let task, let actor, let node, let comment):
            return try step(by: actor) { builder throws(EngineError) in
                try builder.returnTo(task: task, node: node, comment: comment)
            }
        case .urge(let task, let actor, let comment):
            return try step(by: actor) { builder throws(EngineError) in try builder.urge(task: task, comment: comment) }
        case .fireTimer(let timer):
            return try step(by: .system) { builder throws(EngineError) in try builder.fire(timer: timer) }
        case .withdraw(let actor, let comment):
            return try step(by: actor) { builder throws(EngineError) in try builder.withdraw(comment: comment) }
        case .recalculateProvisionalTimers:
            return try step(by: .system) { builder throws(EngineError) in builder.recalculateProvisionalTimers() }
        }
    }
}
