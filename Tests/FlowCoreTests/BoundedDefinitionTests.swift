import FlowCore
import Foundation
import GovFlowTestSupport
import Testing

/// Definitions that used to crash the process (a stack overflow on the first start) or stall validation: each is
/// either refused by the validator with its code and message, or runs without recursion, bounded by the step limit.
@Suite struct BoundedDefinitionTests {
    func diagnostics(_ text: String) -> [Diagnostic] {
        do {
            _ = try Fixtures.load(text)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func start(_ text: String) throws -> Result<Step, EngineError> {
        let engine = Fixtures.engine(try Fixtures.load(text))
        do throws(EngineError) {
            return .success(try engine.start(projectID: "p1", variables: ["amount": .number(100)],
                                             actor: Fixtures.reviewer, at: TestTime.morning("2024-09-02")))
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Cycles without a wait state

    @Test func gatewaysThatRouteToEachOtherAreAnAutomaticCycle() {
        let text = Fixtures.document(nodes: """
            {"id": "g1", "type": "exclusive", "branches": [{"when": "project.amount >= 500", "to": "done"}], "default": "g2"},
            {"id": "g2", "type": "exclusive", "branches": [{"when": "project.amount < 0", "to": "done"}], "default": "g1"},
            {"id": "done", "type": "end", "result": "done"}
            """, start: "g1")
        #expect(diagnostics(text).map(\.description) == [
            "test.json:11:1: error: the nodes \"g1\" → \"g2\" → \"g1\" form a cycle with no stage or wait node on it; "
                + "a project that gets here would loop forever in one step. Put a stage or a wait node on the cycle, "
                + "or route one of its branches elsewhere [automatic-cycle] at $.nodes[0]",
        ])
    }

    @Test func gatewayThatRoutesToItselfIsAnAutomaticCycle() {
        let text = Fixtures.document(nodes: """
            {"id": "g", "type": "exclusive", "branches": [{"when": "project.amount >= 500", "to": "done"}], "default": "g"},
            {"id": "done", "type": "end", "result": "done"}
            """, start: "g")
        #expect(diagnostics(text).map(\.message) == [
            "the nodes \"g\" → \"g\" form a cycle with no stage or wait node on it; a project that gets here would "
                + "loop forever in one step. Put a stage or a wait node on the cycle, or route one of its branches "
                + "elsewhere",
        ])
    }

