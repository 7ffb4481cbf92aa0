import FlowCore
import Foundation

/// The records of schema versions 1 to 3, as Swift's synthesized `Codable` wrote them (`{"taskOpened": {"_0":
/// {…}}}`), kept only so that the migration to version 4 can read them once and rewrite them as records.
///
/// Each type mirrors, case for case and property for property, the type of commit b51e815 whose synthesized
/// decoding it reproduces. Nothing else may use them: stored data is read through FlowCore's `Records`.
enum LegacyRecords {
    /// Rewrites every history row's actor and event as records of the current format, then every project's state as
    /// the replay of its rewritten history. Runs inside the migration's transaction; any unreadable row fails it.
    static func upgrade(_ connection: SQLiteConnection) throws(StoreError) {
        let projects = try connection.query("SELECT id FROM projects ORDER BY id") { $0.text(0) }
        for project in projects {
            let rows = try connection.query(
                "SELECT sequence, at, actor, event FROM history WHERE project_id = ? ORDER BY sequence",
                [.text(project)]) { (row) throws(StoreError) -> HistoryEntry in
                    let sequence = row.int(0)
                    let what = "history entry \(sequence) of project \"\(project)\""
                    let actor = try decode(LegacyActor.self, row.text(2), what: what)
                    let event = try decode(LegacyEvent.self, row.text(3), what: what)
                    return HistoryEntry(sequence: sequence, at: StoreCodec.date(row.double(1)), actor: actor.actor,
                                        event: event.event)
                }
            for entry in rows {
                try connection.run("""
                    UPDATE history SET actor = ?, event = ?, format = ? WHERE project_id = ? AND sequence = ?
                    """, [.text(entry.actor.recordText), .text(entry.event.recordText),
                                    .integer(Int64(RecordFormat.historyVersion)), .text(project),
                                    .integer(Int64(entry.sequence))])
            }
            let state: InstanceState
            do {
                state = try InstanceState.replay(id: project, history: rows)
            } catch {
                throw .failure("cannot upgrade project \"\(project)\" to schema version 4: \(error); restore a backup")
            }
            try connection.run("UPDATE projects SET state = ? WHERE id = ?", [.text(state.recordText), .text(project)])
        }
    }

    private static func decode<Legacy: Decodable>(_ type: Legacy.Type, _ text: String, what: String)
        throws(StoreError) -> Legacy
    {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .failure("cannot upgrade \(what) to schema version 4: it is not in the format of schema version 3 "
                + "(\(error)); the database was changed by hand; restore a backup")
        }
    }
}

/// `Actor` as synthesized `Codable` wrote it.
struct LegacyActor: Decodable {
    let id: String
    let department: String?
    let roles: Set<String>

    var actor: Actor { Actor(id: id, department: department, roles: roles) }
}

/// `Assignee` as synthesized `Codable` wrote it: `{"department": {"_0": "区数据局"}}`.
enum LegacyAssignee: Decodable {
    case actor(String)
    case department(String)
    case role(String)

    var assignee: Assignee {
        switch self {
        case .actor(let id): return .actor(id)
        case .department(let name): return .department(name)
        case .role(let name): return .role(name)
        }
    }
}

/// `DueDate` as synthesized `Codable` wrote it.
struct LegacyDueDate: Decodable {
    let date: CivilDate
    let provisional: Bool

    var due: DueDate { DueDate(date: date, provisional: provisional) }
}

/// `HumanTask` as synthesized `Codable` wrote it (instants as seconds since 2001-01-01).
struct LegacyHumanTask: Decodable {
    let id: Int
    let activationID: Int
    let nodeID: String
    let key: String
    let title: String
    let assignee: LegacyAssignee
    let outcomes: [String]
    let openedAt: Date
    let due: LegacyDueDate?
    let status: String
    let delegatedBy: LegacyAssignee?
    let consultationOf: Int?
    let blocking: Bool
    let exampleData: JSONValue

    var task: HumanTask {
        HumanTask(id: id, activationID: activationID, nodeID: nodeID, key: key, title: title,
                  assignee: assignee.assignee, outcomes: outcomes, openedAt: openedAt, due: due?.due,
                  status: HumanTask.Status(rawValue: status) ?? .open, delegatedBy: delegatedBy?.assignee,
                  consultationOf: consultationOf, blocking: blocking, exampleData: exampleData)
    }
}

/// `PendingTimer.Purpose` as synthesized `Codable` wrote it: `{"deadline": {"_0": "opinion"}}`, `{"wait": {}}`.
enum LegacyPurpose: Decodable {
    case deadline(String)
    case reminder(String)
    case stage(String)
    case wait

    var purpose: PendingTimer.Purpose {
        switch self {
        case .deadline(let id): return .deadline(id)
        case .reminder(let id): return .reminder(id)
        case .stage(let key): return .stage(key)
        case .wait: return .wait
        }
    }
}

/// `DueRule` as synthesized `Codable` wrote it: `{"period": {"_0": "5 workdays", "from": "2024-09-27"}}`.
indirect enum LegacyDueRule: Decodable {
    case period(Period, from: CivilDate)
    case date(CivilDate)
    case recurring(RecurringDueDay, onOrAfter: CivilDate)
    case before(Period, deadline: LegacyDueRule)

    var rule: DueRule {
        switch self {
        case .period(let period, let from): return .period(period, from: from)
        case .date(let date): return .date(date)
        case .recurring(let day, let date): return .recurring(day, onOrAfter: date)
        case .before(let period, let deadline): return .before(period, deadline: deadline.rule)
        }
    }
}

/// `PendingTimer` as synthesized `Codable` wrote it.
struct LegacyPendingTimer: Decodable {
    let id: Int
    let purpose: LegacyPurpose
    let activationID: Int?
    let tokenID: Int
    let nodeID: String
    let rule: LegacyDueRule
    let due: LegacyDueDate

    var timer: PendingTimer {
        PendingTimer(id: id, purpose: purpose.purpose, activationID: activationID, tokenID: tokenID, nodeID: nodeID,
                     rule: rule.rule, due: due.due)
    }
}

/// `CancellationReason` as synthesized `Codable` wrote it: `{"deadlineExpired": {"_0": "x"}}`, `{"withdrawn": {}}`.
enum LegacyCancellationReason: Decodable {
    case deadlineExpired(String)
    case branchLeft
    case instanceEnded
    case withdrawn
    case returned(to: String)

    var reason: CancellationReason {
        switch self {
        case .deadlineExpired(let id): return .deadlineExpired(id)
        case .branchLeft: return .branchLeft
        case .instanceEnded: return .instanceEnded
        case .withdrawn: return .withdrawn
        case .returned(let node): return .returned(to: node)
        }
    }
}

/// `Value` as its hand-written `Codable` of b51e815 wrote it: `{"type": "decimal", "value": 300}`.
struct LegacyValue: Decodable {
    let value: Value

    private enum CodingKeys: String, CodingKey {
        case type, value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "decimal": value = .decimal(try container.decode(Decimal.self, forKey: .value))
        case "string": value = .string(try container.decode(String.self, forKey: .value))
        case "boolean": value = .bool(try container.decode(Bool.self, forKey: .value))
        case "date": value = .date(try container.decode(CivilDate.self, forKey: .value))
        case "list": value = .list(try container.decode([LegacyValue].self, forKey: .value).map(\.value))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown value type \"\(other)\"")
        }
    }
}
