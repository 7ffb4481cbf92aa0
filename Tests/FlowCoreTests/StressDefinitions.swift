import Foundation

/// Generated definitions at the sizes that used to crash or stall: long chains of gateways, deep nesting of
/// parallel blocks, gateways that route to each other. Each node is written on its own line, starting at column 1,
/// so that the first node is at line 11 of `Fixtures.document`.
enum StressDefinitions {
    /// `count` exclusive gateways g0 → g1 → … each going on by default (and to the end "done" only when the
    /// amount is negative); the last goes on to "done", or, with `cycle`, back to g0.
    static func chainedGateways(_ count: Int, cycle: Bool = false) -> String {
        var lines: [String] = []
        for index in 0..<count {
            let next = index + 1 < count ? "g\(index + 1)" : (cycle ? "g0" : "done")
            let branches = #"[{"when": "project.amount < 0", "to": "done"}]"#
            lines.append(#"{"id": "g\#(index)", "type": "exclusive", "branches": \#(branches), "default": "\#(next)"}"#)
        }
        lines.append(#"{"id": "done", "type": "end", "result": "done"}"#)
        return Fixtures.document(nodes: lines.joined(separator: ",\n"), start: "g0")
    }

    /// `depth` parallel splits nested in one another, each with two branches: the next split (the innermost: an
    /// automatic stage) and an empty one straight to its join; each join leads to the join around it, the
    /// outermost to "done".
    static func nestedParallelBlocks(_ depth: Int) -> String {
        var lines: [String] = []
        for index in 0..<depth {
            let branch = index + 1 < depth ? "p\(index + 1)" : "work"
            lines.append(#"{"id": "p\#(index)", "type": "parallel", "branches": ["\#(branch)", "j\#(index)"], "join": "j\#(index)"}"#)
        }
        lines.append(#"{"id": "work", "type": "stage", "stage": "automatic", "outcomes": {"done": "j\#(depth - 1)"}}"#)
        for index in stride(from: depth - 1, through: 0, by: -1) {
            let next = index > 0 ? "j\(index - 1)" : "done"
            lines.append(#"{"id": "j\#(index)", "type": "join", "next": "\#(next)"}"#)
        }
        lines.append(#"{"id": "done", "type": "end", "result": "done"}"#)
        return Fixtures.document(nodes: lines.joined(separator: ",\n"), start: "p0")
    }

    /// `count` automatic stages, each routing its outcome to a node that does not exist ("nowhere-<n>").
    static func brokenReferences(_ count: Int) -> String {
        var lines: [String] = []
        for index in 0..<count {
            lines.append(#"{"id": "s\#(index)", "type": "stage", "stage": "automatic", "outcomes": {"done": "nowhere-\#(index)"}}"#)
        }
        return Fixtures.document(nodes: lines.joined(separator: ",\n"), start: "s0")
    }
}
