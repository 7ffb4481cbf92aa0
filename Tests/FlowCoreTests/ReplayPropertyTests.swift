import FlowCore
import Foundation
import Testing

/// Rebuilding a project's state from its history gives the live state, whatever path the project took.
@Suite struct ReplayPropertyTests {
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "split", "revise": "revision", "reject": "rejected"],
                        deadlines: #"[{"id": "opinion", "period": "5 workdays", "interrupting": false, "remindBefore": ["1 workday", "2 workdays"]}]"#)),
        \(Fixtures.task("revision", outcomes: ["resubmit": "review"], assignee: #"{"role": "project-unit"}"#,
                        deadlines: #"[{"id": "revise", "period": "15 workdays", "interrupting": true, "goto": "returned"}]"#)),
        {"id": "split", "type": "parallel", "branches": ["finance", "security", "audit"], "join": "join"},
        \(Fixtures.task("finance", outcomes: ["agree": "join", "return": "review"],
                        assignee: #"{"department": "区财政局"}"#)),
        \(Fixtures.task("security", outcomes: ["agree": "join", "veto": "rejected"],
                        assignee: #"{"department": "区委网信办"}"#,
                        deadlines: #"[{"id": "opinion", "period": "3 workdays", "interrupting": true, "goto": "join"}]"#)),
        {"id": "audit", "type": "stage", "stage": "recording", "parameters": {"timer": "2 workdays"},
         "outcomes": {"done": "join", "timed-out": "join"}},
        {"id": "join", "type": "join", "next": "size"},
        {"id": "size", "type": "exclusive", "branches": [{"when": "project.amount >= 500", "to": "wait"}],
         "default": "approval"},
        {"id": "wait", "type": "wait", "period": "1 month", "next": "approval"},
        \(Fixtures.task("approval", outcomes: ["approve": "approved", "back": "review"])),
        {"id": "approved", "type": "end", "result": "approved"},
        {"id": "rejected", "type": "end", "result": "rejected"},
        {"id": "returned", "type": "end", "result": "returned"}
        """)

    static func actor(for assignee: Assignee) -> Actor {
        switch assignee {
        case .actor(let id): return Actor(id: id)
        case .department(let department): return Actor(id: "member", department: department)
        case .role(let role): return Actor(id: "holder", roles: [role])
        }
    }

    @Test(arguments: 0..<60)
    func replayedHistoryEqualsLiveStateAfterEveryStep(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start(["amount": .number(Bool.random(using: &random) ? 800 : 200)])
        var day = CivilDate(iso: "2024-09-27")!
        for _ in 0..<60 where driver.state.isRunning {
            let open = driver.state.openTasks
            let roll = Int.random(in: 0..<100, using: &random)
            if roll < 2 {
                try driver.service.perform(.withdraw(actor: Actor(id: "unit"), comment: nil), on: driver.projectID)
            } else if roll < 70, let task = open.randomElement(using: &random),
                      let outcome = task.outcomes.randomElement(using: &random) {
                try driver.service.perform(
                    .decide(task: task.id, actor: Self.actor(for: task.assignee), outcome: outcome, comment: nil,
                            data: .null),
                    on: driver.projectID)
            } else {
                day = day.adding(days: Int.random(in: 1...9, using: &random))
                try driver.advance(to: day.iso, hour: Int.random(in: 0...23, using: &random))
            }
            let replayed = try InstanceState.replay(id: driver.projectID, history: driver.history)
            #expect(replayed == driver.state, "seed \(seed)")
        }
        #expect(driver.history.map(\.sequence) == Array(1...driver.history.count))
        if !driver.state.isRunning {
            #expect(driver.state.timers.isEmpty, "seed \(seed): a finished project has no live timer")
            #expect(driver.state.openTasks.isEmpty, "seed \(seed): a finished project has no open task")
        }
    }

    @Test func historyRoundTripsThroughItsRecords() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        try driver.decide("review", "pass")
        try driver.advance(to: "2024-10-10")
        let decoded = try driver.history.map { entry in
            HistoryEntry(sequence: entry.sequence, at: entry.at, actor: try Actor(recordText: entry.actor.recordText),
                         event: try Event(recordText: entry.event.recordText))
        }
        #expect(decoded == driver.history)
        #expect(try InstanceState.replay(id: driver.projectID, history: decoded) == driver.state)
        #expect(try InstanceState(recordText: driver.state.recordText) == driver.state)
    }

    @Test func historyWithAGapOrWithoutItsStartIsRefused() throws {
        let driver = try Driver(Self.document, startingOn: "2024-09-27")
        try driver.start()
        var gapped = driver.history
        gapped.remove(at: 2)
        #expect(throws: ReplayError.outOfOrder(project: "p1", expected: 3, found: 4)) {
            try InstanceState.replay(id: "p1", history: gapped)
        }
        let headless = driver.history.dropFirst().enumerated().map {
            HistoryEntry(sequence: $0.offset + 1, at: $0.element.at, actor: $0.element.actor, event: $0.element.event)
        }
        #expect(throws: ReplayError.notStarted(project: "p1")) { try InstanceState.replay(id: "p1", history: headless) }
    }
}
