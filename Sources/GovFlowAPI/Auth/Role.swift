import FlowCore

/// What a caller may do through the API.
public enum Role: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Deploys definitions, starts, reads and withdraws any project.
    case administrator
    /// Starts projects and reads, decides (revision tasks) and withdraws its own.
    case projectUnit = "project-unit"
    /// Decides the tasks assigned to it, its department or its role; reads every project.
    case reviewingOffice = "reviewing-office"
    /// Decides the tasks assigned to it; reads every project.
    case expert
    /// Reads everything, writes nothing.
    case auditor

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who is calling: the actor the engine sees and the roles the API checks.
public struct Caller: Hashable, Sendable {
    /// The actor the engine sees (its roles are the role names).
    public let actor: Actor
    /// The roles the API checks.
    public let roles: Set<Role>

    /// A caller whose actor carries the role names, so tasks assigned to a role reach its holders, and the
    /// definitions' own task roles (`taskRoles`, e.g. "technical-expert"), which grant no API permission.
    public init(id: String, department: String?, roles: Set<Role>, taskRoles: Set<String> = []) {
        self.actor = Actor(id: id, department: department, roles: Set(roles.map(\.rawValue)).union(taskRoles))
        self.roles = roles
    }

    /// Every request acts as this when the server runs without a tokens file (loopback only).
    public static let localAdministrator = Caller(id: "local-administrator", department: nil, roles: [.administrator])

    /// Whether the caller reads every project (any role but project unit).
    var readsEveryProject: Bool { !roles.subtracting([.projectUnit]).isEmpty }

    /// Whether a project started by `starter` is the caller's own: same actor or same department.
    func owns(projectStartedBy starter: Actor) -> Bool {
        starter.id == actor.id || (starter.department != nil && starter.department == actor.department)
    }
}
