import Foundation

/// Writes a record's JSON text directly, without building a tree: compact (no spaces), members in the order written.
///
/// Every stored or served record (events, actors, the state snapshot) is written through one of these, so the
/// bytes are exactly what the record's `write(to:)` says and what the golden files pin.
public struct RecordWriter {
    /// The text written so far.
    public private(set) var text = ""
    /// Whether the next member or element needs a comma before it.
    private var needsComma = false

    /// An empty writer that reserves room for `capacity` bytes.
    public init(capacity: Int = 256) {
        text.reserveCapacity(capacity)
    }

    // MARK: Structure

    /// Writes an object whose members `body` writes.
    public mutating func object(_ body: (inout RecordWriter) -> Void) {
        text += "{"
        needsComma = false
        body(&self)
        text += "}"
        needsComma = true
    }

    /// Writes an array with one element per item, each written by `body`.
    public mutating func array<Items: Sequence>(_ items: Items, _ body: (inout RecordWriter, Items.Element) -> Void) {
        text += "["
        var first = true
        for item in items {
            if !first { text += "," }
            first = false
            needsComma = false
            body(&self, item)
        }
        text += "]"
        needsComma = true
    }

    /// Starts a member: the comma if one is due, then `"name":`. `name` must need no escaping (record field names).
    public mutating func key(_ name: StaticString) {
        if needsComma { text += "," }
        text += "\""
        name.withUTF8Buffer { text += String(decoding: $0, as: UTF8.self) }
        text += "\":"
        needsComma = false
    }

    /// Starts a member whose name is data (a variable's or a fact's name): escaped as a JSON string.
    public mutating func key(data name: String) {
        if needsComma { text += "," }
        appendQuoted(name)
        text += ":"
        needsComma = false
    }

    // MARK: Values

    /// Writes a string.
    public mutating func string(_ value: String) {
        appendQuoted(value)
        needsComma = true
    }

    /// Writes a string, or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer.
    public mutating func int(_ value: Int) {
        text += String(value)
        needsComma = true
    }

    /// Writes an integer, or `null`.
    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        text += value ? "true" : "false"
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        text += "null"
        needsComma = true
    }

    /// Writes JSON data as it is: numbers keep their text, object members their order.
    public mutating func json(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number):
            text += number
            needsComma = true
        case .string(let string): self.string(string)
        case .array(let elements): array(elements) { $0.json($1) }
        case .object(let members):
            object { writer in
                for member in members {
                    writer.key(data: member.key)
                    writer.json(member.value)
                }
            }
        }
    }

    /// Writes an instant as `RecordInstant` text.
    public mutating func instant(_ date: Date) {
        string(RecordInstant.text(date))
    }

    /// Writes a calendar date as `YYYY-MM-DD`.
    public mutating func date(_ date: CivilDate) {
        string(date.iso)
    }

    /// Appends `value` as a JSON string: plain text in one piece, anything needing an escape through `JSONText`.
    private mutating func appendQuoted(_ value: String) {
        // 0x22 quote, 0x5C backslash, below 0x20 control characters, 0xE2 the lead byte of U+2028 and U+2029.
        let plain = value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }
        if plain {
            text += "\""
            text += value
            text += "\""
        } else {
            text += JSONText.quoted(value)
        }
    }
}

extension RecordWriter {
    /// A member holding a string.
    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// A member holding a string or `null`.
    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// A member holding an integer.
    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    /// A member holding an integer or `null`.
    public mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }

    /// A member holding a boolean.
    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member holding JSON data.
    public mutating func field(_ name: StaticString, json value: JSONValue) {
        key(name)
        json(value)
    }
}
