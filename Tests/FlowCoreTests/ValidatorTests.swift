import FlowCore
import Foundation
import Testing

/// Each validator rule, with a broken definition, asserting the exact message, position and path.
@Suite struct ValidatorTests {
    func diagnostics(_ text: String) -> [String] {
        do {
            _ = try Fixtures.load(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func codes(_ text: String) -> [Diagnostic.Code] {
        do {
            _ = try Fixtures.load(text)
            return []
        } catch {
            return error.diagnostics.map(\.code)
        }
    }

    @Test func malformedJSONReportsWhereTheParserStopped() {
        #expect(diagnostics("{\n  \"id\": \"x\",\n}") == [
            "test.json:3:1: error: trailing comma before '}' [malformed-json] at $",
        ])
    }

    @Test func unknownTopLevelFieldSuggestsTheNearestName() {
        let text = Fixtures.document(nodes: #"{"id": "review", "type": "end", "result": "done"}"#)
            .replacingOccurrences(of: "\"title\": \"测试流程\"", with: "\"titel\": \"测试流程\"")
        #expect(diagnostics(text) == [
            "test.json:1:1: error: the definition has no \"title\" field [missing-field] at $",
            "test.json:4:3: error: unknown field \"titel\" in the definition; did you mean \"title\"? [unknown-field] at $.titel",
        ])
    }

