import FlowCore
import Foundation

/// Bearer tokens and the callers they stand for, parsed from a tokens file's text (the runner reads the file,
/// `TokenTable.load(contentsOf:)`):
///
/// ```json
/// {"tokens": [{"token": "…", "actor": "li", "department": "区数据局", "roles": ["reviewing-office"]},
///             {"token": "…", "actor": "wang", "roles": ["expert"], "taskRoles": ["technical-expert"]}]}
/// ```
///
/// Only SHA-256 digests of the tokens are kept; a presented token's digest is compared with every entry's in
/// constant time, without stopping at the first match. Tokens are never logged or echoed.
public struct TokenTable: Sendable {
    private struct Entry: Sendable {
        let digest: [UInt8]
        let caller: Caller
    }

    /// Tokens shorter than this are refused when loading: they could be guessed.
    public static let minimumTokenLength = 16

    private let entries: [Entry]

    /// A table of `token → caller` pairs.
    public init(_ pairs: [(token: String, caller: Caller)]) throws(TokenFileError) {
        var seen: [[UInt8]] = []
        var entries: [Entry] = []
        for (index, pair) in pairs.enumerated() {
            guard pair.token.count >= TokenTable.minimumTokenLength else {
                throw .invalid("tokens[\(index)] (actor \"\(pair.caller.actor.id)\"): the token is shorter than "
                    + "\(TokenTable.minimumTokenLength) characters; use a long random one")
            }
            let digest = SHA256.hash(Array(pair.token.utf8))
            guard !seen.contains(digest) else {
                throw .invalid("tokens[\(index)] (actor \"\(pair.caller.actor.id)\"): the token is used twice")
            }
            seen.append(digest)
            entries.append(Entry(digest: digest, caller: pair.caller))
        }
        self.entries = entries
    }

    /// The table in a tokens file's text.
    public static func parse(_ text: String) throws(TokenFileError) -> TokenTable {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text).value
        } catch {
            throw .invalid("the file is not valid JSON: \(error)")
        }
        guard let list = root["tokens"]?.arrayValue else { throw .invalid("expected {\"tokens\": [ … ]} at the top") }
        var pairs: [(token: String, caller: Caller)] = []
        for (index, item) in list.enumerated() {
            guard let token = item["token"]?.stringValue, let actor = item["actor"]?.stringValue, !actor.isEmpty else {
                throw .invalid("tokens[\(index)]: \"token\" and \"actor\" are required strings")
            }
            var roles: Set<Role> = []
            for name in item["roles"]?.arrayValue ?? [] {
                guard let text = name.stringValue, let role = Role(rawValue: text) else {
                    let known = Role.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    throw .invalid("tokens[\(index)] (actor \"\(actor)\"): unknown role \(name.jsonText); "
                        + "known roles are \(known)")
                }
                roles.insert(role)
            }
            guard !roles.isEmpty else { throw .invalid("tokens[\(index)] (actor \"\(actor)\"): \"roles\" is empty") }
            var taskRoles: Set<String> = []
            for name in item["taskRoles"]?.arrayValue ?? [] {
                guard let text = name.stringValue, !text.isEmpty else {
                    throw .invalid("tokens[\(index)] (actor \"\(actor)\"): \"taskRoles\" must be a list of role names "
                        + "used in definitions' assignees, e.g. [\"technical-expert\"]")
                }
                taskRoles.insert(text)
            }
            pairs.append((token, Caller(id: actor, department: item["department"]?.stringValue, roles: roles,
                                        taskRoles: taskRoles)))
        }
        return try TokenTable(pairs)
    }

    /// The caller a token stands for, or `nil`. Takes the same time whichever entry (if any) matches.
    public func caller(forToken token: String) -> Caller? {
        let digest = SHA256.hash(Array(token.utf8))
        var match: Caller?
        for entry in entries where SHA256.constantTimeEqual(entry.digest, digest) {
            match = entry.caller
        }
        return match
    }
}

/// A tokens file that cannot be used.
public enum TokenFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read the tokens file \(path): \(reason)"
        case .invalid(let message): return "invalid tokens file: \(message)"
        }
    }
}