    @Test func cycleThroughASplitAndItsJoinIsAnAutomaticCycle() {
        let text = Fixtures.document(nodes: """
            {"id": "g", "type": "exclusive", "branches": [{"when": "project.amount >= 500", "to": "done"}], "default": "split"},
            {"id": "split", "type": "parallel", "branches": ["join", "work"], "join": "join"},
            {"id": "work", "type": "stage", "stage": "automatic", "outcomes": {"done": "join"}},
            {"id": "join", "type": "join", "next": "g"},
            {"id": "done", "type": "end", "result": "done"}
            """, start: "g")
        #expect(diagnostics(text).map(\.message) == [
            "the nodes \"g\" → \"split\" → \"join\" → \"g\" form a cycle with no stage or wait node on it; a project "
                + "that gets here would loop forever in one step. Put a stage or a wait node on the cycle, or route "
                + "one of its branches elsewhere",
        ])
    }

    @Test func cycleThroughAStageOrAWaitIsAccepted() throws {
        let text = Fixtures.document(nodes: """
            {"id": "g", "type": "exclusive", "branches": [{"when": "project.amount >= 500", "to": "done"}], "default": "pause"},
            {"id": "pause", "type": "wait", "period": "1 workday", "next": "g"},
            {"id": "done", "type": "end", "result": "done"}
            """, start: "g")
        #expect(diagnostics(text).isEmpty)
    }

    @Test func threeThousandChainedGatewaysInACycleAreRefusedNamingTheWholeCycle() {
        let found = diagnostics(StressDefinitions.chainedGateways(3_000, cycle: true))
        let names = ((0..<3_000).map { "\"g\($0)\"" } + ["\"g0\""]).joined(separator: " → ")
        #expect(found.map(\.code) == [.automaticCycle])
        #expect(found.first?.message == "the nodes \(names) form a cycle with no stage or wait node on it; a project "
                    + "that gets here would loop forever in one step. Put a stage or a wait node on the cycle, or "
                    + "route one of its branches elsewhere")
        #expect(found.first?.path.description == "$.nodes[0]")
    }

    // MARK: - The engine advances without recursion

    @Test func threeThousandChainedGatewaysStartAProjectThatEnds() throws {
        let step = try start(StressDefinitions.chainedGateways(3_000)).get()
        #expect(step.state.status == .ended(result: "done"))
        let passed = step.entries.filter { if case .gatewayPassed = $0.event { true } else { false } }
        #expect(passed.count == 3_000)
    }

    @Test func twentyThousandChainedGatewaysAreRefusedByTheStepBound() throws {
        let result = try start(StressDefinitions.chainedGateways(20_000))
        #expect(throws: EngineError.runaway(node: "g10000")) { try result.get() }
        #expect(EngineError.runaway(node: "g10000").description
                    == "the project entered more than 10000 nodes in one step without stopping at a task, timer or "
                    + "end (the last was \"g10000\"); the definition loops through nodes that go on at once")
    }

    @Test func threeThousandNestedParallelBlocksStartAProjectThatEnds() throws {
        let step = try start(StressDefinitions.nestedParallelBlocks(3_000)).get()
        #expect(step.state.status == .ended(result: "done"))
        let opened = step.entries.filter { if case .scopeOpened = $0.event { true } else { false } }
        let completed = step.entries.filter { if case .scopeCompleted = $0.event { true } else { false } }
        #expect(opened.count == 3_000)
        #expect(completed.count == 3_000)
    }

    /// A loop through a stage that completes at once passes validation (the validator cannot know a kind never
    /// waits); the engine stops it.
    static let automaticLoop = Fixtures.document(nodes: """
        {"id": "pause", "type": "wait", "period": "1 workday", "next": "again"},
        {"id": "again", "type": "stage", "stage": "automatic", "outcomes": {"done": "check"}},
        {"id": "check", "type": "exclusive", "branches": [{"when": "project.amount < 0", "to": "done"}], "default": "again"},
        {"id": "done", "type": "end", "result": "done"}
        """, start: "pause")

    @Test func loopThroughAStageThatCompletesAtOnceIsRefusedByTheStepBound() throws {
        let engine = Fixtures.engine(try Fixtures.load(Self.automaticLoop))
        let started = try engine.start(projectID: "p1", variables: ["amount": .number(100)], actor: Fixtures.reviewer,
                                       at: TestTime.morning("2024-09-02"))
        let timer = try #require(started.state.pendingTimers.first)
        #expect(throws: EngineError.runaway(node: "again")) {
            try engine.handle(.fireTimer(timer.id), state: started.state, at: TestTime.morning("2024-09-04"))
        }
    }

    /// The crash loop: a stored project whose due wait timer leads into a loop. Firing it is refused with a typed
    /// error that becomes an incident on the project; the process survives and the timer stays pending, suspended,
    /// so the next tick does not try it again.
    @Test func dueTimerThatLeadsIntoALoopRaisesAnIncidentAndSuspendsTheTimer() throws {
        let store = InMemoryProjectStore()
        let clock = ManualClock(at: CivilDate(iso: "2024-09-02")!)
        let service = try WorkflowService(registry: Fixtures.registry, calendars: ["weekends": WeekendOnlyCalendar()],
                                          store: store, clock: clock)
        try service.deploy(source: Self.automaticLoop, file: "test.json")
        let started = try service.start(projectID: "p1", workflow: "test", variables: ["amount": .number(100)],
                                        actor: Fixtures.reviewer)
        let timer = try #require(started.state.pendingTimers.first)
        clock.advance(by: 3 * 86_400)
        try service.fireDueTimers()
        let history = try service.history(of: "p1")
        #expect(history.dropFirst(started.entries.count).map(\.event) == [
            .incidentRaised(incident: 1, timer: timer.id, command: "fire timer \(timer.id) (wait of node \"pause\")",
                            error: EngineError.runaway(node: "again").description),
        ])
        #expect(try service.currentState(of: "p1").pendingTimers.map(\.id) == [timer.id])
        #expect(try service.currentState(of: "p1").suspendedTimerIDs == [timer.id])
        #expect(try service.fireDueTimers() == [])
    }

    // MARK: - Hostile documents

    @Test func hundredThousandNestedArraysAreAClearErrorNotAStackOverflow() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(diagnostics(text).map(\.description) == [
            "test.json:1:257: error: nesting deeper than 256 levels [malformed-json] at $",
        ])
    }

    @Test func overLongExpressionIsQuotedByItsFirstEightyCharacters() {
        let source = String(repeating: "1", count: 1_000_000)
        let text = Fixtures.document(nodes: """
            {"id": "g", "type": "exclusive", "branches": [{"when": "\(source)", "to": "done"}], "default": "done"},
            {"id": "done", "type": "end", "result": "done"}
            """, start: "g")
        #expect(diagnostics(text).map(\.message) == [
            "in \"\(String(repeating: "1", count: 80))…\": the expression is too long: 1000000 characters, at most "
                + "4096 allowed",
        ])
    }

    @Test func expressionOfTheWrongTypeIsQuotedByItsFirstEightyCharacters() {
        let source = "project.amount + " + Array(repeating: "1", count: 40).joined(separator: " + ")
        let text = Fixtures.document(nodes: """
            {"id": "g", "type": "exclusive", "branches": [{"when": "\(source)", "to": "done"}], "default": "done"},
            {"id": "done", "type": "end", "result": "done"}
            """, start: "g")
        #expect(diagnostics(text).map(\.message) == [
            "\"project.amount + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 +…\" "
                + "is a decimal expression; a boolean is needed here",
        ])
    }

    @Test func tenThousandBrokenReferencesGetSuggestionsForTheFirstHundredOnly() {
        let found = diagnostics(StressDefinitions.brokenReferences(10_000))
        #expect(found.count == 10_000)
        #expect(found.allSatisfy { $0.code == .missingNode })
        #expect(found[99].message == "there is no node \"nowhere-99\"")
        #expect(found[100].message == "there is no node \"nowhere-100\" (suggestions are given for the first 100 "
                    + "unknown node references only)")
        #expect(found[101].message == "there is no node \"nowhere-101\"")
    }

    @Test func nearestNodeIsSuggestedForAMisspeltReference() {
        let text = Fixtures.document(nodes: """
            {"id": "first", "type": "stage", "stage": "automatic", "outcomes": {"done": "approvd"}},
            {"id": "approved", "type": "end", "result": "approved"},
            {"id": "approve", "type": "end", "result": "approved"}
            """, start: "first")
        // "approved" and "approve" are both one edit away: the alphabetically first is suggested, whatever the
        // order the ids are kept in.
        #expect(diagnostics(text).map(\.message) == ["there is no node \"approvd\"; did you mean \"approve\"?"])
    }
}
