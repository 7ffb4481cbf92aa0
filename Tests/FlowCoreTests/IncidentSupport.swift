import FlowCore
import Foundation
import GovFlowTestSupport
import Stages

/// Two projects on one in-memory service whose review deadline (5 working days, interrupting) goes to the gate;
/// "bad" (amount 500) fails there until the gate's fix is deployed, "good" (amount 100) passes.
struct IncidentFixture {
    static let deadlines = #"[{"id": "opinion", "period": "5 workdays", "interrupting": true, "goto": "gate"}]"#
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "gate", "revise": "review"], deadlines: deadlines)),
        {"id": "gate", "type": "stage", "stage": "gate", "parameters": {}, "outcomes": {"done": "approved"}},
        {"id": "approved", "type": "end", "result": "approved"}
        """)

    static let administrator = Actor(id: "admin", roles: ["administrator"])

    let build = GateStage.Build()
    let clock = ManualClock(at: CivilDate(iso: "2024-09-02")!)
    let service: WorkflowService

    init(projects: [String: Int] = ["bad": 500, "good": 100]) throws {
        let registry = StageRegistry([HumanTaskStage(), GateStage(build: build)])
        service = try WorkflowService(registry: registry, calendars: ["weekends": WeekendOnlyCalendar()],
                                      store: InMemoryProjectStore(), clock: clock)
        try service.deploy(source: Self.document, file: "test.json")
        for (id, amount) in projects.sorted(by: { $0.key < $1.key }) {
            _ = try service.start(projectID: id, workflow: "test", variables: ["amount": .number(Decimal(amount))],
                                  actor: Actor(id: "unit"))
        }
    }

    /// The instant the review deadline fires: the end of Monday 2024-09-09 (China Standard Time).
    static let deadlineFires = CivilDate(iso: "2024-09-09")!.endInChina

    func state(_ id: String) throws -> InstanceState { try service.currentState(of: id) }

    /// The events `id` recorded after its first `count` entries.
    func events(_ id: String, after count: Int) throws -> [Event] {
        Array(try service.history(of: id).dropFirst(count).map(\.event))
    }

    /// The last history entry of `id`.
    func last(_ id: String) throws -> HistoryEntry? { try service.history(of: id).last }
}
