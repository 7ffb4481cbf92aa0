import FlowCore
import Foundation
import Synchronization

/// Writes log records as JSON lines: `{"ts":"2024-10-08T01:00:00.000Z","level":"info","msg":"…",…}`.
///
/// `ts`, `level` and `msg` come first, then the other fields sorted by name. One line per record, written whole,
/// so that lines from different threads never interleave.
public final class JSONLogger: Sendable {
    /// How serious a record is.
    public enum Level: String, Sendable {
        case debug, info, warning, error
    }

    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Date
    private let lock = Mutex(())

    /// A logger handing each line (with its newline) to `write`, stamping records with `clock`.
    public init(write: @escaping @Sendable (String) -> Void, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.write = write
        self.clock = clock
    }

    /// A logger writing to standard error.
    public static func standardError() -> JSONLogger {
        JSONLogger { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Logs `message` with `fields`.
    public func log(_ level: Level, _ message: String, _ fields: [String: String] = [:]) {
        var line = "{\"ts\":\(JSONText.quoted(Self.timestamp(clock()))),\"level\":\(JSONText.quoted(level.rawValue))"
        line += ",\"msg\":\(JSONText.quoted(message))"
        for key in fields.keys.sorted() where !["ts", "level", "msg"].contains(key) {
            line += ",\(JSONText.quoted(key)):\(JSONText.quoted(fields[key] ?? ""))"
        }
        line += "}\n"
        lock.withLock { _ in write(line) }
    }

    public func info(_ message: String, _ fields: [String: String] = [:]) { log(.info, message, fields) }

    public func warning(_ message: String, _ fields: [String: String] = [:]) { log(.warning, message, fields) }

    public func error(_ message: String, _ fields: [String: String] = [:]) { log(.error, message, fields) }

    /// ISO 8601 in UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
            .timeSeparator(.colon).timeZone(separator: .omitted))
    }

}
