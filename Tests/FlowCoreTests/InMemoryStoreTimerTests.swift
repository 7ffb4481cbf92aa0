import FlowCore
import Foundation
import Testing

/// The in-memory store hands out pending timers in firing order, across projects, whatever was cancelled.
@Suite struct InMemoryStoreTimerTests {
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "done"],
                        deadlines: #"[{"id": "a", "period": "3 workdays", "interrupting": false}, {"id": "b", "period": "10 days", "interrupting": false}]"#)),
        {"id": "done", "type": "end", "result": "done"}
        """)

    @Test func dueTimersComeEarliestFirstAndCancelledOnesNever() throws {
        let store = InMemoryProjectStore()
        let clock = ManualClock(at: CivilDate(iso: "2024-09-02")!)
        let service = try WorkflowService(registry: Fixtures.registry, calendars: ["weekends": WeekendOnlyCalendar()],
                                          store: store, clock: clock)
        try service.deploy(source: Self.document, file: "test.json")
        for index in 0..<40 {
            clock.advance(by: Double(index % 7) * 86_400)
            _ = try service.start(projectID: String(format: "p%02d", index), workflow: "test",
                                  variables: ["amount": .number(1)], actor: Actor(id: "unit"))
        }
        // Decide every third project: its two timers are cancelled.
        for index in stride(from: 0, to: 40, by: 3) {
            let id = String(format: "p%02d", index)
            let task = try #require(try service.currentState(of: id).openTasks.first)
            try service.perform(.decide(task: task.id, actor: Fixtures.reviewer, outcome: "pass", comment: nil,
                                        data: .null), on: id)
        }
        let expected = try store.projectIDs().flatMap { id in
            try service.currentState(of: id).pendingTimers.map {
                ScheduledTimer(projectID: id, timerID: $0.id, fireAt: $0.fireAt)
            }
        }.sorted()
        #expect(expected.count == 2 * (40 - 14))
        let far = CivilDate(iso: "2030-01-01")!.startInChina
        #expect(try store.dueTimers(through: far, limit: 1000) == expected)
        #expect(try store.nextTimer() == expected.first)
        #expect(try store.dueTimers(through: expected[4].fireAt, limit: 3) == Array(expected.prefix(3)))

        clock.set(far)
        let fired = try service.fireDueTimers()
        #expect(fired == expected)
        #expect(try store.nextTimer() == nil)
    }
}
