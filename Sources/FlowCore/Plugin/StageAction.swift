/// What a stage asks the engine to do. The engine validates each action, turns it into events and applies them
/// in order; a stage never changes state itself. `State` is the kind's state type (`StageKind.Action` names it).
public enum StageAction<State> {
    /// Opens a human task in this activation.
    case openTask(TaskRequest)
    /// Closes an open task of this activation without a decision (e.g. the rule is met, other votes are moot).
    case closeTask(key: String, reason: String)
    /// Replaces the activation's saved state (the engine encodes it with sorted keys).
    case setState(State)
    /// Records a fact on the project (an approval number, a procurement method, a score).
    case recordFact(name: String, value: JSONValue)
    /// Schedules one of the stage's own timers: it fires at the end of the day the period falls due, counted
    /// from today in the definition's calendar. A key that is already pending is rescheduled.
    case scheduleTimer(key: String, after: Period)
    /// Schedules one of the stage's own timers at the end of a given date.
    case scheduleTimerOn(key: String, date: CivilDate)
    /// Cancels one of the stage's own pending timers.
    case cancelTimer(key: String)
    /// Records a notice in the history: a filing sent, a notification, a problem logged.
    case note(kind: String, message: String, data: JSONValue)
    /// Completes the stage with one of its outcomes; the token follows that outcome's route.
    case complete(outcome: String)
}

extension StageAction: Sendable where State: Sendable {}
extension StageAction: Equatable where State: Equatable {}
extension StageAction: Hashable where State: Hashable {}

extension StageAction {
    /// The same action with its state transformed (the others carry no state).
    public func mapState<Other, Failure: Error>(_ transform: (State) throws(Failure) -> Other)
        throws(Failure) -> StageAction<Other>
    {
        switch self {
        case .openTask(let request): return .openTask(request)
        case .closeTask(let key, let reason): return .closeTask(key: key, reason: reason)
        case .setState(let state): return .setState(try transform(state))
        case .recordFact(let name, let value): return .recordFact(name: name, value: value)
        case .scheduleTimer(let key, let period): return .scheduleTimer(key: key, after: period)
        case .scheduleTimerOn(let key, let date): return .scheduleTimerOn(key: key, date: date)
        case .cancelTimer(let key): return .cancelTimer(key: key)
        case .note(let kind, let message, let data): return .note(kind: kind, message: message, data: data)
        case .complete(let outcome): return .complete(outcome: outcome)
        }
    }
}

/// A human task a stage opens.
public struct TaskRequest: Hashable, Sendable {
    /// The stage's own name for the task, unique among its open tasks (e.g. "opinion:区财政局").
    public let key: String
    /// What the assignee is asked to do, shown in inboxes.
    public let title: String
    /// Who may decide it.
    public let assignee: Assignee
    /// The outcomes the assignee may choose.
    public let outcomes: [String]
    /// A due period counted from the day the task opens, shown with the task (the stage enforces it, if at all,
    /// with its own timer).
    public let due: Period?
    /// An example of the decision data the task needs (e.g. `{"documentNumber": "亭数审〔2024〕12号"}`), shown by
    /// forms and used by the simulator's "approve everything" policy; `.null` when the task needs none.
    public let exampleData: JSONValue

    public init(key: String, title: String, assignee: Assignee, outcomes: [String], due: Period? = nil,
                exampleData: JSONValue = .null) {
        self.key = key
        self.title = title
        self.assignee = assignee
        self.outcomes = outcomes
        self.due = due
        self.exampleData = exampleData
    }
}

extension StageAction: CustomStringConvertible {
    /// The action as the engine's messages name it, e.g. `scheduleTimer(key: "reminder", after: 5 workdays)`.
    public var description: String {
        switch self {
        case .openTask(let request):
            return "openTask(key: \(JSONText.quoted(request.key)), outcomes: "
                + request.outcomes.map(JSONText.quoted).joined(separator: ", ")
                + (request.due.map { ", due: \($0)" } ?? "") + ")"
        case .closeTask(let key, let reason):
            return "closeTask(key: \(JSONText.quoted(key)), reason: \(JSONText.quoted(reason)))"
        case .setState: return "setState"
        case .recordFact(let name, _): return "recordFact(name: \(JSONText.quoted(name)))"
        case .scheduleTimer(let key, let period): return "scheduleTimer(key: \(JSONText.quoted(key)), after: \(period))"
        case .scheduleTimerOn(let key, let date):
            return "scheduleTimerOn(key: \(JSONText.quoted(key)), date: \(date.iso))"
        case .cancelTimer(let key): return "cancelTimer(key: \(JSONText.quoted(key)))"
        case .note(let kind, _, _): return "note(kind: \(JSONText.quoted(kind)))"
        case .complete(let outcome): return "complete(outcome: \(JSONText.quoted(outcome)))"
        }
    }
}
