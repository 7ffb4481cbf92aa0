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

    /// 09:00 China Standard Time on a date.
    static func morning(_ iso: String) -> Date {
        CivilDate(iso: iso)!.startInChina.addingTimeInterval(9 * 3600)
    }
}

/// A stage kind that records nothing itself but opens one task, schedules an own timer when asked, and completes
/// on a decision or on its timer: for testing how the engine calls plugins.
struct RecordingStage: StageKind {
    let identifier = "recording"
    let summary = "test stage"

    func validate(parameters: JSONValue) -> [ParameterProblem] {
        var reader = ParameterReader(parameters)
        reader.rejectUnknown(allowed: ["timer"])
        _ = reader.period("timer", required: false)
        return reader.problems
    }

    func outcomes(for parameters: JSONValue) -> [String] { ["done", "timed-out"] }

    func enter(_ context: StageContext) throws(StageRefusal) -> [StageAction] {
        var actions: [StageAction] = [
            .setState(.object(["entered": .string(context.today.iso)])),
            .openTask(TaskRequest(key: "work", title: "work", assignee: .role("reviewer"), outcomes: ["done"])),
        ]
        if let text = context.parameters["timer"]?.stringValue, let period = try? Period.parse(text) {
            actions.append(.scheduleTimer(key: "own", after: period))
        }
        return actions
    }

    func decide(_ decision: TaskDecision, in context: StageContext) throws(StageRefusal) -> [StageAction] {
        if decision.comment == "refuse" { throw StageRefusal("the comment asked to refuse") }
        return [.recordFact(name: "worker", value: .string(decision.actor.id)), .complete(outcome: "done")]
    }

    func timerFired(_ timer: FiredTimer, in context: StageContext) -> [StageAction] {
        switch timer {
        case .own: return [.complete(outcome: "timed-out")]
        case .deadline(let id): return [.note(kind: "overdue", message: "deadline \(id) passed", data: .null)]
        case .reminder(let id): return [.note(kind: "reminder", message: "deadline \(id) is near", data: .null)]
        }
    }

    func cancelled(_ context: StageContext, reason: CancellationReason) -> [StageAction] {
        [.note(kind: "cancelled", message: reason.description, data: .null)]
    }
}
