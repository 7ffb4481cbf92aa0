/// The three kinds of time constraint the regulations put on a step.
public enum ConstraintKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// "在N日内" / "N个工作日内作出决定": the step must happen by the last day of the period (a latest date).
    case deadline
    /// "公示期不少于N个工作日": the step must last at least the period (an earliest date it may end).
    case minimumDuration = "minimum-duration"
    /// "应当于举行听证的七日前通知": the earlier step must precede the later one by at least the period.
    case leadTime = "lead-time"
}

/// A time constraint as a regulation states it: a kind and a period, e.g. a minimum duration of 5 workdays.
///
/// `PeriodCalculator` turns a constraint into dates: `due(_:after:)` for a deadline,
/// `earliestEnd(ofAtLeast:startingAfter:)` for a minimum duration, `latestEarlierStep(leadTime:before:)` and
/// `earliestLaterStep(leadTime:after:)` for a lead time, and `isSatisfied(_:from:to:)` checks any of them.
public struct TimeConstraint: Hashable, Sendable, CustomStringConvertible {
    /// What the period limits.
    public let kind: ConstraintKind
    /// The length of the period.
    public let period: Period

    /// Creates a constraint of `kind` over `period`.
    public init(_ kind: ConstraintKind, _ period: Period) {
        self.kind = kind
        self.period = period
    }

    /// "within `period`": a latest date.
    public static func deadline(_ period: Period) -> TimeConstraint { TimeConstraint(.deadline, period) }

    /// "not less than `period`" (不少于): an earliest end.
    public static func minimumDuration(_ period: Period) -> TimeConstraint {
        TimeConstraint(.minimumDuration, period)
    }

    /// "at least `period` before the next step" (不得晚于…前): a gap between two steps.
    public static func leadTime(_ period: Period) -> TimeConstraint { TimeConstraint(.leadTime, period) }

    /// E.g. "deadline of 20 workdays".
    public var description: String {
        switch kind {
        case .deadline: return "deadline of \(period)"
        case .minimumDuration: return "minimum duration of \(period)"
        case .leadTime: return "lead time of \(period)"
        }
    }
}
