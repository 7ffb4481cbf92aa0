import FlowCore
import Foundation

/// One seat on an expert panel (评审专家组, 验收专家组): a task key, who may take it, and the expert's field.
struct PanelSeat: Codable, Hashable, Sendable {
    let key: String
    let assignee: Assignee
    /// "technical", "finance", … when the definition says.
    let field: String?

    /// `count` seats for anyone matching `assignee`, keyed `<prefix>:1`, `<prefix>:2`, ….
    static func seats(prefix: String, assignee: Assignee, field: String?, count: Int, from first: Int = 1)
        -> [PanelSeat] {
        (0..<count).map { PanelSeat(key: "\(prefix):\(first + $0)", assignee: assignee, field: field) }
    }

    /// Refuses a second opinion from one person: a role or department seat can be taken by anyone who holds it,
    /// but a panel of n experts needs n people.
    static func refuseSecondOpinion(by actor: Actor, seat: String, earlier: [(seat: String, actor: String?)])
        throws(StageRefusal) {
        if let previous = earlier.first(where: { $0.actor == actor.id && $0.seat != seat }) {
            throw StageRefusal("\(actor.id) has already given an opinion on this panel (seat \"\(previous.seat)\"); "
                                   + "each seat needs a different expert")
        }
    }
}

extension Decimal {
    /// The value rounded half up to `scale` decimal places.
    func rounded(_ scale: Int) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, .plain)
        return output
    }
}
