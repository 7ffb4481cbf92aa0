/// The cancellation reason record: `{"kind": "deadlineExpired", "deadline": "opinion"}`, `{"kind": "branchLeft"}`,
/// `{"kind": "instanceEnded"}`, `{"kind": "withdrawn"}`, `{"kind": "returned", "to": "pre-review"}`,
/// `{"kind": "moved", "to": "pre-review"}` (an administrator resolved an incident by moving the project).
extension CancellationReason {
    /// The `kind`s of a cancellation reason record.
    public static let recordKinds = ["deadlineExpired", "branchLeft", "instanceEnded", "withdrawn", "returned", "moved"]

    /// Writes the cancellation reason record.
    public func write(to writer: inout RecordWriter) {
        writer.object { writer in
            switch self {
            case .deadlineExpired(let id):
                writer.field("kind", "deadlineExpired")
                writer.field("deadline", id)
            case .branchLeft: writer.field("kind", "branchLeft")
            case .instanceEnded: writer.field("kind", "instanceEnded")
            case .withdrawn: writer.field("kind", "withdrawn")
            case .returned(let node):
                writer.field("kind", "returned")
                writer.field("to", node)
            case .moved(let node):
                writer.field("kind", "moved")
                writer.field("to", node)
            }
        }
    }

    /// Reads a cancellation reason record.
    public init(record: RecordReader) throws(RecordError) {
        let kind = try record.string("kind")
        switch kind {
        case "deadlineExpired": self = .deadlineExpired(try record.string("deadline"))
        case "branchLeft": self = .branchLeft
        case "instanceEnded": self = .instanceEnded
        case "withdrawn": self = .withdrawn
        case "returned": self = .returned(to: try record.string("to"))
        case "moved": self = .moved(to: try record.string("to"))
        default: throw record.unknown("kind", kind, known: Self.recordKinds)
        }
    }
}
