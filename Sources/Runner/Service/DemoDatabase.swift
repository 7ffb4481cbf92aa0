import FlowCore
import Foundation
import GovFlowAPI
import SQLiteStore

/// `govflow serve --demo`: fills a fresh database with projects of every bundled workflow at different stages,
/// made through the real service on a manual clock that runs from two months ago up to now, and writes a tokens
/// file with one token for each role.
///
/// Each project is started by the demo unit and its tasks are decided, one at a time with the first outcome the
/// task offers and its example data, by an actor the task's assignee includes (the unit itself when it may). Some
/// projects stop early, so their time limits expire and show as overdue.
struct DemoDatabase {
    /// One demo project: started `daysAgo` calendar days before today; `decisions` tasks decided, one every
    /// `spacing` calendar days.
    struct Plan: Sendable {
        let workflow: String
        let id: String
        let variables: [String: JSONValue]
        let daysAgo: Int
        let decisions: Int
        let spacing: Int
    }

    /// What was made: projects by workflow, and the tokens written.
    struct Result: Sendable {
        var projects: [String: Int] = [:]
        var tokens: [DemoToken] = []
    }

    /// A person of the demo with their role and token.
    struct DemoToken: Sendable {
        let role: String
        let actor: String
        let department: String?
        let token: String
        /// Roles of definitions' assignees the person also holds (the expert's panels).
        var taskRoles: [String] = []
    }

    /// The unit that applies for every demo project.
    static let unit = Actor(id: "示范单位经办人", department: "示范科技有限公司", roles: ["project-unit"])

    /// Three projects per bundled workflow: stalled long enough to be overdue, far along (or ended), just started.
    static func plans() -> [Plan] {
        let workflows: [(String, [String: JSONValue])] = [
            ("tinghu", ["amount": .number(300)]),
            ("jianshan", ["amount": .number(180)]),
            ("shangcheng", ["amount": .number(260)]),
            ("shangrao", ["amount": .number(450), "category": .string("其他类别")]),
            ("yushan", ["amount": .number(120)]),
        ]
        return workflows.flatMap { workflow, variables in [
            Plan(workflow: workflow, id: "\(workflow)-2026-01", variables: variables, daysAgo: 40, decisions: 1,
                 spacing: 3),
            Plan(workflow: workflow, id: "\(workflow)-2026-02", variables: variables, daysAgo: 62, decisions: 12,
                 spacing: 4),
            Plan(workflow: workflow, id: "\(workflow)-2026-03", variables: variables, daysAgo: 2, decisions: 0,
                 spacing: 1),
        ] }
    }

    /// Whether the database at `path` holds projects (a missing file holds none).
    static func hasProjects(_ path: String) throws(ServeError) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        do {
            let store = try SQLiteProjectStore(path: path)
            defer { store.close() }
            return try store.statistics().projectsByStatus.values.reduce(0, +) > 0
        } catch {
            throw .store(error)
        }
    }

    /// The first demo project's start: where the demo's manual clock begins.
    static func firstStart(now: Date) -> Date {
        let daysAgo = plans().map(\.daysAgo).max() ?? 0
        return CivilDate(chinaDateOf: now).adding(days: -daysAgo).startInChina.addingTimeInterval(9.5 * 3600)
    }

    /// Makes the demo projects through `service`, moving `clock` from `firstStart(now:)` up to `now`.
    static func fill(_ service: WorkflowService, clock: ManualClock, now: Date) throws(ServiceError) -> [String: Int] {
        let today = CivilDate(chinaDateOf: now)
        var steps: [(at: Date, plan: Plan, decision: Int)] = []
        for plan in plans() {
            let start = today.adding(days: -plan.daysAgo).startInChina.addingTimeInterval(9.5 * 3600)
            for decision in 0...plan.decisions {
                let at = start.addingTimeInterval(TimeInterval(decision * plan.spacing) * 86_400)
                if at < now { steps.append((at, plan, decision)) }
            }
        }
        steps.sort { $0.at < $1.at || ($0.at == $1.at && $0.plan.id < $1.plan.id) }
        var projects: [String: Int] = [:]
        for step in steps {
            clock.set(step.at)
            _ = try service.fireDueTimers()
            if step.decision == 0 {
                _ = try service.start(projectID: step.plan.id, workflow: step.plan.workflow,
                                      variables: step.plan.variables, actor: unit)
                projects[step.plan.workflow, default: 0] += 1
            } else {
                try decideOne(of: step.plan.id, service)
            }
        }
        clock.set(now)
        _ = try service.fireDueTimers()
        return projects
    }

    /// Decides (or hands back) the first open task an actor of its assignee may answer; nothing when none can.
    private static func decideOne(of project: String, _ service: WorkflowService) throws(ServiceError) {
        let state = try service.currentState(of: project)
        guard state.isRunning else { return }
        for task in state.openTasks.sorted(by: { $0.id < $1.id }) {
            let actor = actor(for: task.assignee)
            let command: Command = task.delegatedBy == nil
                ? .decide(task: task.id, actor: actor, outcome: task.outcomes[0], comment: "同意", data: task.exampleData)
                : .handBack(task: task.id, actor: actor, comment: nil)
            do {
                try service.perform(command, on: project)
                return
            } catch {
                // A refusal (another task must be answered first, a stage waiting for a date…): try the next one.
                if case .incident = error { throw error }
            }
        }
    }

    /// The person who answers a task assigned to `assignee`: the demo unit when the assignee includes it.
    static func actor(for assignee: Assignee) -> Actor {
        if assignee.includes(unit) { return unit }
        switch assignee {
        case .actor(let id): return Actor(id: id)
        case .department(let department): return Actor(id: "\(department)经办人", department: department,
                                                       roles: ["reviewing-office"])
        case .role(let role): return Actor(id: "\(role)-示范", roles: [role])
        }
    }
}

