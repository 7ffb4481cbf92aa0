/// Checks a definition's graph as a whole: the start node exists, every node is reachable and can reach an end,
/// and every parallel split has a join that all of its branches reach and nothing else enters.
struct GraphValidator {
    let nodes: [NodeReader.ParsedNode]
    let start: String
    let startElement: JSONElement?
    let sink: DiagnosticSink

    private var byID: [String: NodeReader.ParsedNode] {
        Dictionary(nodes.map { ($0.node.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs every check and returns, for each parallel split, the nodes inside its block.
    func validate() -> [String: Set<String>] {
        let byID = self.byID
        guard let startNode = byID[start] else {
            sink.report(.missingNode, "the start node \"\(start)\" does not exist\(Suggestion.hint(for: start, in: byID.keys))",
                        at: startElement?.location ?? SourceLocation(line: 1, column: 1), path: .root.appending("start"))
            return [:]
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
        return parallelBlocks(byID: byID, successors: successors, predecessors: predecessors)
    }

    private func parallelBlocks(byID: [String: NodeReader.ParsedNode], successors: [String: [String]],
                                predecessors: [String: [String]]) -> [String: Set<String>]
    {
        var blocks: [String: Set<String>] = [:]
        var splitOfJoin: [String: String] = [:]
        for parsed in nodes {
            guard case .parallel(let split) = parsed.node.kind else { continue }
            let splitID = parsed.node.id
            let joinPath = parsed.path.appending("join")
            let joinElement = parsed.element.member("join")?.value ?? parsed.element
            guard let joinNode = byID[split.join], case .join = joinNode.node.kind else {
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
            let forward = GraphValidator.reach(from: split.branches, successors: successors,
                                               stoppingAt: [split.join, splitID])
            let backward = GraphValidator.reach(from: [split.join], successors: predecessors, stoppingAt: [splitID])
            let block = forward.intersection(backward).subtracting([split.join])
            blocks[splitID] = block
            for (index, branch) in split.branches.enumerated() where branch != split.join && !block.contains(branch) {
                sink.report(.joinNeverFires,
                            "branch \"\(branch)\" of parallel split \"\(splitID)\" never reaches its join "
                                + "\"\(split.join)\", so the join would wait for it forever",
                            at: parsed.element.member("branches")?.value.elements?[index] ?? parsed.element,
                            path: parsed.path.appending("branches").appending(index))
            }
            for predecessor in predecessors[split.join] ?? [] where predecessor != splitID && !block.contains(predecessor) {
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
        return blocks
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
