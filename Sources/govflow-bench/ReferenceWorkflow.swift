import FlowCore
import Foundation
import Stages

/// The reference workflow of the benchmarks: pre-review, four departments in parallel, expert review, a gateway
/// on the amount, approval, procurement, trial run and acceptance.
enum ReferenceWorkflow {
    static func task(_ id: String, next: String, assignee: String = #"{"role": "reviewing-office"}"#) -> String {
        """
        {"id": "\(id)", "type": "stage", "stage": "human-task",
         "parameters": {"title": "\(id)", "assignee": \(assignee), "outcomes": ["approve"]},
         "outcomes": {"approve": "\(next)"},
         "deadlines": [{"id": "due", "period": "5 workdays", "interrupting": false, "remindBefore": ["1 workday"]}]}
        """
    }

    static let departments = ["office", "cyber", "finance", "audit"]

    static let source = """
        {"id": "reference", "version": 1, "title": "benchmark", "jurisdiction": {"name": "基准", "code": "320902"},
         "regulation": {"title": "基准"}, "calendar": "cn-mainland",
         "variables": {"amount": {"type": "decimal", "minimum": 0}},
         "start": "pre-review",
         "nodes": [
           \(task("pre-review", next: "departments")),
           {"id": "departments", "type": "parallel", "branches": [\(departments.map { "\"\($0)\"" }.joined(separator: ", "))], "join": "joined"},
           \(departments.map { task($0, next: "joined", assignee: "{\"department\": \"\($0)\"}") }.joined(separator: ",\n")),
           {"id": "joined", "type": "join", "next": "experts"},
           \(task("experts", next: "size")),
           {"id": "size", "type": "exclusive", "branches": [{"when": "project.amount >= 500", "to": "approval"}],
            "default": "approval"},
           \(task("approval", next: "procurement")),
           \(task("procurement", next: "trial-run")),
           \(task("trial-run", next: "acceptance")),
           \(task("acceptance", next: "accepted")),
           {"id": "accepted", "type": "end", "result": "accepted"}
         ]}
        """

    /// An actor allowed to decide every task of the reference workflow.
    static func actor(for assignee: Assignee) -> Actor {
        switch assignee {
        case .actor(let id): return Actor(id: id)
        case .department(let department): return Actor(id: "member", department: department)
        case .role(let role): return Actor(id: "reviewer", roles: [role])
        }
    }
}
