import Foundation

/// The typed value record of a variable or computed value: `{"type": "decimal", "value": 300}`, `{"type": "string",
/// "value": "新建"}`, `{"type": "boolean", "value": true}`, `{"type": "date", "value": "2024-10-08"}`,
/// `{"type": "list", "value": [<value record>, …]}`. Decimals keep their exact text.
extension Value {
    /// The `type`s of a value record.
    public static let recordTypes = ["decimal", "string", "boolean", "date", "list"]

    /// Writes the value record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            switch self {
            case .decimal(let number):
                writer.field("type", "decimal")
                writer.field("value", json: .number(number))
            case .string(let text):
                writer.field("type", "string")
                writer.field("value", text)
            case .bool(let flag):
                writer.field("type", "boolean")
                writer.field("value", flag)
            case .date(let date):
                writer.field("type", "date")
                writer.key("value")
                writer.date(date)
            case .list(let elements):
                writer.field("type", "list")
                writer.key("value")
                writer.array(elements) { $1.write(to: &$0) }
            }
        }
    }

    /// Reads a value record.
    public init(record: RecordReader) throws(RecordError) {
        let type = try record.string("type")
        switch type {
        case "decimal":
            let value = try record.value("value")
            guard let number = value.decimalValue else { throw record.wrong("value", "a number", value) }
            self = .decimal(number)
        case "string": self = .string(try record.string("value"))
        case "boolean": self = .bool(try record.bool("value"))
        case "date": self = .date(try record.date("value"))
        case "list":
            self = .list(try record.objects("value") { (element) throws(RecordError) -> Value in
                try Value(record: element)
            })
        default: throw record.unknown("type", type, known: Self.recordTypes)
        }
    }
}

extension RecordWriter {
    /// Writes named values as an object keyed by name, names sorted.
    public mutating func values(_ values: [String: Value]) {
        object { writer in
            for name in values.keys.sorted() {
                writer.key(data: name)
                values[name]!.write(to: &writer)
            }
        }
    }
}

extension RecordReader {
    /// Named values written by `RecordWriter.values`.
    public func values(_ key: String) throws(RecordError) -> [String: Value] {
        let object = try object(key)
        var values: [String: Value] = [:]
        for member in object.members {
            values[member.key] = try Value(record: RecordReader(member.value, path: object.path(member.key)))
        }
        return values
    }
}
