import FlowCore

/// The most a deployed definition may be, so that one `POST /v1/definitions` cannot occupy a worker for long:
/// validation is linear in the definition's size, and these bounds keep it to milliseconds. The real definitions
/// are 12–27 KB with 20–40 nodes. (`govflow validate` has no such limit: it runs on the operator's own machine.)
enum DeployBudget {
    /// The largest definition body accepted, in bytes (256 KiB).
    static let maximumBytes = 256 * 1024
    /// The most nodes a deployed definition may have.
    static let maximumNodes = 2_000

    /// Refuses a body over `maximumBytes` (413 `definition-too-large`) or whose `"nodes"` array has more than
    /// `maximumNodes` elements (422 `too-many-nodes`). A body that is not JSON passes: the loader reports it.
    static func check(_ body: [UInt8]) throws(APIError) {
        guard body.count <= maximumBytes else {
            throw APIError(.contentTooLarge, "definition-too-large",
                           "the definition is \(body.count) bytes; a deployed definition may have at most "
                               + "\(maximumBytes) bytes (256 KiB). Split the process into smaller definitions",
                           details: .object(["bytes": .number(body.count), "limit": .number(maximumBytes)]))
        }
        guard let text = String(validating: body, as: UTF8.self), let root = try? JSONParser.parse(text),
              let nodes = root.member("nodes")?.value.elements
        else { return }
        guard nodes.count <= maximumNodes else {
            throw .unprocessable("too-many-nodes",
                                 "the definition has \(nodes.count) nodes; a deployed definition may have at most "
                                     + "\(maximumNodes). Split the process into smaller definitions",
                                 details: .object(["nodes": .number(nodes.count), "limit": .number(maximumNodes)]))
        }
    }
}
