import FlowCore
import Foundation
import Testing

/// A user's command that fails inside a plugin raises an incident and changes nothing else; a refusal of the
/// request itself raises none.
@Suite struct IncidentCommandTests {
    static let gateError = "stage \"gate\" refused entry: amount 500 is above this gate's limit of 300"

    func decide(_ fixture: IncidentFixture, _ outcome: String) throws {
        let task = try #require(try fixture.state("bad").openTasks.first)
        try fixture.service.perform(.decide(task: task.id, actor: Fixtures.reviewer, outcome: outcome, comment: nil,
                                            data: .null), on: "bad")
    }

    @Test func decisionFailingInsideAPlugin_RaisesAnIncident_AndStoresNothingElse() throws {
        // given
        let fixture = try IncidentFixture(projects: ["bad": 500])
        let before = try fixture.state("bad")
        let count = try fixture.service.history(of: "bad").count
        // when
        var thrown: ServiceError?
        do { try decide(fixture, "pass") } catch { thrown = error as? ServiceError }
        // then
        #expect(thrown?.description == "the command failed inside the engine and changed nothing: \(Self.gateError); "
            + "incident 1 of project \"bad\" records it for an administrator (see docs/operations.md, \"Incidents\")")
        #expect(try fixture.events("bad", after: count) == [
            .incidentRaised(incident: 1, timer: nil, command: "decide task 4 with \"pass\" by li",
                            error: Self.gateError),
        ])
        let after = try fixture.state("bad")
        #expect(after.openTasks == before.openTasks)
        #expect(after.timers == before.timers)
        #expect(after.activations == before.activations)
        #expect(after.suspendedTimerIDs == [])
        // The deadline still runs: nothing of the project's timers was suspended.
        #expect(try fixture.service.store.nextTimer()?.timerID == 3)
    }

    @Test func sameCommandFailingAgain_RecordsOnTheOpenIncident_ThenSucceedsAfterTheFix() throws {
        let fixture = try IncidentFixture(projects: ["bad": 500])
        #expect(throws: ServiceError.self) { try decide(fixture, "pass") }
        let count = try fixture.service.history(of: "bad").count
        #expect(throws: ServiceError.self) { try decide(fixture, "pass") }
        #expect(try fixture.events("bad", after: count) == [.incidentRetryFailed(incident: 1, error: Self.gateError)])
        #expect(try fixture.state("bad").incidents[1]?.failures == 2)
        #expect(try fixture.state("bad").incidents.count == 1)

        fixture.build.deployFix()
        try decide(fixture, "pass")
        #expect(try fixture.state("bad").status == .ended(result: "approved"))
        // The incident waits for an administrator, who resolves it with a comment.
        #expect(try fixture.state("bad").openIncidents.map(\.id) == [1])
        var retried = ""
        do {
            try fixture.service.retryIncident(1, of: "bad", actor: IncidentFixture.administrator, comment: nil)
        } catch {
            retried = "\(error)"
        }
        #expect(retried == "incident 1 cannot be retried: it was raised by a user's command (decide task 4 with "
            + "\"pass\" by li); the user repeats the command once the cause is fixed, then an administrator resolves "
            + "the incident")
        try fixture.service.resolveIncident(1, of: "bad", moveTo: nil, actor: IncidentFixture.administrator,
                                            comment: "用户已重新提交")
        #expect(try fixture.last("bad")?.event
            == .incidentResolved(incident: 1, resolution: .marked, movedTo: nil, comment: "用户已重新提交"))
    }

    @Test func businessRefusal_RaisesNoIncident() throws {
        let fixture = try IncidentFixture(projects: ["bad": 500])
        let count = try fixture.service.history(of: "bad").count
        var thrown: ServiceError?
        do { try decide(fixture, "approve") } catch { thrown = error as? ServiceError }
        #expect(thrown?.description == "task 4 has no outcome \"approve\"; choose one of \"pass\", \"revise\"")
        #expect(try fixture.service.history(of: "bad").count == count)
        #expect(try fixture.state("bad").incidents.isEmpty)
    }

    @Test func everyEngineErrorIsClassified() {
        #expect(EngineError.entryRefused(node: "n", reason: "r").raisesIncident)
        #expect(EngineError.expressionFailed(node: "n", message: "m").raisesIncident)
        #expect(EngineError.stageMisbehaved(node: "n", kind: "k", problem: "p").raisesIncident)
        #expect(EngineError.runaway(node: "n").raisesIncident)
        #expect(!EngineError.refused(node: "n", reason: "r").raisesIncident)
        #expect(!EngineError.taskNotFound(1).raisesIncident)
        #expect(!EngineError.notAssignee(task: 1, actor: "a", assignee: .role("r")).raisesIncident)
        #expect(!EngineError.outcomeNotOffered(task: 1, outcome: "o", offered: []).raisesIncident)
    }
}
