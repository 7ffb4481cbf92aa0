import FlowCore
import Foundation

/// Drives one stage kind through the real engine, for plugin developers' tests.
///
/// The harness writes a one-stage definition (the stage node with your parameters and deadlines, each outcome
/// routed to an end node whose result is the outcome's name), loads it with `DefinitionLoader` (so bad parameters
/// fail exactly as `govflow validate` reports them), and starts a project on a `ManualClock`. Then you decide
/// tasks and move the clock; every due timer fires in order as the clock passes it.
///
/// ```swift
/// var run = try StageHarness(kind: MyStage(), parameters: #"{"reviewer": {"role": "reviewer"}}"#,
///                            start: CivilDate(iso: "2024-09-02")!)
/// try run.decide("review", as: reviewer, outcome: "pass")
/// #expect(run.result == "pass")
/// ```
public struct StageHarness {
    /// The node id the stage under test has in the generated definition.
    public static let stageNodeID = "stage"

    /// The generated definition.
    public let definition: WorkflowDefinition
    /// The engine running it.
    public let engine: WorkflowEngine
    /// The clock; `advance` moves it. Commands are issued at its current time.
    public let clock: ManualClock
    /// The project's current state.
    public private(set) var state: InstanceState
    /// Every history entry so far, in order.
    public private(set) var history: [HistoryEntry]

    /// Loads a one-stage definition and starts a project on it.
    ///
    /// - Parameters:
    ///   - kind: the stage kind under test.
    ///   - parameters: the node's `"parameters"` as JSON text.
    ///   - deadlines: the node's `"deadlines"` as JSON text (an array); an interrupting deadline's `"goto"` may
    ///     name `"timeout"`, an end node with result "timeout" that the harness always adds.
    ///   - variables: the project's variables; each is declared by its JSON type (number → decimal, string,
    ///     boolean), unless `declarations` (the `"variables"` object as JSON text) says otherwise.
    ///   - facts: facts recorded before the stage is entered (by a seeding stage the harness adds in front).
    ///   - registry: extra kinds the stage needs; the kind under test is added to it.
    ///   - start: the day the project starts, at 09:00 China Standard Time.
    ///   - calendar: the working calendar periods are counted in.
    /// - Throws: `DefinitionError` with the loader's diagnostics when the parameters are invalid, or `EngineError`
    ///   when the engine refuses to start (e.g. the stage refused its entry).
    public init(
        kind: any StageKind, parameters: String, deadlines: String = "[]", variables: [String: JSONValue] = [:],
        declarations: String? = nil, facts: [String: JSONValue] = [:], registry: StageRegistry = StageRegistry(),
        start: CivilDate, calendar: any WorkingCalendar = WeekendOnlyCalendar(),
        starter: Actor = Actor(id: "applicant", roles: ["project-unit"])
    ) throws {
        var kinds = registry
        kinds.register(kind)
        if !facts.isEmpty { kinds.register(SeedFactsStage()) }
        let text = StageHarness.document(kind: kind, parameters: parameters, deadlines: deadlines,
                                         variables: variables, declarations: declarations, facts: facts)
        definition = try DefinitionLoader(registry: kinds).load(text, file: "\(kind.identifier)-harness.json")
        engine = WorkflowEngine(definition: definition, registry: kinds, calendar: calendar)
        clock = ManualClock(at: start)
        let step = try engine.start(projectID: "harness", variables: variables, actor: starter, at: clock.now())
        state = step.state
        history = step.entries
    }

    /// The loader's diagnostics for these parameters, or `[]` when they are valid: for tests of validation.
    public static func diagnostics(kind: any StageKind, parameters: String, deadlines: String = "[]",
                                   declarations: String? = nil) -> [Diagnostic] {
        let text = document(kind: kind, parameters: parameters, deadlines: deadlines, variables: [:],
                            declarations: declarations, facts: [:])
        do {
            _ = try DefinitionLoader(registry: StageRegistry([kind])).load(text, file: "harness.json")
            return []
        } catch {
            return error.diagnostics
        }
    }

