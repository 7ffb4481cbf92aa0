import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import SQLiteStore
import Testing

@Suite struct StoreRoundTripTests {
    /// Checks the durable store against replay and the in-memory reference run.
    func expectSame(_ durable: SQLiteProjectStore, _ reference: InMemoryProjectStore, step: String) throws {
        #expect(try durable.projectIDs() == reference.projectIDs(), "\(step)")
        for id in try reference.projectIDs() {
            let history = try durable.history(of: id)
            let state = try #require(try durable.state(of: id))
            #expect(try state == InstanceState.replay(id: id, history: history), "\(step): \(id) state != replay")
            #expect(state == (try reference.state(of: id)), "\(step): \(id) state differs from the in-memory run")
            #expect(history == (try reference.history(of: id)), "\(step): \(id) history differs")
        }
        #expect(try durable.nextTimer() == reference.nextTimer(), "\(step)")
        let far = TestTime.morning("2030-01-01")
        #expect(try durable.dueTimers(through: far, limit: 100) == reference.dueTimers(through: far, limit: 100))
        #expect(try durable.definitionRecords() == reference.definitionRecords(), "\(step)")
    }

    @Test func wholeProjectIsStoredAndReloadedStepByStep_matchingReplayAndTheInMemoryStore() throws {
        let path = try StoreFixtures.databasePath()
        let clock = ManualClock(TestTime.morning("2024-09-27"))
        let reference = InMemoryProjectStore()
        let referenceService = try StoreFixtures.service(reference, clock: clock)
        var durable = try SQLiteProjectStore(path: path)
        var service = try StoreFixtures.service(durable, clock: clock)

        let steps: [(String, (WorkflowService) throws -> Void)] = [
            ("start p1", { _ = try $0.start(projectID: "p1", workflow: "approval", variables: [:],
                                            actor: StoreFixtures.applicant) }),
            ("start p2", { _ = try $0.start(projectID: "p2", workflow: "approval", variables: [:],
                                            actor: StoreFixtures.applicant) }),
            ("review again", { try StoreFixtures.decide($0, "p1", at: "review", "again", comment: "补充材料") }),
            ("deadline passes", { _ = try TimerService(service: $0).tick() }),
            ("review passes", { try StoreFixtures.decide($0, "p1", at: "review", "pass") }),
            ("p2 withdrawn", { try $0.perform(.withdraw(actor: StoreFixtures.applicant, comment: "撤回"), on: "p2") }),
            ("approved", { try StoreFixtures.decide($0, "p1", at: "approve", "approve") }),
        ]
        for (name, step) in steps {
            if name == "deadline passes" { clock.set(TestTime.morning("2024-10-08")) }
            try step(service)
            try step(referenceService)
            try expectSame(durable, reference, step: name)
            // Reload from the file and check again, then go on with the reloaded store.
            durable.close()
            durable = try SQLiteProjectStore(path: path)
            service = try StoreFixtures.service(durable, clock: clock, deploy: false)
            try expectSame(durable, reference, step: "\(name), reopened")
            clock.advance(by: 3600)
        }
        #expect(try durable.state(of: "p1")?.status == .ended(result: "approved"))
        #expect(try durable.state(of: "p2")?.status == .withdrawn)
        #expect(try durable.integrityCheck() == "ok")
    }

    @Test func deployingVersionTwoLeavesARunningVersionOneProjectOnVersionOne() throws {
        let path = try StoreFixtures.databasePath()
        let clock = ManualClock(TestTime.morning("2024-09-27"))
        let store = try SQLiteProjectStore(path: path)
        let service = try StoreFixtures.service(store, clock: clock)
        _ = try service.start(projectID: "old", workflow: "approval", variables: [:], actor: StoreFixtures.applicant)

        try service.deploy(source: StoreFixtures.definition(version: 2, title: "新版流程"), file: "approval-v2.json")
        _ = try service.start(projectID: "new", workflow: "approval", variables: [:], actor: StoreFixtures.applicant)
        try StoreFixtures.decide(service, "old", at: "review", "pass")
        store.close()

        let reopened = try SQLiteProjectStore(path: path)
        let again = try StoreFixtures.service(reopened, clock: clock, deploy: false)
        #expect(try reopened.definitionRecords().map { "\($0.id)@\($0.version)" } == ["approval@1", "approval@2"])
        #expect(try reopened.state(of: "old")?.definitionVersion == 1)
        #expect(try reopened.state(of: "new")?.definitionVersion == 2)
        try StoreFixtures.decide(again, "old", at: "approve", "approve")
        #expect(try reopened.state(of: "old")?.definitionVersion == 1)
        #expect(again.definition("approval")?.title == "新版流程")
        #expect(StoreFixtures.storeError { try reopened.deploy(reopened.definitionRecords()[0]) }
            == .duplicateDefinition(id: "approval", version: 1))
    }

    @Test func refusedCommandLeavesTheStoreUnchanged() throws {
        let path = try StoreFixtures.databasePath()
        let clock = ManualClock(TestTime.morning("2024-09-27"))
        let store = try SQLiteProjectStore(path: path)
        let service = try StoreFixtures.service(store, clock: clock)
        _ = try service.start(projectID: "p1", workflow: "approval", variables: [:], actor: StoreFixtures.applicant)
        let state = try #require(try store.state(of: "p1"))
        let history = try store.history(of: "p1")
        let timers = try store.nextTimer()
        let transactions = store.commitStatistics.transactions

        #expect(throws: ServiceError.self) { try StoreFixtures.decide(service, "p1", at: "review", "no-such-outcome") }
        let stale = try #require(try store.state(of: "p1"))
        #expect(StoreFixtures.storeError {
            try store.commit(project: "p1", expectedSequence: stale.lastSequence - 1, state: stale, entries: [])
        } == .conflict(project: "p1", expected: stale.lastSequence - 1, found: stale.lastSequence))
        #expect(StoreFixtures.storeError { try store.insert(project: stale, entries: []) } == .duplicateProject("p1"))
        #expect(StoreFixtures.storeError {
            try store.commit(project: "ghost", expectedSequence: 0, state: stale, entries: [])
        } == .unknownProject("ghost"))

        #expect(try store.state(of: "p1") == state)
        #expect(try store.history(of: "p1") == history)
        #expect(try store.nextTimer() == timers)
        #expect(store.commitStatistics.transactions == transactions)
    }
}
