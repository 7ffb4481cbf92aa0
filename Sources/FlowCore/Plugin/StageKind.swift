/// A kind of stage that definitions can use, such as 预审 (`pre-review`) or 会审 (`joint-department-review`).
///
/// This is the extension point for plugin developers: implement it, register the value in a `StageRegistry`,
/// and administrators can name the kind in a definition's `"stage"` field.
///
/// A kind declares two types. `Parameters` is what `readParameters(_:)` makes of a node's `"parameters"` when the
/// definition loads; the engine keeps that value with the node and hands it to every call already read.
/// `State` is what the stage keeps between calls; the engine decodes the stored JSON into it before each call
/// (`context.state` is `nil` until the stage first saves one) and encodes what the stage saves with `.setState`,
/// keys sorted. A stored state that no longer decodes (a plugin upgrade changed
/// the type) is an `EngineError.stageStateUnreadable`, never an empty state.
///
/// Implementation requirements:
/// - Be pure. A stage never reads the clock, storage or the network: everything it may know arrives in the
///   `StageContext`, and everything it wants done is returned as `StageAction`s, which the engine checks and
///   records as events. Replaying an instance's history therefore never calls a stage again.
/// - Keep what must survive between calls (opinions collected so far, the current step) in `State` with
///   `.setState`, not in properties: one value of the kind serves every project.
/// - Refuse a decision it cannot accept by throwing a `StageRefusal`; the engine then changes nothing.
/// - Complete at most once per activation (`.complete(outcome:)`), with an outcome listed by `outcomes(for:)`.
///   The engine refuses the whole command when an action is invalid (`EngineError.stageMisbehaved`).
public protocol StageKind: Sendable {
    /// What the kind reads from a node's `"parameters"`.
    associatedtype Parameters: Sendable
    /// What the kind keeps between calls (`NoState` for a kind that keeps none).
    associatedtype State: Codable & Sendable = NoState

    /// The stable identifier definitions use, e.g. "pre-review". Lowercase words joined by hyphens.
    var identifier: String { get }

    /// A one-line description for diagrams and documentation.
    var summary: String { get }

    /// Reads a node's parameters once, when the definition loads: report every problem on `reader` (each with a
    /// path relative to `"parameters"`) and return `nil` when there is one. `reader.symbols` holds the names
    /// expressions may use (`project.amount`…), for kinds whose parameters name variables.
    func readParameters(_ reader: inout ParameterReader) -> Parameters?

    /// The outcomes this stage can complete with. The definition must route each one.
    func outcomes(for parameters: Parameters) -> [String]

    /// Called when a token enters the stage.
    func enter(_ context: Context) throws(StageRefusal) -> [Action]

    /// Called when an actor decides one of the stage's open tasks. The engine has already checked that the task
    /// is open and that the actor is its assignee.
    func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action]

    /// Called when one of the stage's timers fires: its own (`.scheduleTimer`) or a deadline or reminder that
    /// the definition puts on the node. The engine has already recorded the firing.
    func timerFired(_ timer: FiredTimer, in context: Context) -> [Action]

    /// Called when the stage is left without completing: an interrupting deadline, a sibling branch leaving
    /// the parallel block, or the project being withdrawn. Only `.setState`, `.recordFact` and `.note` are
    /// allowed here; open tasks and timers are closed by the engine.
    func cancelled(_ context: Context, reason: CancellationReason) -> [Action]
}

extension StageKind {
    /// What every call receives: the typed parameters and state, the project, its tasks and timers, today.
    public typealias Context = StageContext<Parameters, State?>

    /// What a call returns.
    public typealias Action = StageAction<State>

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] { [] }

    public func cancelled(_ context: Context, reason: CancellationReason) -> [Action] { [] }
}

/// The state of a kind that keeps none.
public struct NoState: Codable, Hashable, Sendable {
    public init() {}
}

/// A problem with a stage node's parameters, found by the stage kind.
public struct ParameterProblem: Hashable, Sendable {
    /// Where the problem is, relative to the node's `"parameters"` object (`JSONPath.root` for the object).
    public let path: JSONPath
    /// What is wrong and how to fix it.
    public let message: String

    public init(path: JSONPath, message: String) {
        self.path = path
        self.message = message
    }
}

/// A stage kind's reason for refusing a decision or an entry; the engine leaves the instance unchanged.
public struct StageRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why, in words the actor can act on.
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// Why a stage is left without completing.
public enum CancellationReason: Hashable, Sendable, CustomStringConvertible {
    /// An interrupting deadline of the node expired.
    case deadlineExpired(String)
    /// Another branch left the parallel block this stage ran in (e.g. a return to an earlier stage).
    case branchLeft
    /// The instance ended elsewhere (an end node was reached on another branch).
    case instanceEnded
    /// The applicant withdrew the project, or an administrator cancelled it.
    case withdrawn
    /// A task's assignee returned the project to an earlier node (退回).
    case returned(to: String)
    /// An administrator moved the project to a node to resolve an incident.
    case moved(to: String)

    public var description: String {
        switch self {
        case .deadlineExpired(let id): return "deadline \"\(id)\" expired"
        case .branchLeft: return "another branch left the parallel block"
        case .instanceEnded: return "the project ended on another branch"
        case .withdrawn: return "the project was withdrawn"
        case .returned(let node): return "the project was returned to \"\(node)\""
        case .moved(let node): return "an administrator moved the project to \"\(node)\" to resolve an incident"
        }
    }
}
