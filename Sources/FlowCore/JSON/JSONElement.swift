/// A parsed JSON value that remembers where it was written, so that a definition's problems can be reported at
/// their line and column.
public struct JSONElement: Sendable {
    /// A member of an object with the location of its key.
    public struct Member: Sendable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: JSONElement
    }

    /// The value's shape.
    public enum Content: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONElement])
        case object([Member])
    }

    /// Where the value starts (its first character).
    public let location: SourceLocation
    public let content: Content

    /// The member named `key`, if this is an object that has one (the first, should it appear twice).
    public func member(_ key: String) -> Member? {
        guard case .object(let members) = content else { return nil }
        return members.first { $0.key == key }
    }

    /// The members, if this is an object.
    public var members: [Member]? {
        if case .object(let members) = content { return members }
        return nil
    }

    /// The elements, if this is an array.
    public var elements: [JSONElement]? {
        if case .array(let elements) = content { return elements }
        return nil
    }

    /// The string, if this is one.
    public var string: String? {
        if case .string(let text) = content { return text }
        return nil
    }

    /// The element at `path` below this one, or `nil` when the path leads nowhere.
    public func element(at path: JSONPath) -> JSONElement? {
        var element = self
        for component in path.components {
            switch (component, element.content) {
            case (.key(let key), .object):
                guard let member = element.member(key) else { return nil }
                element = member.value
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return nil }
                element = elements[index]
            default:
                return nil
            }
        }
        return element
    }

    /// The value without positions.
    public var value: JSONValue {
        switch content {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .number(text)
        case .string(let text): return .string(text)
        case .array(let elements): return .array(elements.map(\.value))
        case .object(let members): return .object(members.map { JSONMember(key: $0.key, value: $0.value.value) })
        }
    }
}
