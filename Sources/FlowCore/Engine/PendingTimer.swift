import Foundation

/// A timer waiting to fire: a deadline, a reminder, a stage's own timer or a wait node.
public struct PendingTimer: Hashable, Sendable {
    /// What the timer is for.
    public enum Purpose: Hashable, Sendable {
        /// A deadline the definition puts on a stage node, by its id.
        case deadline(String)
        /// A reminder (催办) before a deadline, by the deadline's id.
        case reminder(String)
        /// A timer a stage scheduled for itself, by its key.
        case stage(String)
        /// A wait node's period or date.
        case wait
    }

    /// The timer's id, unique within its instance.
    public let id: Int
    public let purpose: Purpose
    /// The stage activation it belongs to (`nil` for a wait node's timer).
    public let activationID: Int?
    /// The token it belongs to (the token waiting in the stage or wait node).
    public let tokenID: Int
    /// The node it belongs to.
    public let nodeID: String
    /// How the due date is computed, so that it can be recomputed when new calendar data arrives.
    public let rule: DueRule
    /// The last day of the period; the timer fires at its end (24:00 China Standard Time).
    public var due: DueDate
    /// The instant it fires.
    public var fireAt: Date { due.date.endInChina }

    public init(
        id: Int, purpose: Purpose, activationID: Int?, tokenID: Int, nodeID: String, rule: DueRule, due: DueDate
    ) {
        self.rule = rule
        self.id = id
        self.purpose = purpose
        self.activationID = activationID
        self.tokenID = tokenID
        self.nodeID = nodeID
        self.due = due
    }
}

/// How a timer's due date follows from dates and periods.
public indirect enum DueRule: Hashable, Sendable {
    /// A period counted from an event's date.
    case period(Period, from: CivilDate)
    /// A fixed date.
    case date(CivilDate)
    /// The first occurrence of a recurring due day on or after a date.
    case recurring(RecurringDueDay, onOrAfter: CivilDate)
    /// A period before the due date of another rule (a reminder).
    case before(Period, deadline: DueRule)

    /// The due date under `periods`.
    public func dueDate(using periods: PeriodCalculator) -> DueDate {
        switch self {
        case .period(let period, let from):
            return periods.due(period, after: from)
        case .date(let date):
            return DueDate(date: date, provisional: periods.calendar.isProvisional(date))
        case .recurring(let day, let date):
            return periods.nextDue(day, onOrAfter: date)
        case .before(let offset, let deadline):
            let due = deadline.dueDate(using: periods)
            let date = periods.date(offset, before: due.date)
            return DueDate(date: date.date, provisional: date.provisional || due.provisional)
        }
    }
}
