import FlowCore
import Foundation
import GovFlowTestSupport
import Testing

@Suite struct EngineBasicsTests {
    let definition = try! Fixtures.load(Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["approve": "size", "reject": "rejected"])),
        {"id": "size", "type": "exclusive",
         "branches": [{"when": "true", "to": "approved"}]},
        {"id": "approved", "type": "end", "result": "approved"},
        {"id": "rejected", "type": "end", "result": "rejected"}
        """))

    @Test func approvingTheOnlyTaskEndsApproved() throws {
        let engine = Fixtures.engine(definition)
        let started = try engine.start(projectID: "p1", variables: ["amount": .number(100)],
                                       actor: Actor(id: "unit"), at: TestTime.morning("2024-09-27"))
        let task = try #require(started.state.openTasks.first)
        #expect(task.nodeID == "review")
        let decided = try engine.handle(
            .decide(task: task.id, actor: Fixtures.reviewer, outcome: "approve", comment: "同意", data: .null),
            state: started.state, at: TestTime.morning("2024-09-30"))
        #expect(decided.state.status == .ended(result: "approved"))
        #expect(decided.state.tokens.isEmpty)
        #expect(decided.state.timers.isEmpty)
    }
}
