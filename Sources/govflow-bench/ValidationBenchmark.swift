import FlowCore
import Foundation
import Stages

/// Loading and validating generated definitions at sizes that used to stall validation (quadratic suggestion
/// searches, per-block sets of ids) or crash the engine (recursion): one JSON line per definition, with the seconds
/// to validate it and, for a valid one, to start a project on it.
struct ValidationBenchmark {
    let calendar: HolidayCalendar
    let registry = StageRegistry([AutomaticStage()])

    func run(quick: Bool) {
        let scale = quick ? 10 : 1
        let cases: [(String, String)] = [
            ("nodes-10k", Self.chain(10_000 / scale)),
            ("nodes-100k", Self.chain(100_000 / scale)),
            ("broken-references-10k", Self.brokenReferences(10_000 / scale)),
            ("nested-parallel-3000", Self.nestedParallelBlocks(3_000 / scale)),
            ("chained-gateways-3000", Self.chainedGateways(3_000 / scale, cycle: false)),
            ("chained-gateways-cycle-3000", Self.chainedGateways(3_000 / scale, cycle: true)),
        ]
        let loader = DefinitionLoader(registry: registry)
        for (name, text) in cases {
            var definition: WorkflowDefinition?
            var problems = 0
            let validate = measureSeconds {
                do throws(DefinitionError) {
                    definition = try loader.load(text, file: "\(name).json")
                } catch {
                    problems = error.diagnostics.count
                }
            }
            var extra: [String: Double] = ["bytes": Double(text.utf8.count), "diagnostics": Double(problems)]
            if let definition {
                let engine = WorkflowEngine(definition: definition, registry: registry, calendar: calendar)
                var events = 0
                extra["startSeconds"] = measureSeconds {
                    do {
                        events = try engine.start(projectID: "p", variables: ["amount": .number(100)],
                                                  actor: Actor(id: "bench"), at: Date(timeIntervalSince1970: 1.7e9))
                            .entries.count
                    } catch {
                        events = -1  // Refused (e.g. as a runaway): still bounded, still measured.
                    }
                }
                extra["startEvents"] = Double(events)
            }
            Measurement(name: "validate.\(name)", parameters: [:], operations: 1, seconds: validate, extra: extra)
                .print()
        }
    }

    static func document(_ nodes: [String], start: String) -> String {
        """
        {"id": "bench", "version": 1, "title": "bench", "jurisdiction": {"name": "测试区", "code": "320902"},
         "regulation": {"title": "测试办法"}, "calendar": "cn-mainland",
         "variables": {"amount": {"type": "decimal", "unit": "万元", "minimum": 0}}, "start": "\(start)",
         "nodes": [
        \(nodes.joined(separator: ",\n"))
        ]}
        """
    }

    /// `count` nodes: automatic stages with an exclusive gateway every third node, then an end.
    static func chain(_ count: Int) -> String {
        var nodes: [String] = []
        for index in 0..<(count - 1) {
            let next = index + 2 < count ? "n\(index + 1)" : "done"
            if index % 3 == 2 {
                nodes.append(#"{"id": "n\#(index)", "type": "exclusive", "branches": [{"when": "project.amount >= 500", "to": "done"}], "default": "\#(next)"}"#)
            } else {
                nodes.append(#"{"id": "n\#(index)", "type": "stage", "stage": "automatic", "outcomes": {"done": "\#(next)"}}"#)
            }
        }
        nodes.append(#"{"id": "done", "type": "end", "result": "done"}"#)
        return document(nodes, start: "n0")
    }

    /// `count` stages whose outcome names a node that does not exist.
    static func brokenReferences(_ count: Int) -> String {
        document((0..<count).map {
            #"{"id": "s\#($0)", "type": "stage", "stage": "automatic", "outcomes": {"done": "nowhere-\#($0)"}}"#
        }, start: "s0")
    }

    /// `depth` parallel blocks nested in one another, each with a branch to the next split and an empty one.
    static func nestedParallelBlocks(_ depth: Int) -> String {
        var nodes: [String] = []
        for index in 0..<depth {
            let branch = index + 1 < depth ? "p\(index + 1)" : "work"
            nodes.append(#"{"id": "p\#(index)", "type": "parallel", "branches": ["\#(branch)", "j\#(index)"], "join": "j\#(index)"}"#)
        }
        nodes.append(#"{"id": "work", "type": "stage", "stage": "automatic", "outcomes": {"done": "j\#(depth - 1)"}}"#)
        for index in stride(from: depth - 1, through: 0, by: -1) {
            nodes.append(#"{"id": "j\#(index)", "type": "join", "next": "\#(index > 0 ? "j\(index - 1)" : "done")"}"#)
        }
        nodes.append(#"{"id": "done", "type": "end", "result": "done"}"#)
        return document(nodes, start: "p0")
    }

    /// `count` exclusive gateways in a chain; with `cycle` the last leads back to the first.
    static func chainedGateways(_ count: Int, cycle: Bool) -> String {
        var nodes: [String] = []
        for index in 0..<count {
            let next = index + 1 < count ? "g\(index + 1)" : (cycle ? "g0" : "done")
            nodes.append(#"{"id": "g\#(index)", "type": "exclusive", "branches": [{"when": "project.amount < 0", "to": "done"}], "default": "\#(next)"}"#)
        }
        nodes.append(#"{"id": "done", "type": "end", "result": "done"}"#)
        return document(nodes, start: "g0")
    }
}