extension DemoDatabase {
    /// Where the demo's tokens file goes: next to the database, `<database>.tokens.json`.
    static func tokensPath(for database: String) -> String { database + ".tokens.json" }

    /// One person per role; the reviewing office is the department with the most open tasks (so its inbox is full).
    static func tokens(store: SQLiteProjectStore) throws(ServeError) -> [DemoToken] {
        let open: [OpenTaskRecord]
        do {
            open = try store.openTasks(for: .everyone(scope: .every))
        } catch {
            throw .store(error)
        }
        var departments: [String: Int] = [:]
        var taskRoles: Set<String> = []
        for record in open {
            switch record.task.assignee {
            case .department(let name): departments[name, default: 0] += 1
            case .role(let name) where Role(rawValue: name) == nil: taskRoles.insert(name)
            default: break
            }
        }
        let reviewer = departments.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            ?? "区数据局"
        return [
            DemoToken(role: "administrator", actor: "demo-admin", department: nil, token: newToken("admin")),
            DemoToken(role: "project-unit", actor: unit.id, department: unit.department, token: newToken("unit")),
            DemoToken(role: "reviewing-office", actor: "\(reviewer)经办人", department: reviewer,
                      token: newToken("reviewer")),
            DemoToken(role: "expert", actor: "expert-示范", department: nil, token: newToken("expert"),
                      taskRoles: taskRoles.sorted()),
            DemoToken(role: "auditor", actor: "demo-auditor", department: "审计局", token: newToken("auditor")),
        ]
    }

    /// A random token: the role's name, then 32 hexadecimal digits.
    private static func newToken(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
        return "demo-\(prefix)-" + digits.joined()
    }

    /// One entry of the tokens file `govflow serve --tokens` reads.
    private struct FileEntry: Encodable {
        let token: String
        let actor: String
        let department: String?
        let roles: [String]
        let taskRoles: [String]
    }

    /// The tokens file `govflow serve --tokens` reads, one entry a line.
    static func tokensFile(_ tokens: [DemoToken]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = tokens.map { token in
            let entry = FileEntry(token: token.token, actor: token.actor, department: token.department,
                                  roles: [token.role], taskRoles: token.taskRoles)
            // Encoding strings and string lists cannot fail.
            return String(decoding: (try? encoder.encode(entry)) ?? Data(), as: UTF8.self)
        }
        return Data(("{\"tokens\": [\n  " + lines.joined(separator: ",\n  ") + "\n]}\n").utf8)
    }

    /// What `serve --demo` prints: the projects made and each role's token.
    static func summary(_ result: Result, tokensPath: String, today: CivilDate) -> String {
        let count = result.projects.values.reduce(0, +)
        var lines = ["govflow demo: \(count) projects of \(result.projects.count) workflows ("
            + result.projects.keys.sorted().joined(separator: ", ") + "), made up to \(today.iso) (北京时间)",
            "tokens (also in \(tokensPath)); paste one on the console's 登录 page:"]
        for token in result.tokens {
            let who = token.actor + (token.department.map { "（\($0)）" } ?? "")
                + (token.taskRoles.isEmpty ? "" : " " + token.taskRoles.joined(separator: "、"))
            let role = token.role.padding(toLength: 17, withPad: " ", startingAt: 0)
            lines.append("  " + role + token.token + "  " + who)
        }
        return lines.joined(separator: "\n")
    }
}
