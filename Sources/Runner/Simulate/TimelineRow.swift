import FlowCore
import Foundation

/// One history entry as the simulator reports it.
struct TimelineRow: Sendable {
    let sequence: Int
    let at: Date
    let actor: String
    /// The event's case name, e.g. "taskDecided".
    let type: String
    /// The node the event concerns, if any.
    let node: String?
    /// A sentence for people.
    let description: String
    /// Facts for scenario tests, in a fixed order: task, timer, deadline, due, provisional,
    /// outcome, result.
    let details: [JSONMember]
    /// Whether the text table leaves it out: token and scope bookkeeping that other rows already tell.
    let bookkeeping: Bool
}
