/// A calendar file that cannot be used, with the file, line and column of the problem.
///
/// Its description reads like a compiler diagnostic, so editors and CI logs link straight to the place:
/// `workflows/calendars/x.json:12:9: error: 2024-10-01 is listed twice (first at line 8)`.
public struct CalendarLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as it is shown to the reader (relative to the working directory when it lies below it).
    public let path: String
    /// Where in the file, or `nil` when the problem concerns the whole file (it cannot be read).
    public let location: SourceLocation?
    /// What is wrong and, where it helps, how to fix it.
    public let message: String

    /// Creates the error for `path` at `location` (or the whole file).
    public init(path: String, location: SourceLocation?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// `path:line:column: error: message`, or `path: error: message` without a location.
    public var description: String {
        if let location { return "\(path):\(location): error: \(message)" }
        return "\(path): error: \(message)"
    }
}
