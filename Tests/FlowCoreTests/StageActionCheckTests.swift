import FlowCore
import Foundation
import GovFlowTestSupport
import Stages
import Testing

/// A stage kind that opens the task `key` on entry and, when it is decided (or the stage cancelled), returns the
/// actions its parameters name: for testing that the engine checks every action a plugin returns.
struct MisbehavingStage: StageKind {
    let identifier = "misbehaving"
    let summary = "returns what the test asks"

    struct Parameters: Sendable {
        let key: String
        let onDecide: String
        let onCancel: String
    }

    struct State: Codable, Sendable {
        let seen: Int
    }

    func readParameters(_ reader: inout ParameterReader) -> Parameters? {
        Parameters(key: reader.string("key", required: true) ?? "",
                   onDecide: reader.string("onDecide", required: false) ?? "",
                   onCancel: reader.string("onCancel", required: false) ?? "")
    }

    func outcomes(for parameters: Parameters) -> [String] { ["done"] }

    func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        [.setState(State(seen: 1)),
         .openTask(TaskRequest(key: context.parameters.key, title: "work", assignee: .role("reviewer"),
                               outcomes: ["done"]))]
    }

    func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        actions(context.parameters.onDecide)
    }

    func cancelled(_ context: Context, reason: CancellationReason) -> [Action] {
        actions(context.parameters.onCancel)
    }

    private func actions(_ name: String) -> [Action] {
        switch name {
        case "zero-workdays": return [.scheduleTimer(key: "reminder", after: .workdays(0))]
        case "zero-due": return [.openTask(TaskRequest(key: "more", title: "more", assignee: .role("reviewer"),
                                                       outcomes: ["done"], due: .days(0)))]
        case "undeclared": return [.complete(outcome: "maybe")]
        case "close-other": return [.closeTask(key: "a-work", reason: "not mine")]
        case "reopen": return [.openTask(TaskRequest(key: "other", title: "again", assignee: .role("reviewer"),
                                                     outcomes: ["done"])),
                               .openTask(TaskRequest(key: "other", title: "again", assignee: .role("reviewer"),
                                                     outcomes: ["done"]))]
        case "complete": return [.note(kind: "cancelled", message: "noted", data: .null), .complete(outcome: "done")]
        case "note-only": return [.note(kind: "cancelled", message: "noted", data: .null)]
        default: return [.complete(outcome: "done")]
        }
    }
}

@Suite struct StageActionCheckTests {
    static let registry = StageRegistry([HumanTaskStage(), MisbehavingStage()])

    /// Two misbehaving stages in parallel: "a" opens "a-work", "b" opens "b-work" and misbehaves as told.
    static func engine(onDecide: String = "complete-normally", onCancel: String = "note-only") throws -> WorkflowEngine {
        let text = Fixtures.document(nodes: """
            {"id": "split", "type": "parallel", "branches": ["a", "b"], "join": "join"},
            {"id": "a", "type": "stage", "stage": "misbehaving",
             "parameters": {"key": "a-work", "onCancel": "\(onCancel)"}, "outcomes": {"done": "join"}},
            {"id": "b", "type": "stage", "stage": "misbehaving",
             "parameters": {"key": "b-work", "onDecide": "\(onDecide)"}, "outcomes": {"done": "join"}},
            {"id": "join", "type": "join", "next": "approved"},
            {"id": "approved", "type": "end", "result": "approved"}
            """, start: "split")
        let definition = try DefinitionLoader(registry: registry).load(text, file: "misbehaving.json")
        return WorkflowEngine(definition: definition, registry: registry, calendar: WeekendOnlyCalendar())
    }

    static let now = TestTime.morning("2024-09-02")

    /// The error deciding "b-work" gives, after checking that the engine refused it.
    func decidingB(_ onDecide: String) throws -> EngineError? {
        let engine = try Self.engine(onDecide: onDecide)
        let state = try engine.start(projectID: "p", variables: ["amount": .number(1)],
                                     actor: Fixtures.reviewer, at: Self.now).state
        let task = try #require(state.openTasks.first { $0.key == "b-work" })
        do {
            _ = try engine.handle(.decide(task: task.id, actor: Fixtures.reviewer, outcome: "done", comment: nil,
                                          data: .null), state: state, at: Self.now)
            return nil
        } catch {
            return error
        }
    }

    @Test func aTimerAfterZeroWorkdaysIsAnErrorNotATrap() throws {
        #expect(try decidingB("zero-workdays") == .stageMisbehaved(node: "b", kind: "misbehaving", problem:
            #"action 1 (scheduleTimer(key: "reminder", after: 0 workdays)) schedules a timer after an invalid period: a period counts from 1 to 10000 units, found 0 workdays"#))
    }

    @Test func aTaskDueInZeroDaysIsAnError() throws {
        #expect(try decidingB("zero-due")?.description == #"stage kind "misbehaving" at node "b" returned an invalid action: action 1 (openTask(key: "more", outcomes: "done", due: 0 days)) gives the task an invalid due period: a period counts from 1 to 10000 units, found 0 days"#)
    }

