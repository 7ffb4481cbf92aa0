import Foundation

/// A failure inside the engine or a plugin that stopped one project: a timer that could not fire, or a user's
/// command that failed for a reason the user cannot fix (a stage refusing entry, an expression failing at run
/// time, a plugin returning an invalid action).
///
/// Like Camunda's incidents, it stops only that one project's failing work: the timer is suspended (stores do not
/// offer it as due while the incident is open) and every other timer and project goes on. An administrator
/// retries it (the timer fires again) or resolves it (moving the project to a node, or with a comment).
public struct Incident: Hashable, Sendable, Codable {
    /// Whether an incident still waits for an administrator.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case open
        case resolved
    }

    /// The incident's number within its project, from 1.
    public let id: Int
    /// The timer whose firing failed; `nil` when a user's command failed.
    public let timer: Int?
    /// What failed, in words: "fire timer 4 (deadline \"review\" of node \"pre-review\")" or the user's command.
    public let command: String
    /// The latest error: the first one, or the one of the latest failed retry.
    public internal(set) var error: String
    /// How many times it failed: 1 when raised, one more for each failed retry.
    public internal(set) var failures: Int
    public let raisedAt: Date
    public internal(set) var status: Status
    /// How it was resolved, once resolved.
    public internal(set) var resolution: IncidentResolution?
    /// The node an administrator moved the project to, when resolved by a move.
    public internal(set) var movedTo: String?
    /// Who resolved it (an administrator, or whoever's retry succeeded) and when, with their comment.
    public internal(set) var resolvedBy: String?
    public internal(set) var resolvedAt: Date?
    public internal(set) var comment: String?

    /// An incident as a store reads it back.
    public init(id: Int, timer: Int?, command: String, error: String, failures: Int, raisedAt: Date, status: Status,
                resolution: IncidentResolution? = nil, movedTo: String? = nil, resolvedBy: String? = nil,
                resolvedAt: Date? = nil, comment: String? = nil) {
        self.id = id
        self.timer = timer
        self.command = command
        self.error = error
        self.failures = failures
        self.raisedAt = raisedAt
        self.status = status
        self.resolution = resolution
        self.movedTo = movedTo
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
        self.comment = comment
    }

    /// Whether it still waits for an administrator.
    public var isOpen: Bool { status == .open }
}

/// How an incident was resolved.
public enum IncidentResolution: String, Hashable, Sendable, Codable, CaseIterable {
    /// A retry succeeded: the timer fired.
    case retried
    /// An administrator moved the project's token to a node (its stage or wait there was cancelled).
    case moved
    /// An administrator marked it resolved with a comment; a suspended timer was cancelled.
    case marked
}
