/// A stored or received record that this build cannot read: malformed, of an unknown type, or of a newer format.
public enum RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not JSON, or a field is missing or of the wrong kind; `path` names the field (`event.task`).
    case malformed(path: String, problem: String)
    /// A `type` or `kind` this build does not know (e.g. an event type added by a newer GovFlow).
    case unknownType(path: String, found: String, known: [String])
    /// The record's format version is newer than this build reads.
    case newerVersion(found: Int, supported: Int)

    public var description: String {
        switch self {
        case .malformed(let path, let problem):
            return "\(path) \(problem)"
        case .unknownType(let path, let found, let known):
            return "\(path) is \(JSONText.quoted(found)), which this govflow does not know (a newer GovFlow may have "
                + "written it); known: " + known.joined(separator: ", ")
        case .newerVersion(let found, let supported):
            return "has format version \(found); this govflow reads up to \(supported)"
        }
    }
}