    @Test func anOutcomeTheKindDoesNotDeclareIsAnError() throws {
        #expect(try decidingB("undeclared")?.description == #"stage kind "misbehaving" at node "b" returned an invalid action: action 1 (complete(outcome: "maybe")) completes with "maybe", which the kind does not declare; it declares "done""#)
    }

    @Test func closingAnotherStagesTaskIsAnError() throws {
        #expect(try decidingB("close-other")?.description == #"stage kind "misbehaving" at node "b" returned an invalid action: action 1 (closeTask(key: "a-work", reason: "not mine")) closes a task with key "a-work", but the stage has no such open task"#)
    }

    @Test func openingASecondTaskWithAnOpenKeyIsAnError() throws {
        #expect(try decidingB("reopen")?.description == #"stage kind "misbehaving" at node "b" returned an invalid action: action 2 (openTask(key: "other", outcomes: "done")) opens a task with key "other", which is already open"#)
    }

    @Test func completingWhileCancelledIsAnErrorAndTheWithdrawalChangesNothing() throws {
        let engine = try Self.engine(onCancel: "complete")
        let state = try engine.start(projectID: "p", variables: ["amount": .number(1)], actor: Fixtures.reviewer,
                                     at: Self.now).state
        #expect(throws: EngineError.stageMisbehaved(node: "a", kind: "misbehaving", problem:
            #"action 2 (complete(outcome: "done")) is not allowed while the stage is cancelled; a cancelled stage may only save its state, record facts and notes"#)) {
            _ = try engine.handle(.withdraw(actor: Fixtures.reviewer, comment: nil), state: state, at: Self.now)
        }
    }

    @Test func aValidDecisionStillCompletes() throws {
        #expect(try decidingB("complete-normally") == nil)
    }

    @Test func aStoredStateThatNoLongerDecodesIsATypedErrorNamingTheNode() throws {
        let engine = try Self.engine()
        var state = try engine.start(projectID: "p", variables: ["amount": .number(1)], actor: Fixtures.reviewer,
                                     at: Self.now).state
        let task = try #require(state.openTasks.first { $0.key == "b-work" })
        // As if an older version of the plugin had stored another shape of state.
        try state.apply(HistoryEntry(sequence: state.lastSequence + 1, at: Self.now, actor: .system,
                                     event: .stageStateSaved(activation: task.activationID,
                                                             state: .object(["opinions": .array([])]))))
        #expect(throws: EngineError.stageStateUnreadable(node: "b", kind: "misbehaving", activation: task.activationID,
                                                         problem: #"missing key "seen" at $"#)) {
            _ = try engine.handle(.decide(task: task.id, actor: Fixtures.reviewer, outcome: "done", comment: nil,
                                          data: .null), state: state, at: Self.now)
        }
    }
}

/// What a plugin's invalid action does to a running service: an incident on that one project, never a trap.
@Suite struct StageActionIncidentTests {
    @Test func aPluginReturningZeroWorkdaysRaisesAnIncidentOnItsProjectAndTheOthersGoOn() throws {
        let definition = Fixtures.document(nodes: """
            {"id": "b", "type": "stage", "stage": "misbehaving",
             "parameters": {"key": "b-work", "onDecide": "zero-workdays"}, "outcomes": {"done": "approved"}},
            {"id": "approved", "type": "end", "result": "approved"}
            """, start: "b")
        let other = definition.replacingOccurrences(of: "zero-workdays", with: "complete-normally")
            .replacingOccurrences(of: #""id": "test""#, with: #""id": "test-ok""#)
        let service = try WorkflowService(registry: StageActionCheckTests.registry,
                                          calendars: ["weekends": WeekendOnlyCalendar()],
                                          store: InMemoryProjectStore(),
                                          clock: ManualClock(at: CivilDate(iso: "2024-09-02")!))
        try service.deploy(source: definition, file: "bad.json")
        try service.deploy(source: other, file: "good.json")
        let bad = try service.start(projectID: "bad", workflow: "test", variables: ["amount": .number(1)],
                                    actor: Fixtures.reviewer)
        _ = try service.start(projectID: "good", workflow: "test-ok", variables: ["amount": .number(1)],
                              actor: Fixtures.reviewer)
        let decide = { (project: String) throws in
            let task = try #require(try service.currentState(of: project).openTasks.first)
            try service.perform(.decide(task: task.id, actor: Fixtures.reviewer, outcome: "done", comment: nil,
                                        data: .null), on: project)
        }
        let problem = #"action 1 (scheduleTimer(key: "reminder", after: 0 workdays)) schedules a timer after an "#
            + "invalid period: a period counts from 1 to 10000 units, found 0 workdays"
        let error = EngineError.stageMisbehaved(node: "b", kind: "misbehaving", problem: problem).description
        #expect(throws: ServiceError.self) { try decide("bad") }
        let history = try service.history(of: "bad")
        #expect(history.dropFirst(bad.entries.count).map(\.event) == [
            .incidentRaised(incident: 1, timer: nil, command: #"decide task 3 with "done" by li"#, error: error),
        ])
        #expect(try service.currentState(of: "bad").openTasks.map(\.key) == ["b-work"])
        try decide("good")
        #expect(try service.currentState(of: "good").status == .ended(result: "approved"))
    }
}