    // MARK: Reading

    /// Today, on the harness's clock (China Standard Time).
    public var today: CivilDate { CivilDate(chinaDateOf: clock.now()) }

    /// The open tasks, by id.
    public var openTasks: [HumanTask] { state.openTasks }

    /// The open task with this key, if any.
    public func task(_ key: String) -> HumanTask? { state.openTasks.first { $0.key == key } }

    /// The pending timers in firing order.
    public var pendingTimers: [PendingTimer] { state.pendingTimers }

    /// The facts recorded so far, by name.
    public var facts: [String: JSONValue] { state.facts }

    /// The end result (the outcome the stage completed with, or "timeout"), once the project has ended.
    public var result: String? {
        if case .ended(let result) = state.status { return result }
        return nil
    }

    /// The notes stages recorded, in order.
    public var notes: [Note] {
        history.compactMap { entry in
            guard case .noteRecorded(_, let kind, let message, let data) = entry.event else { return nil }
            return Note(kind: kind, message: message, data: data)
        }
    }

    /// A note a stage recorded.
    public struct Note: Hashable, Sendable {
        public let kind: String
        public let message: String
        public let data: JSONValue

        public init(kind: String, message: String, data: JSONValue) {
            self.kind = kind
            self.message = message
            self.data = data
        }
    }

    // MARK: Acting

    /// Decides the open task with key `key` (the stage's own name for it); throws `EngineError` when the engine
    /// refuses (not the assignee, an outcome not offered, a `StageRefusal`), and the state is then unchanged.
    public mutating func decide(_ key: String, as actor: Actor, outcome: String, comment: String? = nil,
                                data: JSONValue = .null) throws {
        guard let task = task(key) else {
            throw StageHarnessError.noOpenTask(key: key, open: state.openTasks.map(\.key))
        }
        try decide(task: task.id, as: actor, outcome: outcome, comment: comment, data: data)
    }

    /// Decides the task with this id; throws the engine's error when it refuses.
    public mutating func decide(task id: Int, as actor: Actor, outcome: String, comment: String? = nil,
                                data: JSONValue = .null) throws(EngineError) {
        let command = Command.decide(task: id, actor: actor, outcome: outcome, comment: comment, data: data)
        apply(try engine.handle(command, state: state, at: clock.now()))
    }

    /// Withdraws the project (撤销): the stage is cancelled.
    public mutating func withdraw(as actor: Actor, comment: String? = nil) throws(EngineError) {
        apply(try engine.handle(.withdraw(actor: actor, comment: comment), state: state, at: clock.now()))
    }

    /// Moves the clock to 09:00 on `date`, firing every timer that falls due on the way, in order (fire time,
    /// then id), each at the instant it is due. Moving to a day already passed does nothing.
    public mutating func advance(to date: CivilDate) throws(EngineError) {
        let target = date.startInChina.addingTimeInterval(9 * 3600)
        while state.isRunning, let timer = state.pendingTimers.first, timer.fireAt <= target {
            if timer.fireAt > clock.now() { clock.set(timer.fireAt) }
            apply(try engine.handle(.fireTimer(timer.id), state: state, at: clock.now()))
        }
        if target > clock.now() { clock.set(target) }
    }

    /// Moves the clock forward by `days` calendar days (to 09:00), firing due timers on the way.
    public mutating func advance(days: Int) throws(EngineError) {
        try advance(to: today.adding(days: days))
    }

    private mutating func apply(_ step: Step) {
        state = step.state
        history += step.entries
    }
}

/// A harness call that names something the project does not have.
public enum StageHarnessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No open task has the key.
    case noOpenTask(key: String, open: [String])

    public var description: String {
        switch self {
        case .noOpenTask(let key, let open):
            return "no open task has key \"\(key)\"; open tasks: "
                + (open.isEmpty ? "none" : open.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }
}
