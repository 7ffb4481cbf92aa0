/// The task record: `{"task": 3, "activation": 2, "node": "review", "key": "decision", "title": "初审",
/// "assignee": {"role": "reviewer"}, "outcomes": ["pass"], "openedAt": "2024-09-27T09:00:00+08:00",
/// "due": <due date> | null, "status": "open", "delegatedBy": <assignee> | null, "consultationOf": 2 | null,
/// "blocking": false, "exampleData": <JSON>}`.
extension HumanTask {
    /// Writes the task record's members into the object being written (the `taskOpened` event adds its type).
    public func writeMembers(to writer: inout RecordWriter) {
        writer.field("task", id)
        writer.field("activation", activationID)
        writer.field("node", nodeID)
        writer.field("key", key)
        writer.field("title", title)
        writer.key("assignee")
        assignee.write(to: &writer)
        writer.key("outcomes")
        writer.array(outcomes) { $0.string($1) }
        writer.key("openedAt")
        writer.instant(openedAt)
        writer.key("due")
        if let due { due.write(to: &writer) } else { writer.null() }
        writer.field("status", status.rawValue)
        writer.key("delegatedBy")
        if let delegatedBy { delegatedBy.write(to: &writer) } else { writer.null() }
        writer.field("consultationOf", consultationOf)
        writer.field("blocking", blocking)
        writer.field("exampleData", json: exampleData)
    }

    /// Reads a task record's members.
    public init(record: RecordReader) throws(RecordError) {
        let statusName = try record.string("status")
        guard let status = Status(rawValue: statusName) else {
            throw record.unknown("status", statusName, known: ["open", "decided", "closed"])
        }
        self.init(id: try record.int("task"), activationID: try record.int("activation"),
                  nodeID: try record.string("node"), key: try record.string("key"), title: try record.string("title"),
                  assignee: try record.assignee("assignee"), outcomes: try record.strings("outcomes"),
                  openedAt: try record.instant("openedAt"),
                  due: try record.optionalObject("due").map { (due) throws(RecordError) in try DueDate(record: due) },
                  status: status,
                  delegatedBy: try record.optionalObject("delegatedBy").map { (assignee) throws(RecordError) in
                      try Assignee(record: assignee)
                  },
                  consultationOf: try record.optionalInt("consultationOf"), blocking: try record.bool("blocking"),
                  exampleData: try record.value("exampleData"))
    }
}
