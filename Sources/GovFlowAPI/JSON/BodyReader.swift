import FlowCore

/// Reads the fields of a JSON object request body, collecting every problem before failing once.
struct BodyReader {
    private let members: [JSONMember]
    var problems: [FieldProblem] = []

    /// The body's object; an empty body reads as `{}`.
    init(_ body: [UInt8]) throws(APIError) {
        guard !body.isEmpty else {
            members = []
            return
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw .badRequest("malformed-json", "the body is not UTF-8 text")
        }
        let element: JSONElement
        do {
            element = try JSONParser.parse(text)
        } catch {
            throw .badRequest("malformed-json", "the body is not valid JSON: \(error)")
        }
        guard let object = element.value.objectMembers else {
            throw .invalidBody([FieldProblem(field: "$", message: "must be an object")])
        }
        members = object
    }

    func value(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key), value != .null else {
            if required { problems.append(FieldProblem(field: key, message: "is required")) }
            return nil
        }
        guard let text = value.stringValue else {
            problems.append(FieldProblem(field: key, message: "must be a string, found \(value.kindDescription)"))
            return nil
        }
        return text
    }

    mutating func int(_ key: String) -> Int? {
        guard let value = value(key), value != .null else { return nil }
        guard let number = value.intValue ?? BodyReader.integralNumber(value) else {
            let found = value.kindDescription == "a number" ? "a number that is not a 64-bit integer"
                : value.kindDescription
            problems.append(FieldProblem(field: key, message: "must be an integer, found \(found)"))
            return nil
        }
        return number
    }

    /// A number written with a fraction or exponent that is a whole number (`3.0`, `1e2`): JSON Schema counts it as
    /// an integer, so the API does too, up to 2^53 where a double is still exact.
    private static func integralNumber(_ value: JSONValue) -> Int? {
        guard case .number(let text) = value, let number = Double(text), number == number.rounded(),
              abs(number) <= 9_007_199_254_740_992 else { return nil }
        return Int(number)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key), value != .null else { return nil }
        guard let flag = value.boolValue else {
            problems.append(FieldProblem(field: key, message: "must be true or false, found \(value.kindDescription)"))
            return nil
        }
        return flag
    }

    mutating func object(_ key: String) -> [JSONMember]? {
        guard let value = value(key), value != .null else { return nil }
        guard let members = value.objectMembers else {
            problems.append(FieldProblem(field: key, message: "must be an object, found \(value.kindDescription)"))
            return nil
        }
        return members
    }

    /// An assignee written as `{"actor"|"department"|"role": "…"}`.
    mutating func assignee(_ key: String, required: Bool) -> Assignee? {
        guard let members = object(key) else {
            if required, value(key) == nil { problems.append(FieldProblem(field: key, message: "is required")) }
            return nil
        }
        guard members.count == 1, let member = members.first, let name = member.value.stringValue, !name.isEmpty
        else {
            let message = "must be {\"actor\"|\"department\"|\"role\": \"…\"} with one member"
            problems.append(FieldProblem(field: key, message: message))
            return nil
        }
        switch member.key {
        case "actor": return .actor(name)
        case "department": return .department(name)
        case "role": return .role(name)
        default:
            problems.append(FieldProblem(field: "\(key).\(member.key)",
                                         message: "is not one of \"actor\", \"department\", \"role\""))
            return nil
        }
    }

    mutating func rejectUnknown(allowed: [String]) {
        for member in members where !allowed.contains(member.key) {
            let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            problems.append(FieldProblem(field: member.key, message: "is not a known field; known fields are \(list)"))
        }
    }

    /// Throws 400 `invalid-body` naming every problem found.
    func finish() throws(APIError) {
        if !problems.isEmpty { throw .invalidBody(problems) }
    }
}
