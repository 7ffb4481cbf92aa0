import FlowCore
import Foundation

/// Why `govflow serve` (or `backup`) refused to start or stopped with an error. Every message says what to do.
public enum ServeError: Error, Sendable, CustomStringConvertible {
    /// A command-line mistake.
    case usage(String)
    /// The workflows folder could not be read.
    case unreadableWorkflows(path: String, reason: String)
    /// The calendars could not be loaded.
    case calendars(CalendarLoadError)
    /// One or more definitions are invalid; every diagnostic of every file.
    case invalidDefinitions([Diagnostic])
    /// Definitions whose id and version are deployed already with a different text.
    case changedDefinitions([(id: String, version: Int, file: String)])
    /// The database refused.
    case store(StoreError)
    /// The workflow service refused.
    case service(ServiceError)

    public var description: String {
        switch self {
        case .usage(let message):
            return message
        case .unreadableWorkflows(let path, let reason):
            return "cannot read the workflows folder \(path): \(reason); give an existing folder with --workflows "
                + "(or set GOVFLOW_HOME to a folder that has workflows/, or unset it for the built-in definitions)"
        case .calendars(let error):
            return "cannot load the working calendars: \(error)"
        case .invalidDefinitions(let diagnostics):
            return "refusing to start: \(diagnostics.count) problem(s) in the workflow definitions; fix them "
                + "(govflow validate FILE shows the same) and start again:\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        case .changedDefinitions(let changed):
            return "refusing to start: "
                + changed.map { "\($0.file) has definition \"\($0.id)\" version \($0.version), which is deployed "
                    + "already with different content" }.joined(separator: "; ")
                + "; a deployed version never changes: give the changed definition a higher \"version\""
        case .store(let error):
            return error.description
        case .service(let error):
            return error.description
        }
    }
}
