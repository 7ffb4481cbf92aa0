import FlowCore
import Foundation
import GovFlowTestSupport
@testable import SQLiteStore
import Synchronization
import Testing

@Suite struct StoreGroupCommitTests {
    /// A service with `count` running projects "p0"…, and the engine to compute steps outside the service (whose
    /// command lock would serialise them).
    func setUp(projects count: Int) throws -> (SQLiteProjectStore, WorkflowEngine, String) {
        let path = try StoreFixtures.databasePath()
        let store = try SQLiteProjectStore(path: path)
        let service = try StoreFixtures.service(store, clock: ManualClock(TestTime.morning("2024-09-27")))
        for index in 0..<count {
            _ = try service.start(projectID: "p\(index)", workflow: "approval", variables: [:],
                                  actor: StoreFixtures.applicant)
        }
        let definition = try #require(service.definition("approval"))
        let engine = WorkflowEngine(definition: definition, registry: StoreFixtures.registry,
                                    calendar: WeekendOnlyCalendar())
        return (store, engine, path)
    }

    func decision(_ engine: WorkflowEngine, on state: InstanceState) throws -> Step {
        let task = try #require(state.openTasks.first)
        return try engine.handle(.decide(task: task.id, actor: StoreFixtures.reviewer, outcome: "pass", comment: nil,
                                         data: .null), state: state, at: TestTime.morning("2024-09-30"))
    }

    @Test func fiftyConcurrentCommitsOnDifferentProjectsAreAllDurableAndVisible() throws {
        let (store, engine, path) = try setUp(projects: 50)
        let steps = try (0..<50).map { try decision(engine, on: try #require(try store.state(of: "p\($0)"))) }
        let before = store.commitStatistics
        let failures = Mutex<[String]>([])

        DispatchQueue.concurrentPerform(iterations: 50) { index in
            do {
                try store.commit(project: "p\(index)", expectedSequence: steps[index].state.lastSequence
                    - steps[index].entries.count, state: steps[index].state, entries: steps[index].entries)
            } catch {
                failures.withLock { $0.append("p\(index): \(error)") }
            }
        }

        #expect(failures.withLock { $0 } == [])
        let after = store.commitStatistics
        #expect(after.writes - before.writes == 50)
        #expect(after.transactions - before.transactions <= 50)
        for index in 0..<50 {
            #expect(try store.state(of: "p\(index)") == steps[index].state)
        }
        store.close()
        let reopened = try SQLiteProjectStore(path: path)
        for index in 0..<50 {
            #expect(try reopened.state(of: "p\(index)")?.openTasks.map(\.nodeID) == ["approve"])
            #expect(try reopened.history(of: "p\(index)").suffix(steps[index].entries.count)
                == ArraySlice(steps[index].entries))
        }
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test func concurrentCommitsOnTheSameProject_exactlyOneWinsTheOthersConflict() throws {
        let (store, engine, _) = try setUp(projects: 1)
        let state = try #require(try store.state(of: "p0"))
        let step = try decision(engine, on: state)
        let results = Mutex<[StoreError?]>([])

        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            let error = StoreFixtures.storeError {
                try store.commit(project: "p0", expectedSequence: state.lastSequence, state: step.state,
                                 entries: step.entries)
            }
            results.withLock { $0.append(error) }
        }

        let all = results.withLock { $0 }
        #expect(all.count == 20)
        #expect(all.filter { $0 == nil }.count == 1)
        let conflict = StoreError.conflict(project: "p0", expected: state.lastSequence,
                                           found: step.state.lastSequence)
        #expect(all.filter { $0 == conflict }.count == 19)
        #expect(try store.history(of: "p0").count == step.state.lastSequence)
        #expect(try store.state(of: "p0") == step.state)
    }
}

@Suite struct StoreCommitObserverTests {
    @Test func observersHearOfEachDurableWriteWithTheEarliestTimerItScheduled() throws {
        let store = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        defer { store.close() }
        let heard = Mutex<[Date?]>([])
        store.observeCommits { earliest in heard.withLock { $0.append(earliest) } }
        let service = try StoreFixtures.service(store, clock: ManualClock(TestTime.morning("2024-09-27")))
        _ = try service.start(projectID: "p1", workflow: "approval", variables: [:], actor: StoreFixtures.applicant)

        let deadline = try #require(try store.nextTimer()).fireAt
        #expect(heard.withLock { $0 } == [nil, deadline])
    }
}