    @Test func duplicateNodeIDIsReportedAtTheSecondOccurrence() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "end", "result": "done"},
            {"id": "review", "type": "end", "result": "other"}
            """)
        #expect(diagnostics(text) == [
            "test.json:12:8: error: node id \"review\" is used twice (first at line 11) [duplicate-id] at $.nodes[1].id",
        ])
    }

    @Test func referenceToMissingNodeSuggestsTheNearestID() {
        let text = Fixtures.document(nodes: """
            \(Fixtures.task("review", outcomes: ["approve": "aproved", "reject": "approved"])),
            {"id": "approved", "type": "end", "result": "approved"}
            """)
        #expect(diagnostics(text) == [
            "test.json:13:30: error: there is no node \"aproved\"; did you mean \"approved\"? [missing-node] at $.nodes[0].outcomes.approve",
        ])
    }

    @Test func unreachableNodeIsReported() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "end", "result": "done"},
            {"id": "orphan", "type": "end", "result": "other"}
            """)
        #expect(diagnostics(text) == [
            "test.json:12:1: error: node \"orphan\" cannot be reached from the start node \"review\"; route an outcome, branch or deadline to it, or remove it [unreachable-node] at $.nodes[1]",
        ])
    }

    @Test func nodeThatCannotReachAnEndIsReported() {
        let text = Fixtures.document(nodes: """
            \(Fixtures.task("review", outcomes: ["approve": "loop", "reject": "done"])),
            \(Fixtures.task("loop", outcomes: ["again": "loop"])),
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(codes(text) == [.noPathToEnd])
        #expect(diagnostics(text).first?.hasPrefix(
            "test.json:14:5: error: no end node can be reached from node \"loop\"; a project that gets here never finishes") == true)
    }

    @Test func gatewayWithoutDefaultThatCanFallThroughIsReported() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "exclusive", "branches": [{"when": "false", "to": "done"}]},
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:11:1: error: no branch is taken when every condition is false; add \"default\": \"<node id>\", or make the last condition \"true\" [gateway-fall-through] at $.nodes[0]",
        ])
    }

    @Test func unknownStageKindSuggestsARegisteredOne() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "stage", "stage": "human-tsk", "outcomes": {"done": "done"}},
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:11:44: error: unknown stage kind \"human-tsk\"; did you mean \"human-task\"?; registered kinds: automatic, human-task, recording [unknown-stage-kind] at $.nodes[0].stage",
        ])
    }

    @Test func badStageParameterIsReportedByTheKindAtItsPath() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "stage", "stage": "human-task",
             "parameters": {"title": "t", "assignee": {"team": "x"}, "outcomes": ["done"]},
             "outcomes": {"done": "done"}},
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:12:52: error: human-task: \"team\" is not a kind of assignee; use \"role\", \"department\" or \"actor\" [invalid-parameter] at $.nodes[0].parameters.assignee.team",
        ])
    }

    @Test func outcomeTheKindDoesNotOfferAndOutcomeLeftUnroutedAreBothReported() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "stage", "stage": "recording", "outcomes": {"done": "done", "finished": "done"}},
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:11:69: error: outcome \"timed-out\" of stage kind \"recording\" has no route; add \"timed-out\": \"<node id>\" to \"outcomes\" [unrouted-outcome] at $.nodes[0].outcomes",
            "test.json:11:86: error: stage kind \"recording\" has no outcome \"finished\"; its outcomes are \"done\", \"timed-out\" [unknown-outcome] at $.nodes[0].outcomes.finished",
        ])
    }

    @Test func badPeriodNamesTheAcceptedForms() {
        let text = Fixtures.document(nodes: """
            \(Fixtures.task("review", outcomes: ["done": "done"], deadlines: #"[{"id": "d", "period": "5 work day", "interrupting": false}]"#)),
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:13:72: error: \"5 work day\" is not a period; write \"N workdays\", \"N days\", \"N months\", \"N years\" (N a whole number ≥ 1) or ISO 8601 \"PnD\", \"PnW\", \"PnM\", \"PnY\" [invalid-period] at $.nodes[0].deadlines[0].period",
        ])
    }

    @Test func interruptingDeadlineWithoutGotoIsReported() {
        let text = Fixtures.document(nodes: """
            \(Fixtures.task("review", outcomes: ["done": "done"], deadlines: #"[{"id": "d", "period": "5 workdays", "interrupting": true}]"#)),
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:13:50: error: an interrupting deadline needs \"goto\": the node to go to when it expires [missing-field] at $.nodes[0].deadlines[0]",
        ])
    }

    @Test func joinEnteredFromOutsideItsBlockIsADeadlock() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "exclusive", "branches": [{"when": "true", "to": "split"}], "default": "join"},
            {"id": "split", "type": "parallel", "branches": ["a", "b"], "join": "join"},
            {"id": "a", "type": "stage", "stage": "automatic", "outcomes": {"done": "join"}},
            {"id": "b", "type": "stage", "stage": "automatic", "outcomes": {"done": "join"}},
            {"id": "join", "type": "join", "next": "done"},
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:11:1: error: join \"join\" can be entered from node \"review\", outside the parallel block of \"split\"; a project arriving that way would wait for branches that never started [join-deadlock] at $.nodes[0]",
        ])
    }

    @Test func branchThatNeverReachesItsJoinIsReported() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "parallel", "branches": ["a", "b"], "join": "join"},
            {"id": "a", "type": "stage", "stage": "automatic", "outcomes": {"done": "join"}},
            {"id": "b", "type": "stage", "stage": "automatic", "outcomes": {"done": "done"}},
            {"id": "join", "type": "join", "next": "done"},
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:11:56: error: branch \"b\" of parallel split \"review\" never reaches its join \"join\", so the join would wait for it forever [join-never-fires] at $.nodes[0].branches[1]",
        ])
    }

    @Test func joinThatBelongsToNoSplitIsReported() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "stage", "stage": "automatic", "outcomes": {"done": "join"}},
            {"id": "join", "type": "join", "next": "done"},
            {"id": "done", "type": "end", "result": "done"}
            """)
        #expect(diagnostics(text) == [
            "test.json:12:1: error: join \"join\" belongs to no parallel split; name it in a split's \"join\" [join-never-fires] at $.nodes[1]",
        ])
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() {
        let text = Fixtures.document(nodes: """
            {"id": "review", "type": "stage", "stage": "nope", "outcomes": {"done": "gone"}},
            {"id": "Bad Id", "type": "end", "result": "done"},
            {"id": "w", "type": "wait", "period": "-3 days", "next": "review"}
            """)
        #expect(codes(text) == [.unknownStageKind, .missingNode, .invalidValue, .invalidPeriod])
    }

    @Test func wrongTypedFieldSaysWhatWasFound() {
        let text = Fixtures.document(nodes: #"{"id": "review", "type": "end", "result": "done"}"#)
            .replacingOccurrences(of: "\"version\": 1", with: "\"version\": \"1\"")
        #expect(diagnostics(text) == [
            "test.json:3:14: error: \"version\" must be a whole number of at least 1, found \"1\" [invalid-value] at $.version",
        ])
    }
}
