/// Someone who acts on a project: an applicant, a reviewer, an expert, an administrator, or the system itself.
public struct Actor: Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier of the person or office (e.g. "zhang.wei", "tinghu-data-bureau").
    public let id: String
    /// The department the actor belongs to, if any (e.g. "区财政局").
    public let department: String?
    /// The roles the actor holds (e.g. "reviewer", "expert", "project-unit").
    public let roles: Set<String>

    public init(id: String, department: String? = nil, roles: Set<String> = []) {
        self.id = id
        self.department = department
        self.roles = roles
    }

    /// The engine itself, which fires timers and takes automatic steps.
    public static let system = Actor(id: "system")

    public var description: String { id }
}

/// Who a human task is for.
public enum Assignee: Hashable, Sendable, CustomStringConvertible {
    /// One named actor.
    case actor(String)
    /// Anyone in a department.
    case department(String)
    /// Anyone holding a role.
    case role(String)

    /// Whether `actor` may act on a task assigned this way.
    public func includes(_ actor: Actor) -> Bool {
        switch self {
        case .actor(let id): return actor.id == id
        case .department(let department): return actor.department == department
        case .role(let role): return actor.roles.contains(role)
        }
    }

    public var description: String {
        switch self {
        case .actor(let id): return "actor \"\(id)\""
        case .department(let department): return "department \"\(department)\""
        case .role(let role): return "role \"\(role)\""
        }
    }
}
