import FlowCore
import Foundation
import Stages

/// Drives one project through a definition on a manual clock, firing timers as the clock passes them, the way the
/// runner does.
final class Driver {
    let clock: ManualClock
    let service: WorkflowService
    let projectID = "p1"

    init(_ document: String, startingOn date: String, calendar: any WorkingCalendar = WeekendOnlyCalendar(id: "weekends"))
        throws
    {
        clock = ManualClock(at: CivilDate(iso: date)!)
        service = try WorkflowService(registry: Fixtures.registry, calendars: ["weekends": calendar],
                                      store: InMemoryProjectStore(), clock: clock)
        try service.deploy(source: document, file: "test.json")
    }

    @discardableResult
    func start(_ variables: [String: JSONValue] = ["amount": .number(100)]) throws -> InstanceState {
        try service.start(projectID: projectID, workflow: "test", variables: variables, actor: Actor(id: "unit"))
            .state
    }

    var state: InstanceState { try! service.currentState(of: projectID) }
    var history: [HistoryEntry] { try! service.history(of: projectID) }
    var events: [Event] { history.map(\.event) }

    /// The open task at `node`.
    func task(at node: String) -> HumanTask? { state.openTasks.first { $0.nodeID == node } }

    /// Decides the open task at `node`.
    @discardableResult
    func decide(_ node: String, _ outcome: String, as actor: Actor = Fixtures.reviewer, comment: String? = nil)
        throws -> Step
    {
        guard let task = task(at: node) else { throw DriverError.noOpenTask(node) }
        return try service.perform(.decide(task: task.id, actor: actor, outcome: outcome, comment: comment,
                                           data: .null), on: projectID)
    }

    /// Moves the clock to `hour`:00 China Standard Time on `date`, firing every timer due on the way, in order.
    func advance(to date: String, hour: Int = 9) throws {
        let target = CivilDate(iso: date)!.startInChina.addingTimeInterval(TimeInterval(hour * 3600))
        while let next = try service.store.nextTimer(), next.fireAt <= target {
            if next.fireAt > clock.now() { clock.set(next.fireAt) }
            try service.fireDueTimers()
        }
        clock.set(target)
    }

    /// The due dates of the pending timers, by purpose.
    var pendingDue: [String] {
        state.pendingTimers.map { "\($0.nodeID) \($0.purpose) \($0.due.date)" }
    }
}

enum DriverError: Error {
    case noOpenTask(String)
}
