/// The timer record, its purpose and its due rule.
///
/// Timer: `{"timer": 4, "purpose": …, "activation": 2, "token": 1, "node": "review", "rule": …, "due": …}`
/// (`activation` is `null` for a wait node's timer). Purpose: `{"kind": "deadline", "deadline": "opinion"}`,
/// `{"kind": "reminder", "deadline": "opinion"}`, `{"kind": "stage", "key": "revision-window"}`, `{"kind": "wait"}`.
/// Rule: `{"kind": "period", "period": "5 workdays", "from": "2024-09-27"}`, `{"kind": "date", "date": …}`,
/// `{"kind": "recurring", "day": "monthly 20", "onOrAfter": …}`, `{"kind": "before", "period": "1 workday",
/// "deadline": <rule>}`.
extension PendingTimer {
    /// Writes the timer record's members into the object being written (the `timerScheduled` event adds its type).
    public func writeMembers(to writer: inout RecordWriter) {
        writer.field("timer", id)
        writer.key("purpose")
        purpose.write(to: &writer)
        writer.field("activation", activationID)
        writer.field("token", tokenID)
        writer.field("node", nodeID)
        writer.key("rule")
        rule.write(to: &writer)
        writer.key("due")
        due.write(to: &writer)
    }

    /// Reads a timer record's members.
    public init(record: RecordReader) throws(RecordError) {
        self.init(id: try record.int("timer"), purpose: try Purpose(record: record.object("purpose")),
                  activationID: try record.optionalInt("activation"), tokenID: try record.int("token"),
                  nodeID: try record.string("node"), rule: try DueRule(record: record.object("rule")),
                  due: try record.due("due"))
    }
}

extension PendingTimer.Purpose {
    /// The `kind`s of a purpose record.
    public static let recordKinds = ["deadline", "reminder", "stage", "wait"]

    /// Writes the purpose record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            switch self {
            case .deadline(let id):
                writer.field("kind", "deadline")
                writer.field("deadline", id)
            case .reminder(let id):
                writer.field("kind", "reminder")
                writer.field("deadline", id)
            case .stage(let key):
                writer.field("kind", "stage")
                writer.field("key", key)
            case .wait:
                writer.field("kind", "wait")
            }
        }
    }

    /// Reads a purpose record.
    public init(record: RecordReader) throws(RecordError) {
        let kind = try record.string("kind")
        switch kind {
        case "deadline": self = .deadline(try record.string("deadline"))
        case "reminder": self = .reminder(try record.string("deadline"))
        case "stage": self = .stage(try record.string("key"))
        case "wait": self = .wait
        default: throw record.unknown("kind", kind, known: Self.recordKinds)
        }
    }
}

extension DueRule {
    /// The `kind`s of a due rule record.
    public static let recordKinds = ["period", "date", "recurring", "before"]

    /// Writes the due rule record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            switch self {
            case .period(let period, let from):
                writer.field("kind", "period")
                writer.field("period", period.description)
                writer.key("from")
                writer.date(from)
            case .date(let date):
                writer.field("kind", "date")
                writer.key("date")
                writer.date(date)
            case .recurring(let day, let onOrAfter):
                writer.field("kind", "recurring")
                writer.field("day", day.notation)
                writer.key("onOrAfter")
                writer.date(onOrAfter)
            case .before(let offset, let deadline):
                writer.field("kind", "before")
                writer.field("period", offset.description)
                writer.key("deadline")
                deadline.write(to: &writer)
            }
        }
    }

    /// Reads a due rule record.
    public init(record: RecordReader) throws(RecordError) {
        let kind = try record.string("kind")
        switch kind {
        case "period": self = .period(try record.period("period"), from: try record.date("from"))
        case "date": self = .date(try record.date("date"))
        case "recurring": self = .recurring(try record.recurringDay("day"), onOrAfter: try record.date("onOrAfter"))
        case "before":
            self = .before(try record.period("period"), deadline: try DueRule(record: record.object("deadline")))
        default: throw record.unknown("kind", kind, known: Self.recordKinds)
        }
    }
}
