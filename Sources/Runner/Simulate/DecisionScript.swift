import FlowCore
import Foundation

/// A decisions script for `govflow simulate`: when to start, the steps to take in order, and what to do after the
/// last one. See docs/simulate.md for the file format.
struct DecisionScript: Sendable {
    /// What the simulator does once the script's steps are done.
    enum Continuation: String, Sendable {
        /// Answer every open task with its first outcome and let timers fire until the project ends (the default).
        case approveAll = "approve-all"
        /// Stop and report the project as it is.
        case stop
    }

    /// The day the project is received (09:00 China time), unless `--start` overrides it.
    var start: CivilDate?
    var steps: [ScriptStep]
    var afterLastStep: Continuation = .approveAll
}

/// One step of a script, with where it was written (for error messages).
struct ScriptStep: Sendable {
    /// The step's position in the script, from 1.
    let number: Int
    /// When to act: the clock is first advanced to this instant, firing every timer due on the way.
    let at: Date?
    let action: ScriptAction
}

/// What a step does.
enum ScriptAction: Sendable {
    /// Decide an open task.
    case decide(TaskSelector, outcome: String, comment: String?, data: JSONValue)
    /// Transfer an open task to another assignee (转办).
    case transfer(TaskSelector, to: Assignee, comment: String?)
    /// Delegate an open task (委派).
    case delegate(TaskSelector, to: Assignee, comment: String?)
    /// Hand a delegated task back.
    case handBack(TaskSelector, comment: String?)
    /// Ask another reviewer's opinion (加签).
    case addReviewer(TaskSelector, reviewer: Assignee, blocking: Bool, comment: String?)
    /// Return the project to an earlier node (退回).
    case returnTo(TaskSelector, node: String, comment: String?)
    /// Urge the assignee (催办).
    case urge(TaskSelector, comment: String?)
    /// Withdraw the project (撤销).
    case withdraw(actor: Actor?, comment: String?)
    /// Advance the clock to an instant, firing every timer due on the way.
    case wait(until: Date)
    /// Let timers fire in order until the project ends (`nil`) or has an open task or a token at a node.
    case waitFor(node: String?)
    /// Run the default policy (answer every open task with its first outcome, let timers fire) until the project has
    /// an open task or a token at a node.
    case approveUntil(node: String)

    /// The step's operation as the script names it.
    var name: String {
        switch self {
        case .decide: return "decide"
        case .transfer: return "transfer"
        case .delegate: return "delegate"
        case .handBack: return "handBack"
        case .addReviewer: return "addReviewer"
        case .returnTo: return "returnTo"
        case .urge: return "urge"
        case .withdraw: return "withdraw"
        case .wait: return "wait"
        case .waitFor: return "waitFor"
        case .approveUntil: return "approveUntil"
        }
    }
}

/// Which open task a step acts on, and who acts.
struct TaskSelector: Sendable {
    /// The stage node the task belongs to.
    let node: String
    /// The stage's key for the task, when the node has several open tasks.
    let key: String?
    /// Who acts; `nil` means an actor matching the task's assignee.
    let actor: Actor?
}
