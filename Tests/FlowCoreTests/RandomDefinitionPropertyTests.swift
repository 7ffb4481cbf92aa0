import FlowCore
import Foundation
import GovFlowTestSupport
import Testing

/// Random graphs of gateways, splits, joins, automatic stages, waits and ends: whatever the validator accepts
/// starts a project without crashing, giving either a step or a typed `EngineError`.
@Suite struct RandomDefinitionPropertyTests {
    /// The JSON of a random definition of `count` nodes n0…n(count-1); most edges go to the next node, some
    /// further forward, some back (making loops).
    static func randomDocument(count: Int, using random: inout SplitMix64) -> String {
        func target(after index: Int) -> String {
            let next = min(index + 1, count - 1)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6: return "n\(next)"
            case 6..<8: return "n\(Int.random(in: next..<count, using: &random))"
            default: return "n\(Int.random(in: 0..<count, using: &random))"
            }
        }
        var lines: [String] = []
        var openJoins: [Int] = []
        for index in 0..<count {
            let id = "n\(index)"
            if index == count - 1 {
                lines.append(#"{"id": "\#(id)", "type": "end", "result": "done"}"#)
                continue
            }
            switch Int.random(in: 0..<10, using: &random) {
            case 0...2:
                let threshold = Int.random(in: 0..<1_000, using: &random)
                lines.append(#"{"id": "\#(id)", "type": "exclusive", "branches": [{"when": "project.amount >= \#(threshold)", "to": "\#(target(after: index))"}], "default": "\#(target(after: index))"}"#)
            case 3:
                // A split whose join is a later node, if there is room; most such blocks are invalid.
                let join = Int.random(in: min(index + 2, count - 1)..<count, using: &random)
                openJoins.append(join)
                lines.append(#"{"id": "\#(id)", "type": "parallel", "branches": ["\#(target(after: index))", "\#(target(after: index))"], "join": "n\#(join)"}"#)
            case 4 where openJoins.contains(index):
                lines.append(#"{"id": "\#(id)", "type": "join", "next": "\#(target(after: index))"}"#)
            case 4, 5, 6:
                lines.append(#"{"id": "\#(id)", "type": "stage", "stage": "automatic", "outcomes": {"done": "\#(target(after: index))"}}"#)
            case 7:
                lines.append(#"{"id": "\#(id)", "type": "wait", "period": "1 workday", "next": "\#(target(after: index))"}"#)
            case 8:
                lines.append(#"{"id": "\#(id)", "type": "end", "result": "early"}"#)
            default:
                lines.append(#"{"id": "\#(id)", "type": "stage", "stage": "automatic", "outcomes": {"done": "\#(target(after: index))"}}"#)
            }
        }
        return Fixtures.document(nodes: lines.joined(separator: ",\n"), start: "n0")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func everyValidRandomDefinitionStartsAProjectOrIsRefusedWithATypedError(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var validated = 0
        var refusals: [EngineError] = []
        for _ in 0..<300 {
            let count = Int.random(in: 2...40, using: &random)
            let text = Self.randomDocument(count: count, using: &random)
            guard let definition = try? Fixtures.load(text) else { continue }
            validated += 1
            let engine = Fixtures.engine(definition)
            do throws(EngineError) {
                let step = try engine.start(projectID: "p", variables: ["amount": .number(500)],
                                            actor: Fixtures.reviewer, at: TestTime.morning("2024-09-02"))
                // A project that did not end stops at a wait: automatic stages never leave one running.
                if step.state.isRunning { #expect(!step.state.pendingTimers.isEmpty) }
                #expect(step.entries.map(\.sequence) == Array(1...step.entries.count))
            } catch {
                refusals.append(error)
            }
        }
        // The generator must exercise the engine, not only the validator.
        #expect(validated >= 10)
        for refusal in refusals {
            guard case .runaway = refusal else {
                Issue.record("unexpected refusal: \(refusal)")
                continue
            }
        }
    }
}
