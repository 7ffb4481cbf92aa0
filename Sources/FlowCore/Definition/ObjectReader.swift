/// Reads the members of one JSON object of a definition, reporting missing, mistyped, duplicate and unknown
/// fields (with a "did you mean" hint) to a sink.
struct ObjectReader {
    let element: JSONElement
    let path: JSONPath
    let sink: DiagnosticSink
    /// What the object is, for messages ("a stage node", "a deadline").
    let what: String
    private let members: [JSONElement.Member]

    /// A reader, or `nil` (after reporting) when `element` is not an object.
    init?(_ element: JSONElement, path: JSONPath, what: String, sink: DiagnosticSink) {
        guard let members = element.members else {
            sink.report(.wrongType, "\(what) must be an object, found \(element.value.kindDescription)",
                        at: element, path: path)
            return nil
        }
        self.element = element
        self.path = path
        self.sink = sink
        self.what = what
        self.members = members
        for (member, first) in ObjectReader.repeatedMembers(members) {
            sink.report(.duplicateKey, "field \"\(member.key)\" appears twice in \(what) (first at line \(first.line))",
                        at: member.keyLocation, path: path.appending(member.key))
        }
    }

    /// Each member whose key an earlier member already has, in order, with the location of the first such key.
    /// Objects of a definition have a handful of members, compared pairwise without hashing; a large one goes
    /// through a dictionary, so that the check stays linear.
    private static func repeatedMembers(_ members: [JSONElement.Member]) -> [(JSONElement.Member, SourceLocation)] {
        var repeated: [(JSONElement.Member, SourceLocation)] = []
        if members.count <= 16 {
            for (offset, member) in members.enumerated() {
                if let first = members[..<offset].first(where: { $0.key == member.key }) {
                    repeated.append((member, first.keyLocation))
                }
            }
            return repeated
        }
        var seen: [String: SourceLocation] = [:]
        for member in members {
            if let first = seen[member.key] {
                repeated.append((member, first))
            } else {
                seen[member.key] = member.keyLocation
            }
        }
        return repeated
    }

    /// Reports every member not in `allowed`.
    func rejectUnknownFields(allowed: [String]) {
        for member in members where !allowed.contains(member.key) {
            let hint = Suggestion.nearest(to: member.key, in: allowed).map { "did you mean \"\($0)\"?" }
                ?? "allowed fields are " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            sink.report(.unknownField, "unknown field \"\(member.key)\" in \(what); \(hint)",
                        at: member.keyLocation, path: path.appending(member.key))
        }
    }

    /// The member's value, or `nil` (after reporting when `required`).
    func element(_ key: String, required: Bool) -> JSONElement? {
        if let member = members.first(where: { $0.key == key }) { return member.value }
        if required {
            sink.report(.missingField, "\(what) has no \"\(key)\" field", at: element, path: path)
        }
        return nil
    }

    /// A string member.
    func string(_ key: String, required: Bool) -> String? {
        guard let value = element(key, required: required) else { return nil }
        guard let text = value.string else {
            sink.report(.wrongType, "\"\(key)\" must be a string, found \(value.value.kindDescription)",
                        at: value, path: path.appending(key))
            return nil
        }
        return text
    }

    /// A string member whose text is an identifier: lowercase letters, digits and hyphens, starting with a letter.
    func identifier(_ key: String, required: Bool) -> String? {
        guard let text = string(key, required: required), let value = element(key, required: false) else {
            return nil
        }
        guard ObjectReader.isIdentifier(text) else {
            sink.report(.invalidValue,
                        "\"\(text)\" is not a valid \(key): use lowercase ASCII letters, digits and hyphens, "
                            + "starting with a letter (e.g. \"pre-review\")",
                        at: value, path: path.appending(key))
            return nil
        }
        return text
    }

    /// A boolean member.
    func bool(_ key: String, required: Bool) -> Bool? {
        guard let value = element(key, required: required) else { return nil }
        guard case .bool(let flag) = value.content else {
            sink.report(.wrongType, "\"\(key)\" must be true or false, found \(value.value.kindDescription)",
                        at: value, path: path.appending(key))
            return nil
        }
        return flag
    }

    /// An array member.
    func array(_ key: String, required: Bool) -> [JSONElement]? {
        guard let value = element(key, required: required) else { return nil }
        guard let elements = value.elements else {
            sink.report(.wrongType, "\"\(key)\" must be an array, found \(value.value.kindDescription)",
                        at: value, path: path.appending(key))
            return nil
        }
        return elements
    }

    /// A member that must be an object, read with its own reader.
    func object(_ key: String, required: Bool, what: String) -> ObjectReader? {
        guard let value = element(key, required: required) else { return nil }
        return ObjectReader(value, path: path.appending(key), what: what, sink: sink)
    }

    /// Whether `text` is a valid identifier for ids, outcomes and results.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
