/// Checks a definition's graph as a whole: the start node exists, every node is reachable and can reach an end,
/// every parallel split has a join that all of its branches reach and nothing else enters, and no cycle goes round
/// without a stage or wait node on it.
struct GraphValidator {
    let nodes: [NodeReader.ParsedNode]
    let start: String
    let startElement: JSONElement?
    let sink: DiagnosticSink

    private var byID: [String: NodeReader.ParsedNode] {
        Dictionary(nodes.map { ($0.node.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs every check and returns, for each parallel split, the nodes inside its block.
    func validate() -> ParallelBlocks {
        let byID = self.byID
        guard let startNode = byID[start] else {
            sink.report(.missingNode, "the start node \"\(start)\" does not exist\(Suggestion.hint(for: start, in: byID.keys))",
                        at: startElement?.location ?? SourceLocation(line: 1, column: 1), path: .root.appending("start"))
            return ParallelBlocks()
        }
        if case .join = startNode.node.kind {
            sink.report(.joinDeadlock, "the start node \"\(start)\" is a join; a project would wait there forever",
                        at: startElement?.location ?? startNode.element.location, path: .root.appending("start"))
        }
        let successors = byID.mapValues { $0.node.successors }
        let reachable = GraphValidator.reach(from: [start], successors: successors)
        for parsed in nodes where !reachable.contains(parsed.node.id) {
            sink.report(.unreachableNode,
                        "node \"\(parsed.node.id)\" cannot be reached from the start node \"\(start)\"; route an "
                            + "outcome, branch or deadline to it, or remove it",
                        at: parsed.element, path: parsed.path)
        }
        let predecessors = GraphValidator.invert(successors)
        let ends = nodes.filter { if case .end = $0.node.kind { return true } else { return false } }.map(\.node.id)
        let finishing = GraphValidator.reach(from: ends, successors: predecessors)
        for parsed in nodes where reachable.contains(parsed.node.id) && !finishing.contains(parsed.node.id) {
            sink.report(.noPathToEnd,
                        "no end node can be reached from node \"\(parsed.node.id)\"; a project that gets here never "
                            + "finishes",
                        at: parsed.element, path: parsed.path)
        }
        reportAutomaticCycles()
        return parallelBlocks(byID: byID, successors: successors, predecessors: predecessors)
    }

    private func parallelBlocks(byID: [String: NodeReader.ParsedNode], successors: [String: [String]],
                                predecessors: [String: [String]]) -> ParallelBlocks
    {
        var offsets: [String: Int32] = [:]
        for (offset, parsed) in nodes.enumerated() where offsets[parsed.node.id] == nil {
            offsets[parsed.node.id] = Int32(offset)
        }
        let successorLists = nodes.map { $0.node.successors.compactMap { offsets[$0] } }
        let forwardEdges = Adjacency(successorLists)
        var predecessorLists: [[Int32]] = Array(repeating: [], count: nodes.count)
        for (offset, targets) in successorLists.enumerated() {
            for target in targets { predecessorLists[Int(target)].append(Int32(offset)) }
        }
        let backwardEdges = Adjacency(predecessorLists)
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
            guard let joinNode = byID[split.join], case .join = joinNode.node.kind, let joinOffset = offsets[split.join]
            else {
                sink.report(.joinNeverFires,
                            "\"join\" of parallel split \"\(splitID)\" must name a join node, but \"\(split.join)\" is "
                                + "a \(byID[split.join]?.node.kind.typeName ?? "missing") node",
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
            let block = reached.filter { backward[Int($0)] == stamp }.sorted()
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
            for predecessor in predecessors[split.join] ?? [] where predecessor != splitID && !inBlock(predecessor) {
                guard let outside = byID[predecessor] else { continue }
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

    /// Every node reachable from `starts` (inclusive), not walking past the `stoppingAt` nodes.
    static func reach(from starts: [String], successors: [String: [String]], stoppingAt: Set<String> = [])
        -> Set<String>
    {
        var seen: Set<String> = []
        var pending = starts.filter { !stoppingAt.contains($0) }
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            for successor in successors[next] ?? [] where !seen.contains(successor) && !stoppingAt.contains(successor) {
                pending.append(successor)
            }
        }
        return seen
    }

    /// The predecessor lists of a successor map.
    static func invert(_ successors: [String: [String]]) -> [String: [String]] {
        var predecessors: [String: [String]] = [:]
        for (node, targets) in successors.sorted(by: { $0.key < $1.key }) {
            for target in targets { predecessors[target, default: []].append(node) }
        }
        return predecessors
    }
}
