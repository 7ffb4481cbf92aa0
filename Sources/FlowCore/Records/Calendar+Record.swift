/// The due date record `{"date": "2024-10-10", "provisional": false}`.
extension DueDate {
    /// Writes the due date record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            writer.key("date")
            writer.date(date)
            writer.field("provisional", provisional)
        }
    }

    /// Reads a due date record.
    public init(record: RecordReader) throws(RecordError) {
        self.init(date: try record.date("date"), provisional: try record.bool("provisional"))
    }
}

extension RecordReader {
    /// A period written in its canonical form ("5 workdays").
    public func period(_ key: String) throws(RecordError) -> Period {
        let text = try string(key)
        do {
            return try Period.parse(text)
        } catch {
            throw .malformed(path: path(key), problem: "must be a period: \(error)")
        }
    }

    /// A recurring due day in definition notation ("monthly 20").
    public func recurringDay(_ key: String) throws(RecordError) -> RecurringDueDay {
        let text = try string(key)
        guard let day = RecurringDueDay.parse(text) else {
            throw .malformed(path: path(key), problem: "must be a recurring due day "
                + "(\(RecurringDueDay.acceptedForms)), "
                + "found \(JSONText.quoted(text))")
        }
        return day
    }

    /// A due date record.
    public func due(_ key: String) throws(RecordError) -> DueDate {
        try DueDate(record: object(key))
    }

    /// An assignee record.
    public func assignee(_ key: String) throws(RecordError) -> Assignee {
        try Assignee(record: object(key))
    }
}
