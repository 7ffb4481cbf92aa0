import FlowCore
import Foundation
import Stages
import Testing

/// A deadline bound to a task runs while that task is open: it restarts when the task opens again and ends when it
/// is decided, so a reviewer who answers in time is never recorded as late.
@Suite struct TaskDeadlineTests {
    static let document = Fixtures.document(nodes: """
        {"id": "review", "type": "stage", "stage": "pre-review",
         "parameters": {"reviewer": {"department": "区数据局"}, "revisionWindow": "15 workdays"},
         "outcomes": {"pass": "approved", "reject": "rejected", "returned": "rejected"},
         "deadlines": [{"id": "opinion", "period": "5 workdays", "interrupting": false, "task": "review",
                        "remindBefore": ["1 workday"]}]},
        {"id": "approved", "type": "end", "result": "approved"},
        {"id": "rejected", "type": "end", "result": "rejected"}
        """)

    static let office = Actor(id: "li", department: "区数据局")
    static let unit = Actor(id: "unit", roles: ["project-unit"])

    @Test func reviewDeadlineEndsWithTheOpinionAndRestartsWithTheResubmission() throws {
        let registry = StageRegistry([PreReviewStage()])
        let clock = ManualClock(at: CivilDate(iso: "2024-09-02")!)
        let service = try WorkflowService(registry: registry, calendars: ["weekends": WeekendOnlyCalendar()],
                                          store: InMemoryProjectStore(), clock: clock)
        try service.deploy(source: Self.document, file: "test.json")
        _ = try service.start(projectID: "p", workflow: "test", variables: ["amount": .number(1)],
                              actor: Self.unit)
        func pending() throws -> [String] {
            try service.currentState(of: "p").pendingTimers.map { "\($0.purpose) \($0.due.date)" }
        }
        // Monday 2024-09-02 + 5 working days: Monday 2024-09-09; the reminder at the end of Friday 09-06.
        #expect(try pending() == ["reminder(\"opinion\") 2024-09-06", "deadline(\"opinion\") 2024-09-09"])

        clock.set(CivilDate(iso: "2024-09-04")!.startInChina.addingTimeInterval(10 * 3600))
        let review = try #require(try service.currentState(of: "p").openTasks.first)
        try service.perform(.decide(task: review.id, actor: Self.office, outcome: "revise", comment: "补充材料",
                                    data: .null), on: "p")
        // The opinion was given: the deadline ended; only the applicant's revision window runs.
        #expect(try pending() == ["stage(\"revision-window\") 2024-09-25"])

        clock.set(CivilDate(iso: "2024-09-10")!.startInChina.addingTimeInterval(10 * 3600))
        let revision = try #require(try service.currentState(of: "p").openTasks.first)
        try service.perform(.decide(task: revision.id, actor: Self.unit, outcome: "resubmit", comment: nil,
                                    data: .null), on: "p")
        // Reopened on Tuesday 2024-09-10: due Tuesday 2024-09-17.
        #expect(try pending() == ["reminder(\"opinion\") 2024-09-16", "deadline(\"opinion\") 2024-09-17"])

        clock.set(CivilDate(iso: "2024-09-20")!.startInChina)
        try service.fireDueTimers()
        #expect(try service.currentState(of: "p").overdue.map(\.due.date) == [CivilDate(iso: "2024-09-17")!])
    }
}
