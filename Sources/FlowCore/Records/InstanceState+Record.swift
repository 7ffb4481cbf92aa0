/// The state snapshot record stored in `projects.state`:
/// `{"v": 1, "id", "definition", "definitionVersion", "status", "result", "variables", "computed", "facts", "tokens",
/// "scopes", "activations", "tasks", "openTaskIDs", "finishedTasks", "timers", "lastRecurringDue", "overdue",
/// "incidents", "nextID", "lastSequence", "startedAt", "updatedAt"}`. Maps keyed by id are arrays sorted by id; maps keyed by
/// name are objects with sorted names. docs/formats.md describes each member.
extension InstanceState {
    /// The snapshot's text.
    public var recordText: String {
        var writer = RecordWriter(capacity: 2048)
        write(to: &writer)
        return writer.text
    }

    /// Reads a snapshot's text; a newer `"v"` than `RecordFormat.stateVersion` is `RecordError.newerVersion`.
    public init(recordText: String, path: String = "state") throws(RecordError) {
        try self.init(record: RecordReader(text: recordText, path: path))
    }

    /// Writes the snapshot record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            writer.field("v", RecordFormat.stateVersion)
            writer.field("id", id)
            writer.field("definition", definitionID)
            writer.field("definitionVersion", definitionVersion)
            switch status {
            case .running:
                writer.field("status", "running")
                writer.field("result", nil as String?)
            case .ended(let result):
                writer.field("status", "ended")
                writer.field("result", result)
            case .withdrawn:
                writer.field("status", "withdrawn")
                writer.field("result", nil as String?)
            }
            writer.key("variables")
            writer.values(variables)
            writer.key("computed")
            writer.values(computed)
            writer.key("facts")
            writer.object { writer in
                for name in facts.keys.sorted() {
                    writer.key(data: name)
                    writer.json(facts[name]!)
                }
            }
            writeCollections(to: &writer)
            writer.field("nextID", nextID)
            writer.field("lastSequence", lastSequence)
            writer.key("startedAt")
            writer.instant(startedAt)
            writer.key("updatedAt")
            writer.instant(updatedAt)
        }
    }

    private func writeCollections(to writer: inout RecordWriter) {
        writer.key("tokens")
        writer.array(tokens.keys.sorted()) { writer, id in
            let token = tokens[id]!
            writer.object { writer in
                writer.field("token", token.id)
                writer.field("node", token.node)
                writer.field("scope", token.scope)
            }
        }
        writer.key("scopes")
        writer.array(scopes.keys.sorted()) { writer, id in
            let scope = scopes[id]!
            writer.object { writer in
                writer.field("scope", scope.id)
                writer.field("split", scope.split)
                writer.field("join", scope.join)
                writer.field("parent", scope.parent)
                writer.field("branches", scope.branches)
                writer.key("arrived")
                writer.array(scope.arrived) { $0.int($1) }
            }
        }
        writer.key("activations")
        writer.array(activations.keys.sorted()) { writer, id in
            let activation = activations[id]!
            writer.object { writer in
                writer.field("activation", activation.id)
                writer.field("token", activation.token)
                writer.field("node", activation.node)
                writer.field("kind", activation.kind)
                writer.key("enteredAt")
                writer.instant(activation.enteredAt)
                writer.field("state", json: activation.state)
            }
        }
        writer.key("tasks")
        writer.array(tasks.keys.sorted()) { writer, id in
            let task = tasks[id]!
            writer.object { task.writeMembers(to: &$0) }
        }
        writer.key("openTaskIDs")
        writer.array(openTaskIDs) { $0.int($1) }
        writer.key("finishedTasks")
        writer.array(finishedTasks.keys.sorted()) { writer, id in
            let task = finishedTasks[id]!
            writer.object { writer in
                writer.field("task", task.id)
                writer.field("node", task.nodeID)
                writer.field("key", task.key)
                writer.field("status", task.status.rawValue)
            }
        }
        writer.key("timers")
        writer.array(timers.keys.sorted()) { writer, id in
            let timer = timers[id]!
            writer.object { timer.writeMembers(to: &$0) }
        }
        writer.key("lastRecurringDue")
        writer.object { writer in
            for key in lastRecurringDue.keys.sorted() {
                writer.key(data: key)
                writer.date(lastRecurringDue[key]!)
            }
        }
        writer.key("overdue")
        writer.array(overdue) { writer, record in
            writer.object { writer in
                writer.field("activation", record.activation)
                writer.field("node", record.node)
                writer.field("deadline", record.deadline)
                writer.key("due")
                record.due.write(to: &writer)
                writer.field("interrupting", record.interrupting)
                writer.key("recordedAt")
                writer.instant(record.recordedAt)
            }
        }
        writer.key("incidents")
        writer.array(incidents.values.sorted { $0.id < $1.id }) { writer, incident in incident.write(to: &writer) }
    }

    /// Reads the snapshot record.
    public init(record r: RecordReader) throws(RecordError) {
        let version = try r.int("v")
        guard version <= RecordFormat.stateVersion else {
            throw .newerVersion(found: version, supported: RecordFormat.stateVersion)
        }
        self.init(id: try r.string("id"))
        definitionID = try r.string("definition")
        definitionVersion = try r.int("definitionVersion")
        let statusName = try r.string("status")
        switch statusName {
        case "running": status = .running
        case "ended": status = .ended(result: try r.string("result"))
        case "withdrawn": status = .withdrawn
        default: throw r.unknown("status", statusName, known: ["running", "ended", "withdrawn"])
        }
        variables = try r.values("variables")
        computed = try r.values("computed")
        for member in try r.object("facts").members { facts[member.key] = member.value }
        for token in try r.objects("tokens", { (t) throws(RecordError) in
            Token(id: try t.int("token"), node: try t.string("node"), scope: try t.optionalInt("scope"))
        }) { tokens[token.id] = token }
        for scope in try r.objects("scopes", { (s) throws(RecordError) in
            Scope(id: try s.int("scope"), split: try s.string("split"), join: try s.string("join"),
                  parent: try s.optionalInt("parent"), branches: try s.int("branches"),
                  arrived: try s.array("arrived", Self.integer))
        }) { scopes[scope.id] = scope }
        for activation in try r.objects("activations", { (a) throws(RecordError) in
            Activation(id: try a.int("activation"), token: try a.int("token"), node: try a.string("node"),
                       kind: try a.string("kind"), enteredAt: try a.instant("enteredAt"), state: try a.value("state"))
        }) { activations[activation.id] = activation }
        for task in try r.objects("tasks", { (t) throws(RecordError) in try HumanTask(record: t) }) {
            tasks[task.id] = task
        }
        openTaskIDs = try r.array("openTaskIDs", Self.integer)
        for task in try r.objects("finishedTasks", Self.finishedTask) { finishedTasks[task.id] = task }
        for timer in try r.objects("timers", { (t) throws(RecordError) in try PendingTimer(record: t) }) {
            timers[timer.id] = timer
        }
        let recurring = try r.object("lastRecurringDue")
        for member in recurring.members { lastRecurringDue[member.key] = try recurring.date(member.key) }
        overdue = try r.objects("overdue") { (o) throws(RecordError) in
            OverdueRecord(activation: try o.int("activation"), node: try o.string("node"),
                          deadline: try o.string("deadline"), due: try o.due("due"),
                          interrupting: try o.bool("interrupting"), recordedAt: try o.instant("recordedAt"))
        }
        let incidents = try r.objects("incidents") { (i) throws(RecordError) in try Incident(record: i) }
        for incident in incidents {
            guard incidentsByNumber?[incident.id] == nil else {
                throw .malformed(path: r.path("incidents"), problem: "incident \(incident.id) appears twice")
            }
            incidentsByNumber = (incidentsByNumber ?? [:]).merging([incident.id: incident]) { $1 }
        }
        nextID = try r.int("nextID")
        lastSequence = try r.int("lastSequence")
        startedAt = try r.instant("startedAt")
        updatedAt = try r.instant("updatedAt")
    }

    private static func integer(_ value: JSONValue, _ path: String) throws(RecordError) -> Int {
        guard let number = value.intValue else {
            throw .malformed(path: path, problem: "must be an integer, found \(value.kindDescription)")
        }
        return number
    }

    private static func finishedTask(_ record: RecordReader) throws(RecordError) -> FinishedTask {
        let statusName = try record.string("status")
        guard let status = HumanTask.Status(rawValue: statusName) else {
            throw record.unknown("status", statusName, known: ["open", "decided", "closed"])
        }
        return FinishedTask(id: try record.int("task"), nodeID: try record.string("node"),
                            key: try record.string("key"), status: status)
    }
}
