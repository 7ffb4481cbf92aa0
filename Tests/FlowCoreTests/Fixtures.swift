import FlowCore
import Foundation
import Stages

/// Builders for definitions and engines used across the engine tests.
enum Fixtures {
    static let registry = StageRegistry([HumanTaskStage(), AutomaticStage(), RecordingStage()])

    /// A definition document with the given nodes (JSON text of the array's elements) and start node.
    static func document(nodes: String, start: String = "review", variables: String = #"{"amount": {"type": "decimal", "unit": "万元", "minimum": 0}}"#) -> String {
        """
        {
          "id": "test",
          "version": 1,
          "title": "测试流程",
          "jurisdiction": {"name": "测试区", "code": "320902"},
          "regulation": {"title": "测试办法"},
          "calendar": "weekends",
          "variables": \(variables),
          "start": "\(start)",
          "nodes": [
        \(nodes)
          ]
        }
        """
    }

    static func load(_ text: String, file: String = "test.json") throws(DefinitionError) -> WorkflowDefinition {
        try DefinitionLoader(registry: registry).load(text, file: file)
    }

    static func engine(_ definition: WorkflowDefinition) -> WorkflowEngine {
        WorkflowEngine(definition: definition, registry: registry, calendar: WeekendOnlyCalendar())
    }

    /// A human task stage node's JSON.
    static func task(_ id: String, outcomes: [String: String], assignee: String = #"{"role": "reviewer"}"#,
                     deadlines: String = "[]") -> String {
        let names = outcomes.keys.sorted()
        let routes = names.map { "\"\($0)\": \"\(outcomes[$0]!)\"" }.joined(separator: ", ")
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"id": "\(id)", "type": "stage", "stage": "human-task",
             "parameters": {"title": "\(id)", "assignee": \(assignee), "outcomes": [\(list)]},
             "outcomes": {\(routes)}, "deadlines": \(deadlines)}
        """
    }

    static let reviewer = Actor(id: "li", department: "区数据局", roles: ["reviewer"])
}

/// A stage kind that records nothing itself but opens one task, schedules an own timer when asked, and completes
/// on a decision or on its timer: for testing how the engine calls plugins.
struct RecordingStage: StageKind {
    let identifier = "recording"
    let summary = "test stage"

    struct Parameters: Sendable {
        let timer: Period?
    }

    struct State: Codable, Sendable {
        let entered: String
    }

    func readParameters(_ reader: inout ParameterReader) -> Parameters? {
        reader.rejectUnknown(allowed: ["timer"])
        return Parameters(timer: reader.period("timer", required: false))
    }

    func outcomes(for parameters: Parameters) -> [String] { ["done", "timed-out"] }

    func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        var actions: [Action] = [
            .setState(State(entered: context.today.iso)),
            .openTask(TaskRequest(key: "work", title: "work", assignee: .role("reviewer"), outcomes: ["done"])),
        ]
        if let period = context.parameters.timer {
            actions.append(.scheduleTimer(key: "own", after: period))
        }
        return actions
    }

    func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        if decision.comment == "refuse" { throw StageRefusal("the comment asked to refuse") }
        return [.recordFact(name: "worker", value: .string(decision.actor.id)), .complete(outcome: "done")]
    }

    func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        switch timer {
        case .own: return [.complete(outcome: "timed-out")]
        case .deadline(let id): return [.note(kind: "overdue", message: "deadline \(id) passed", data: .null)]
        case .reminder(let id): return [.note(kind: "reminder", message: "deadline \(id) is near", data: .null)]
        }
    }

    func cancelled(_ context: Context, reason: CancellationReason) -> [Action] {
        [.note(kind: "cancelled", message: reason.description, data: .null)]
    }
}
