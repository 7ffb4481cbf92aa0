/// An incident with the project it belongs to, as `ProjectStore.incidents(status:)` lists them.
public struct ProjectIncident: Hashable, Sendable {
    public let projectID: String
    public let incident: Incident

    public init(projectID: String, incident: Incident) {
        self.projectID = projectID
        self.incident = incident
    }

    /// The listing order: when raised, then project, then number.
    public static func listingOrder(_ lhs: ProjectIncident, _ rhs: ProjectIncident) -> Bool {
        (lhs.incident.raisedAt, lhs.projectID, lhs.incident.id)
            < (rhs.incident.raisedAt, rhs.projectID, rhs.incident.id)
    }
}

/// An incident just raised or failed again, as the service reports it to its observers (the runner logs it).
public struct IncidentReport: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Hashable, Sendable {
        /// A new incident.
        case raised
        /// A retry (or the user's command again) failed; the incident stays open.
        case failedAgain
    }

    public let kind: Kind
    public let projectID: String
    /// The incident as stored after the step.
    public let incident: Incident
}
