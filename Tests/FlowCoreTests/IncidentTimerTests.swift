import FlowCore
import Foundation
import Testing

/// A deadline whose firing fails inside a plugin raises an incident on that one project, suspends that timer, and
/// leaves every other timer firing on time; an administrator retries or resolves it.
@Suite struct IncidentTimerTests {
    static let gateError = "stage \"gate\" refused entry: amount 500 is above this gate's limit of 300"
    static let command = "fire timer 3 (deadline \"opinion\" of node \"review\")"

    @Test func failingDeadline_RaisesAnIncident_AndTheOtherProjectsDeadlineStillFiresInTheSameTick() throws {
        // given
        let fixture = try IncidentFixture()
        let before = try fixture.service.history(of: "bad").count
        #expect(try fixture.state("bad").pendingTimers.map(\.id) == [3])
        // when
        fixture.clock.set(IncidentFixture.deadlineFires)
        let batch = try fixture.service.fireDueTimerBatch()
        // then
        #expect(batch.fired == [ScheduledTimer(projectID: "good", timerID: 3, fireAt: IncidentFixture.deadlineFires)])
        #expect(batch.incidents == [ProjectIncidentNumber(projectID: "bad", incident: 1)])
        #expect(try fixture.events("bad", after: before) == [
            .incidentRaised(incident: 1, timer: 3, command: Self.command, error: Self.gateError),
        ])
        #expect(try fixture.last("bad")?.actor == .system)
        #expect(try fixture.state("good").status == .ended(result: "approved"))
        #expect(try fixture.service.history(of: "good").contains { $0.event == .timerFired(timer: 3, lateBy: 0) })
        let bad = try fixture.state("bad")
        #expect(bad.isRunning)
        #expect(bad.openTasks.map(\.nodeID) == ["review"])
        #expect(bad.timers[3] != nil)
        #expect(bad.suspendedTimerIDs == [3])
        #expect(bad.openIncidents == [Incident(id: 1, timer: 3, command: Self.command, error: Self.gateError,
                                               failures: 1, raisedAt: IncidentFixture.deadlineFires, status: .open)])
        // The suspended timer is not offered again: the next tick has nothing to do.
        #expect(try fixture.service.store.dueTimers(through: .distantFuture, limit: 10) == [])
        #expect(try fixture.service.store.nextTimer() == nil)
        #expect(try fixture.service.fireDueTimerBatch().isEmpty)
        #expect(try fixture.service.incidents(status: .open).map { "\($0.projectID)#\($0.incident.id)" } == ["bad#1"])
        #expect(try fixture.service.incidents(status: .resolved) == [])
    }

    @Test func retryThatFailsAgain_RecordsTheNewErrorAndKeepsTheIncidentOpen_ThenARetryAfterTheFixSucceeds() throws {
        // given
        let fixture = try IncidentFixture()
        fixture.clock.set(IncidentFixture.deadlineFires)
        try fixture.service.fireDueTimers()
        let raised = try fixture.service.history(of: "bad").count
        fixture.clock.set(IncidentFixture.deadlineFires.addingTimeInterval(3600))
        // when: retried before the fix
        var message = ""
        do {
            try fixture.service.retryIncident(1, of: "bad", actor: IncidentFixture.administrator, comment: "再试一次")
        } catch {
            message = error.description
        }
        // then
        #expect(message == "retrying incident 1 of project \"bad\" failed again: \(Self.gateError); the incident "
            + "stays open with this error")
        #expect(try fixture.events("bad", after: raised) == [.incidentRetryFailed(incident: 1, error: Self.gateError)])
        #expect(try fixture.last("bad")?.actor == IncidentFixture.administrator)
        #expect(try fixture.state("bad").incidents[1]?.failures == 2)
        #expect(try fixture.state("bad").suspendedTimerIDs == [3])

        // when: the fixed plugin is deployed, and retried
        fixture.build.deployFix()
        let failed = try fixture.service.history(of: "bad").count
        try fixture.service.retryIncident(1, of: "bad", actor: IncidentFixture.administrator, comment: "插件已修复")
        // then: the deadline fires an hour late, the project goes through the gate, and the incident is resolved
        let events = try fixture.events("bad", after: failed)
        #expect(events.first == .timerFired(timer: 3, lateBy: 3600))
        #expect(events.last == .incidentResolved(incident: 1, resolution: .retried, movedTo: nil, comment: "插件已修复"))
        #expect(events.contains(.instanceEnded(node: "approved", result: "approved")))
        #expect(try fixture.last("bad")?.actor == IncidentFixture.administrator)
        let incident = try #require(try fixture.state("bad").incidents[1])
        #expect(incident.status == .resolved)
        #expect(incident.resolvedBy == "admin")
        #expect(incident.resolvedAt == IncidentFixture.deadlineFires.addingTimeInterval(3600))
        #expect(try fixture.service.incidents(status: .open) == [])
        #expect(try fixture.service.incidents().map(\.incident) == [incident])
    }

    @Test func resolveByMove_CancelsTheStageAndEntersTheNode_WithANewDeadline() throws {
        // given
        let fixture = try IncidentFixture(projects: ["bad": 500])
        fixture.clock.set(IncidentFixture.deadlineFires)
        try fixture.service.fireDueTimers()
        let raised = try fixture.service.history(of: "bad").count
        fixture.clock.set(CivilDate(iso: "2024-09-10")!.startInChina.addingTimeInterval(10 * 3600))
        // when
        try fixture.service.resolveIncident(1, of: "bad", moveTo: "review", actor: IncidentFixture.administrator,
                                            comment: "退回重新审查")
        // then
        let events = try fixture.events("bad", after: raised)
        #expect(events.prefix(5) == [
            .incidentResolved(incident: 1, resolution: .moved, movedTo: "review", comment: "退回重新审查"),
            .taskClosed(task: 4, reason: "stage cancelled: an administrator moved the project to \"review\" to "
                + "resolve an incident"),
            .timerCancelled(timer: 3),
            .stageCancelled(activation: 2, reason: .moved(to: "review")),
            .tokenMoved(token: 1, node: "review", scope: nil),
        ])
        let state = try fixture.state("bad")
        #expect(state.openIncidents == [])
        #expect(state.incidents[1]?.movedTo == "review")
        // Re-entered on Tuesday 2024-09-10: the new deadline is five working days later, and it is offered again.
        #expect(state.pendingTimers.map { "\($0.id) \($0.due.date)" } == ["6 2024-09-17"])
        #expect(try fixture.service.store.nextTimer()?.timerID == 6)
    }

    @Test func markResolved_CancelsTheSuspendedTimer_AndTheProjectWaitsAtItsTask() throws {
        let fixture = try IncidentFixture(projects: ["bad": 500])
        fixture.clock.set(IncidentFixture.deadlineFires)
        try fixture.service.fireDueTimers()
        let raised = try fixture.service.history(of: "bad").count
        try fixture.service.resolveIncident(1, of: "bad", moveTo: nil, actor: IncidentFixture.administrator,
                                            comment: "逾期已线下处理")
        #expect(try fixture.events("bad", after: raised) == [
            .incidentResolved(incident: 1, resolution: .marked, movedTo: nil, comment: "逾期已线下处理"),
            .timerCancelled(timer: 3),
        ])
        #expect(try fixture.state("bad").openTasks.map(\.nodeID) == ["review"])
        #expect(try fixture.state("bad").timers.isEmpty)
    }

    @Test func incidentRequestsThatDoNotApply_AreRefusedWithTheReason() throws {
        let fixture = try IncidentFixture(projects: ["bad": 500])
        fixture.clock.set(IncidentFixture.deadlineFires)
        try fixture.service.fireDueTimers()
        let admin = IncidentFixture.administrator
        func message(_ body: () throws -> Void) -> String {
            do { try body() } catch { return "\(error)" }
            return "no error"
        }
        #expect(message { try fixture.service.retryIncident(2, of: "bad", actor: admin, comment: nil) }
            == "there is no incident 2 in this project")
        let misspelt = message {
            try fixture.service.resolveIncident(1, of: "bad", moveTo: "reveiw", actor: admin, comment: nil)
        }
        #expect(misspelt == "the project cannot be moved to \"reveiw\": definition test@1 has no such node; did you "
            + "mean \"review\"?")
        let count = try fixture.service.history(of: "bad").count
        #expect(try fixture.state("bad").openIncidents.count == 1)
        try fixture.service.resolveIncident(1, of: "bad", moveTo: nil, actor: admin, comment: "已处理")
        #expect(message { try fixture.service.resolveIncident(1, of: "bad", moveTo: nil, actor: admin, comment: nil) }
            == "incident 1 is resolved already")
        #expect(try fixture.service.history(of: "bad").count == count + 2)
    }
}
