import Foundation

/// Something that happened to a project. An instance's state changes only by applying events, so its history of
/// events is both the audit trail and enough to rebuild the state (`InstanceState.replay`).
public enum Event: Hashable, Sendable {
    /// The project started on a definition, with its variables and computed values.
    case instanceStarted(definitionID: String, version: Int, variables: [String: Value], computed: [String: Value])
    /// A token (a thread of execution) appeared at a node, inside a parallel scope or at top level.
    case tokenCreated(token: Int, node: String, scope: Int?)
    /// A token moved to a node; leaving parallel blocks changes its scope.
    case tokenMoved(token: Int, node: String, scope: Int?)
    /// A token was consumed (arrived at a join, or was cancelled).
    case tokenRemoved(token: Int)
    /// A parallel split opened a scope expecting `branches` arrivals at its join.
    case scopeOpened(scope: Int, split: String, join: String, parent: Int?, branches: Int)
    /// A branch arrived at its join.
    case branchArrived(scope: Int, token: Int)
    /// Every branch arrived: the join fires.
    case scopeCompleted(scope: Int)
    /// A branch left the block (e.g. a return to an earlier stage) and the other branches were cancelled.
    case scopeCancelled(scope: Int, byToken: Int)
    /// An exclusive gateway chose a branch (`nil`: the default).
    case gatewayPassed(node: String, branch: Int?, target: String)
    /// A stage was entered; `activation` identifies this entry.
    case stageEntered(activation: Int, token: Int, node: String, kind: String)
    /// A stage saved its state.
    case stageStateSaved(activation: Int, state: JSONValue)
    /// A human task was opened.
    case taskOpened(HumanTask)
    /// A task was decided.
    case taskDecided(task: Int, actor: Actor, outcome: String, comment: String?, data: JSONValue)
    /// A task was transferred to another assignee (转办).
    case taskTransferred(task: Int, from: Assignee, to: Assignee, comment: String?)
    /// A task was delegated (委派): the delegate works on it and hands it back.
    case taskDelegated(task: Int, from: Assignee, to: Assignee, comment: String?)
    /// A delegate handed a task back to whoever delegated it, with an opinion.
    case taskHandedBack(task: Int, to: Assignee, comment: String?)
    /// A reviewer was added to a task (加签): `consultation` is the added reviewer's task.
    case reviewerAdded(task: Int, consultation: Int, blocking: Bool, comment: String?)
    /// A task's assignee returned the project to an earlier node (退回).
    case taskReturned(task: Int, to: String, comment: String?)
    /// Someone urged a task's assignee (催办).
    case taskUrged(task: Int, comment: String?)
    /// A task was closed without a decision.
    case taskClosed(task: Int, reason: String)
    /// A timer was scheduled.
    case timerScheduled(PendingTimer)
    /// A timer's due date changed (new calendar data replaced a provisional date).
    case timerRescheduled(timer: Int, from: DueDate, to: DueDate)
    /// A timer fired, `lateBy` seconds after it was due (0 when on time).
    case timerFired(timer: Int, lateBy: Int)
    /// A timer was cancelled because what it belonged to ended.
    case timerCancelled(timer: Int)
    /// A stage's deadline expired: the overdue record. An interrupting one also leaves the stage.
    case deadlineExpired(activation: Int, deadline: String, due: DueDate, interrupting: Bool)
    /// A reminder (催办) before a deadline was sent.
    case reminderSent(activation: Int, deadline: String, due: DueDate)
    /// A fact was recorded on the project.
    case factRecorded(activation: Int, name: String, value: JSONValue)
    /// A stage recorded a notice (a filing, a notification, a logged problem).
    case noteRecorded(activation: Int, kind: String, message: String, data: JSONValue)
    /// A stage completed with an outcome.
    case stageCompleted(activation: Int, outcome: String)
    /// A stage was left without completing.
    case stageCancelled(activation: Int, reason: CancellationReason)
    /// The project reached an end node.
    case instanceEnded(node: String, result: String)
    /// The project was withdrawn (撤销) or cancelled by an actor.
    case instanceWithdrawn(actor: Actor, comment: String?)
    /// Firing `timer` (or, when `nil`, applying a user's command) failed inside the engine or a plugin: incident
    /// number `incident` is open, and the timer is suspended until the incident is retried or resolved.
    case incidentRaised(incident: Int, timer: Int?, command: String, error: String)
    /// A retry of an open incident (or the user's command again) failed; the incident stays open.
    case incidentRetryFailed(incident: Int, error: String)
    /// An incident was resolved: by a successful retry, by moving the project to `movedTo`, or marked resolved.
    case incidentResolved(incident: Int, resolution: IncidentResolution, movedTo: String?, comment: String?)
}

/// One entry of a project's history: an event, when it happened, and who caused it.
public struct HistoryEntry: Hashable, Sendable {
    /// The entry's position in the history, from 1.
    public let sequence: Int
    /// When it happened.
    public let at: Date
    /// Who caused it (`Actor.system` for timers and automatic steps).
    public let actor: Actor
    public let event: Event

    public init(sequence: Int, at: Date, actor: Actor, event: Event) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.event = event
    }
}
