import FlowCore
import Foundation

/// A problem in a project file or a decisions script, at its line and column when known.
struct InputFileError: Error, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    let file: String
    let location: SourceLocation?
    let message: String

    var description: String {
        "\(file):" + (location.map { "\($0):" } ?? "") + " \(message)"
    }
}

/// Reads the fields of one JSON object of an input file, refusing unknown fields and values of the wrong type.
struct InputObject {
    let file: String
    let element: JSONElement
    /// What the object is, for messages ("step 2", "the project file").
    let what: String

    /// Wraps `element`, which must be an object whose fields are all in `allowed`.
    init(_ element: JSONElement, file: String, what: String, allowed: [String]) throws(InputFileError) {
        self.file = file
        self.element = element
        self.what = what
        guard let members = element.members else {
            throw InputFileError(file: file, location: element.location,
                                 message: "\(what) must be an object, found \(element.value.kindDescription)")
        }
        for member in members where !allowed.contains(member.key) {
            throw InputFileError(
                file: file, location: member.keyLocation,
                message: "unknown field \"\(member.key)\" in \(what); allowed fields are "
                    + allowed.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }

    func fail(_ message: String, at element: JSONElement? = nil) -> InputFileError {
        InputFileError(file: file, location: (element ?? self.element).location, message: "\(what): \(message)")
    }

    /// The member's value, if present.
    func value(_ key: String) -> JSONElement? { element.member(key)?.value }

    func string(_ key: String, required: Bool = false) throws(InputFileError) -> String? {
        guard let value = value(key) else {
            if required { throw fail("\"\(key)\" is required") }
            return nil
        }
        guard let text = value.string else {
            throw fail("\"\(key)\" must be a string, found \(value.value.kindDescription)", at: value)
        }
        return text
    }

    func bool(_ key: String) throws(InputFileError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value.content else {
            throw fail("\"\(key)\" must be true or false, found \(value.value.kindDescription)", at: value)
        }
        return flag
    }

    /// An actor written as `{"id": "li", "department": "区数据局", "roles": ["reviewer"]}`.
    func actor(_ key: String) throws(InputFileError) -> Actor? {
        guard let value = value(key) else { return nil }
        let object = try InputObject(value, file: file, what: "\"\(key)\" of \(what)",
                                     allowed: ["id", "department", "roles"])
        guard let id = try object.string("id", required: true) else { return nil }
        let department = try object.string("department")
        var roles: Set<String> = []
        if let list = object.value("roles") {
            guard let elements = list.elements, elements.allSatisfy({ $0.string != nil }) else {
                throw object.fail("\"roles\" must be an array of strings", at: list)
            }
            roles = Set(elements.compactMap(\.string))
        }
        return Actor(id: id, department: department, roles: roles)
    }

    /// An assignee written as `{"role": "…"}`, `{"department": "…"}` or `{"actor": "…"}`.
    func assignee(_ key: String) throws(InputFileError) -> Assignee? {
        guard let value = value(key) else { return nil }
        let object = try InputObject(value, file: file, what: "\"\(key)\" of \(what)",
                                     allowed: ["role", "department", "actor"])
        let members = value.members ?? []
        guard members.count == 1, let member = members.first, let name = member.value.string else {
            throw object.fail("write exactly one of {\"role\": \"…\"}, {\"department\": \"…\"}, {\"actor\": \"…\"}")
        }
        switch member.key {
        case "role": return .role(name)
        case "department": return .department(name)
        default: return .actor(name)
        }
    }
}

/// Parses the JSON text of an input file.
func parseInputFile(_ text: String, file: String) throws(InputFileError) -> JSONElement {
    do {
        return try JSONParser.parse(text)
    } catch {
        throw InputFileError(file: file, location: error.location, message: error.message)
    }
}
