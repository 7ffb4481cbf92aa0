/// Checks a definition's graph as a whole: the start node exists, every node is reachable and can reach an end,
/// every parallel split has a join that all of its branches reach and nothing else enters, and no cycle goes round
/// without a stage or wait node on it.
struct GraphValidator {
    let nodes: [NodeReader.ParsedNode]
    let start: String
    let startElement: JSONElement?
    let sink: DiagnosticSink

    /// Runs every check and returns, for each parallel split, the nodes inside its block.
    func validate() -> ParallelBlocks {
        let graph = NodeGraph(nodes.map(\.node))
        guard let startOffset = graph.offsets[start] else {
            let hint = Suggestion.hint(for: start, in: graph.offsets.keys)
            sink.report(.missingNode, "the start node \"\(start)\" does not exist\(hint)",
                        at: startElement?.location ?? SourceLocation(line: 1, column: 1),
                        path: .root.appending("start"))
            return ParallelBlocks()
        }
        let startNode = nodes[Int(startOffset)]
        if case .join = startNode.node.kind {
            sink.report(.joinDeadlock, "the start node \"\(start)\" is a join; a project would wait there forever",
                        at: startElement?.location ?? startNode.element.location, path: .root.appending("start"))
        }
        let reachable = graph.forward.reach(from: [startOffset])
        for offset in nodes.indices where !reachable[offset] {
            let parsed = nodes[offset]
            sink.report(.unreachableNode,
                        "node \"\(parsed.node.id)\" cannot be reached from the start node \"\(start)\"; route an "
                            + "outcome, branch or deadline to it, or remove it",
                        at: parsed.element, path: parsed.path)
        }
        let ends = nodes.indices.filter { if case .end = nodes[$0].node.kind { true } else { false } }.map { Int32($0) }
        let finishing = graph.backward.reach(from: ends)
        for offset in nodes.indices where reachable[offset] && !finishing[offset] {
            let parsed = nodes[offset]
            sink.report(.noPathToEnd,
                        "no end node can be reached from node \"\(parsed.node.id)\"; a project that gets here never "
                            + "finishes",
                        at: parsed.element, path: parsed.path)
        }
        reportAutomaticCycles(graph)
        return parallelBlocks(graph)
    }

    private func parallelBlocks(_ graph: NodeGraph) -> ParallelBlocks {
        let offsets = graph.offsets
        let forwardEdges = graph.forward
        let backwardEdges = graph.backward
        // Marks stamped with the split's offset, so that each walk reuses the arrays without clearing them.
        var forward = [Int32](repeating: -1, count: nodes.count)
        var backward = [Int32](repeating: -1, count: nodes.count)
        var blocks: [String: [Int32]] = [:]
        var splitOfJoin: [String: String] = [:]
        for (splitOffset, parsed) in nodes.enumerated() {
            guard case .parallel(let split) = parsed.node.kind else { continue }
            let splitID = parsed.node.id
            let joinPath = parsed.path.appending("join")
            let joinElement = parsed.element.member("join")?.value ?? parsed.element
            let joinOffset = offsets[split.join]
            guard let joinOffset, case .join = nodes[Int(joinOffset)].node.kind else {
                sink.report(.joinNeverFires,
                            "\"join\" of parallel split \"\(splitID)\" must name a join node, but \"\(split.join)\" is "
                                + "a \(joinOffset.map { nodes[Int($0)].node.kind.typeName } ?? "missing") node",
                            at: joinElement, path: joinPath)
                continue
            }
            if let other = splitOfJoin[split.join] {
                sink.report(.joinDeadlock,
                            "join \"\(split.join)\" is already the join of parallel split \"\(other)\"; give each "
                                + "split its own join",
                            at: joinElement, path: joinPath)
                continue
            }
            splitOfJoin[split.join] = splitID
            let stamp = Int32(splitOffset)
            let reached = forwardEdges.walk(from: split.branches.compactMap { offsets[$0] },
                                            stoppingAt: joinOffset, stamp, marks: &forward, stamp: stamp)
            _ = backwardEdges.walk(from: [joinOffset], stoppingAt: stamp, stamp, marks: &backward, stamp: stamp)
            let block = GraphValidator.sortedBlock(reached, stamp: stamp, forward: forward, backward: backward)
            blocks[splitID] = block
            func inBlock(_ id: String) -> Bool {
                guard let offset = offsets[id] else { return false }
                return offset != joinOffset && forward[Int(offset)] == stamp && backward[Int(offset)] == stamp
            }
            for (index, branch) in split.branches.enumerated() where branch != split.join && !inBlock(branch) {
                sink.report(.joinNeverFires,
                            "branch \"\(branch)\" of parallel split \"\(splitID)\" never reaches its join "
                                + "\"\(split.join)\", so the join would wait for it forever",
                            at: parsed.element.member("branches")?.value.elements?[index] ?? parsed.element,
                            path: parsed.path.appending("branches").appending(index))
            }
            // In the order of the predecessors' ids, once per edge.
            let predecessors = backwardEdges.targets(of: joinOffset).map { nodes[Int($0)] }.sorted {
                $0.node.id < $1.node.id
            }
            for outside in predecessors where outside.node.id != splitID && !inBlock(outside.node.id) {
                let predecessor = outside.node.id
                sink.report(.joinDeadlock,
                            "join \"\(split.join)\" can be entered from node \"\(predecessor)\", outside the parallel "
                                + "block of \"\(splitID)\"; a project arriving that way would wait for branches that "
                                + "never started",
                            at: outside.element, path: outside.path)
            }
        }
        for parsed in nodes {
            guard case .join = parsed.node.kind, splitOfJoin[parsed.node.id] == nil else { continue }
            sink.report(.joinNeverFires,
                        "join \"\(parsed.node.id)\" belongs to no parallel split; name it in a split's \"join\"",
                        at: parsed.element, path: parsed.path)
        }
        return ParallelBlocks(offsets: offsets, members: blocks)
    }

    /// The nodes of `reached` (the forward walk's, marked `stamp` in `forward`) that the backward walk marked too,
    /// sorted. When they span a range of offsets not much wider than their number, as nested blocks do, reading
    /// the marks across the range gives them in order without sorting.
    static func sortedBlock(_ reached: [Int32], stamp: Int32, forward: [Int32], backward: [Int32]) -> [Int32] {
        guard let low = reached.min(), let high = reached.max() else { return [] }
        guard Int(high - low) < 4 * reached.count else {
            return reached.filter { backward[Int($0)] == stamp }.sorted()
        }
        return (low...high).filter { forward[Int($0)] == stamp && backward[Int($0)] == stamp }
    }
}
