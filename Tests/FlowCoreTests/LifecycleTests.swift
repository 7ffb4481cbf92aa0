import FlowCore
import Foundation
import GovFlowTestSupport
import Testing

/// Replaying a stored history checks every event against `Lifecycle.table`: an event that cannot happen to what
/// it names is a `ReplayError.impossibleEvent` with the entry, the event and the status, never a silent no-op.
@Suite struct LifecycleTests {
    static let document = Fixtures.document(nodes: """
        \(Fixtures.task("review", outcomes: ["pass": "approval"])),
        \(Fixtures.task("approval", outcomes: ["approve": "approved"])),
        {"id": "approved", "type": "end", "result": "approved"}
        """)

    static let now = TestTime.morning("2024-09-02")

    /// A real history: started, the review decided, the approval task open.
    func history() throws -> (InstanceState, [HistoryEntry]) {
        let engine = Fixtures.engine(try Fixtures.load(Self.document))
        let start = try engine.start(projectID: "p", variables: ["amount": .number(1)], actor: Fixtures.reviewer,
                                     at: Self.now)
        let review = try #require(start.state.openTasks.first)
        let decided = try engine.handle(.decide(task: review.id, actor: Fixtures.reviewer, outcome: "pass",
                                                comment: nil, data: .null), state: start.state, at: Self.now)
        return (decided.state, start.entries + decided.entries)
    }

    /// The message replaying `history` followed by `event` gives.
    func replaying(_ history: [HistoryEntry], then events: [Event]) -> String? {
        let extra = events.enumerated().map { index, event in
            HistoryEntry(sequence: history.count + index + 1, at: Self.now, actor: .system, event: event)
        }
        do {
            _ = try InstanceState.replay(id: "p", history: history + extra)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theEnginesOwnHistoryReplays() throws {
        let (state, history) = try history()
        #expect(try InstanceState.replay(id: "p", history: history) == state)
    }

    @Test func aDecisionOnADecidedTaskIsImpossible() throws {
        let (state, history) = try history()
        let review = try #require(state.finishedTasks.values.first { $0.key == "decision" && $0.nodeID == "review" })
        #expect(replaying(history, then: [.taskDecided(task: review.id, actor: Fixtures.reviewer, outcome: "pass",
                                                       comment: nil, data: .null)])
            == "entry \(history.count + 1) of project \"p\" is impossible: taskDecided cannot happen to task "
            + "\(review.id), which is decided")
    }

    @Test func aDecisionOnAClosedTaskIsImpossible() throws {
        let (state, history) = try history()
        let approval = try #require(state.openTasks.first)
        #expect(replaying(history, then: [
            .taskClosed(task: approval.id, reason: "moot"),
            .taskDecided(task: approval.id, actor: Fixtures.reviewer, outcome: "approve", comment: nil, data: .null),
        ]) == "entry \(history.count + 2) of project \"p\" is impossible: taskDecided cannot happen to task "
            + "\(approval.id), which is closed")
    }

    @Test func handingBackATaskThatWasNotDelegatedIsImpossible() throws {
        let (state, history) = try history()
        let approval = try #require(state.openTasks.first)
        #expect(replaying(history, then: [.taskHandedBack(task: approval.id, to: .role("reviewer"), comment: nil)])
            == "entry \(history.count + 1) of project \"p\" is impossible: taskHandedBack cannot happen to task "
            + "\(approval.id), which is open")
    }

    @Test func movingATokenThatDoesNotExistIsImpossible() throws {
        let (state, history) = try history()
        #expect(replaying(history, then: [.tokenMoved(token: state.nextID + 5, node: "approval", scope: nil)])
            == "entry \(history.count + 1) of project \"p\" is impossible: tokenMoved cannot happen to token "
            + "\(state.nextID + 5), which is not yet created")
    }

    @Test func movingARemovedTokenIsImpossible() throws {
        let (state, history) = try history()
        let token = try #require(state.tokens.keys.first)
        #expect(replaying(history, then: [.tokenRemoved(token: token),
                                          .tokenMoved(token: token, node: "approval", scope: nil)])
            == "entry \(history.count + 2) of project \"p\" is impossible: tokenMoved cannot happen to token "
            + "\(token), which is gone")
    }

    @Test func anEventAfterTheProjectEndedIsImpossible() throws {
        let (_, history) = try history()
        #expect(replaying(history, then: [.instanceEnded(node: "approved", result: "approved"),
                                          .gatewayPassed(node: "review", branch: nil, target: "approval")])
            == "entry \(history.count + 2) of project \"p\" is impossible: gatewayPassed cannot happen to the project, "
            + "which is ended")
    }

    @Test func anEventAfterTheProjectWasWithdrawnIsImpossible() throws {
        let (state, history) = try history()
        let approval = try #require(state.openTasks.first)
        #expect(replaying(history, then: [.instanceWithdrawn(actor: Fixtures.reviewer, comment: nil),
                                          .taskUrged(task: approval.id, comment: nil)])
            == "entry \(history.count + 2) of project \"p\" is impossible: taskUrged cannot happen to the project, "
            + "which is withdrawn")
    }

    @Test func aSecondStartIsImpossible() throws {
        let (_, history) = try history()
        #expect(replaying(history, then: [.instanceStarted(definitionID: "test", version: 1, variables: [:],
                                                           computed: [:])])
            == "entry \(history.count + 1) of project \"p\" is impossible: instanceStarted cannot happen to the "
            + "project, which is running")
    }

    @Test func savingStateForAFinishedActivationIsImpossible() throws {
        let (state, history) = try history()
        let review = try #require(state.finishedTasks.values.first { $0.nodeID == "review" })
        let activation = try #require(history.compactMap { entry -> Int? in
            guard case .taskOpened(let task) = entry.event, task.id == review.id else { return nil }
            return task.activationID
        }.first)
        #expect(replaying(history, then: [.stageStateSaved(activation: activation, state: .null)])
            == "entry \(history.count + 1) of project \"p\" is impossible: stageStateSaved cannot happen to "
            + "activation \(activation), which is gone")
    }

    @Test func firingATimerTwiceIsImpossible() throws {
        let (state, history) = try history()
        let id = state.nextID
        let timer = PendingTimer(id: id, purpose: .wait, activationID: nil, tokenID: 2, nodeID: "approval",
                                 rule: .date(CivilDate(iso: "2024-09-03")!),
                                 due: DueDate(date: CivilDate(iso: "2024-09-03")!, provisional: false))
        #expect(replaying(history, then: [.timerScheduled(timer), .timerFired(timer: id, lateBy: 0),
                                          .timerFired(timer: id, lateBy: 0)])
            == "entry \(history.count + 3) of project \"p\" is impossible: timerFired cannot happen to timer "
            + "\(id), which is gone")
    }

    @Test func theTableIsTheOneCheck() {
        #expect(Lifecycle.allows("taskDecided", .task, in: .open))
        #expect(!Lifecycle.allows("taskDecided", .task, in: .delegated))
        #expect(Lifecycle.allows("taskClosed", .task, in: .delegated))
        #expect(!Lifecycle.allows("tokenCreated", .token, in: .live))
        #expect(!Lifecycle.allows("noSuchEvent", .project, in: .running))
    }
}
