/// The actor record `{"id": "li", "department": "区数据局", "roles": ["reviewer"]}` (roles sorted, department
/// `null` when none), and the assignee record: one member naming how, `{"department": "区数据局"}`.
extension Actor {
    /// Writes the actor record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            writer.field("id", id)
            writer.field("department", department)
            writer.key("roles")
            writer.array(roles.sorted()) { $0.string($1) }
        }
    }

    /// The actor record's text.
    public var recordText: String {
        var writer = RecordWriter(capacity: 64)
        write(to: &writer)
        return writer.text
    }

    /// Reads an actor record.
    public init(record: RecordReader) throws(RecordError) {
        self.init(id: try record.string("id"), department: try record.optionalString("department"),
                  roles: Set(try record.strings("roles")))
    }

    /// Reads an actor record's text.
    public init(recordText: String, path: String = "actor") throws(RecordError) {
        try self.init(record: RecordReader(text: recordText, path: path))
    }
}

extension Assignee {
    /// The member names an assignee record may have.
    public static let recordKinds = ["actor", "department", "role"]

    /// Writes the assignee record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            switch self {
            case .actor(let id): writer.field("actor", id)
            case .department(let name): writer.field("department", name)
            case .role(let name): writer.field("role", name)
            }
        }
    }

    /// Reads an assignee record.
    public init(record: RecordReader) throws(RecordError) {
        guard record.members.count == 1, let member = record.members.first else {
            throw .malformed(path: record.path, problem: "must have exactly one member, \"actor\", \"department\" "
                + "or \"role\"; found \(record.members.count)")
        }
        guard case .string(let name) = member.value else {
            throw record.wrong(member.key, "a string", member.value)
        }
        switch member.key {
        case "actor": self = .actor(name)
        case "department": self = .department(name)
        case "role": self = .role(name)
        default: throw record.unknown(member.key, member.key, known: Self.recordKinds)
        }
    }
}

/// Stage kinds keep assignees in their own state through `Codable`: the same one-member form as the record,
/// `{"department": "区数据局"}`. Reading also accepts the synthesized form of schema versions 1-3
/// (`{"department": {"_0": "区数据局"}}`), which the upgrade to version 4 rewrites but a stage may meet in a
/// state it saved before.
extension Assignee: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "an assignee has exactly one member, \"actor\", "
                    + "\"department\" or \"role\""))
        }
        let name: String
        if let text = try? container.decode(String.self, forKey: key) {
            name = text
        } else {
            name = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)
                .decode(String.self, forKey: AnyCodingKey("_0"))
        }
        switch key.stringValue {
        case "actor": self = .actor(name)
        case "department": self = .department(name)
        case "role": self = .role(name)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "an assignee is \"actor\", \"department\" or \"role\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        switch self {
        case .actor(let id): try container.encode(id, forKey: AnyCodingKey("actor"))
        case .department(let name): try container.encode(name, forKey: AnyCodingKey("department"))
        case .role(let name): try container.encode(name, forKey: AnyCodingKey("role"))
        }
    }
}
