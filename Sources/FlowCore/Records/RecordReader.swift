import Foundation

/// Reads the fields of one record object, with errors that name the field's path (`event.assignee.department`).
public struct RecordReader {
    /// The object's members, in written order.
    public let members: [JSONMember]
    /// Where the object is, for messages ("event", "state.tasks[2]").
    public let path: String

    /// A reader over `value`, which must be an object.
    public init(_ value: JSONValue, path: String) throws(RecordError) {
        guard case .object(let members) = value else {
            throw .malformed(path: path, problem: "must be an object, found \(value.kindDescription)")
        }
        self.members = members
        self.path = path
    }

    /// Parses record text into a reader over its top-level object.
    public init(text: String, path: String) throws(RecordError) {
        let element: JSONElement
        do {
            element = try JSONParser.parse(text)
        } catch {
            throw .malformed(path: path, problem: "is not valid JSON: \(error)")
        }
        try self.init(element.value, path: path)
    }

    /// The path of member `key`.
    public func path(_ key: String) -> String { path + "." + key }

    /// Member `key`, which must be present (it may be `null`).
    public func value(_ key: String) throws(RecordError) -> JSONValue {
        for member in members where member.key == key { return member.value }
        throw .malformed(path: path(key), problem: "is missing")
    }

    /// A required string.
    public func string(_ key: String) throws(RecordError) -> String {
        let value = try value(key)
        guard case .string(let text) = value else { throw wrong(key, "a string", value) }
        return text
    }

    /// A string or `null`.
    public func optionalString(_ key: String) throws(RecordError) -> String? {
        let value = try value(key)
        if value == .null { return nil }
        guard case .string(let text) = value else { throw wrong(key, "a string or null", value) }
        return text
    }

    /// A required integer.
    public func int(_ key: String) throws(RecordError) -> Int {
        let value = try value(key)
        guard let number = value.intValue else { throw wrong(key, "an integer", value) }
        return number
    }

    /// An integer or `null`.
    public func optionalInt(_ key: String) throws(RecordError) -> Int? {
        let value = try value(key)
        if value == .null { return nil }
        guard let number = value.intValue else { throw wrong(key, "an integer or null", value) }
        return number
    }

    /// A required boolean.
    public func bool(_ key: String) throws(RecordError) -> Bool {
        let value = try value(key)
        guard case .bool(let flag) = value else { throw wrong(key, "true or false", value) }
        return flag
    }

    /// A nested object.
    public func object(_ key: String) throws(RecordError) -> RecordReader {
        try RecordReader(value(key), path: path(key))
    }

    /// A nested object, or `nil` for `null`.
    public func optionalObject(_ key: String) throws(RecordError) -> RecordReader? {
        let value = try value(key)
        return value == .null ? nil : try RecordReader(value, path: path(key))
    }

    /// An array, each element read by `read` with its path.
    public func array<Element>(_ key: String, _ read: (JSONValue, String) throws(RecordError) -> Element)
        throws(RecordError) -> [Element]
    {
        let value = try value(key)
        guard case .array(let elements) = value else { throw wrong(key, "an array", value) }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try read(element, "\(path(key))[\(index)]"))
        }
        return result
    }

    /// An array of objects, each read by `read`.
    public func objects<Element>(_ key: String, _ read: (RecordReader) throws(RecordError) -> Element)
        throws(RecordError) -> [Element]
    {
        try array(key) { (value, path) throws(RecordError) -> Element in try read(RecordReader(value, path: path)) }
    }

    /// An array of strings.
    public func strings(_ key: String) throws(RecordError) -> [String] {
        try array(key) { (value, path) throws(RecordError) -> String in
            guard case .string(let text) = value else {
                throw .malformed(path: path, problem: "must be a string, found \(value.kindDescription)")
            }
            return text
        }
    }

    /// An instant in `RecordInstant` form.
    public func instant(_ key: String) throws(RecordError) -> Date {
        let text = try string(key)
        guard let date = RecordInstant.date(text) else {
            throw .malformed(path: path(key), problem: "must be an instant like \"2024-09-27T09:00:00+08:00\", "
                + "found \(JSONText.quoted(text))")
        }
        return date
    }

    /// A calendar date `YYYY-MM-DD`.
    public func date(_ key: String) throws(RecordError) -> CivilDate {
        let text = try string(key)
        guard let date = CivilDate(iso: text) else {
            throw .malformed(path: path(key), problem: "must be a date YYYY-MM-DD, found \(JSONText.quoted(text))")
        }
        return date
    }

    /// A `type` or `kind` discriminator not among `known`.
    public func unknown(_ key: String, _ found: String, known: [String]) -> RecordError {
        .unknownType(path: path(key), found: found, known: known)
    }

    /// A value of the wrong kind.
    public func wrong(_ key: String, _ expected: String, _ found: JSONValue) -> RecordError {
        .malformed(path: path(key), problem: "must be \(expected), found \(found.kindDescription)")
    }
}
