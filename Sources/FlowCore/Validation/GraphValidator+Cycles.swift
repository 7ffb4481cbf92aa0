/// Cycles that never stop: gateways, splits and joins go on at once, so a cycle made only of them would run
/// forever in one command. Such a cycle must pass through a stage or a wait node.
extension GraphValidator {
    /// Reports every cycle of automatic nodes (exclusive gateways, parallel splits, joins), once per strongly
    /// connected component, at the component's first node in file order, naming a shortest cycle through it.
    func reportAutomaticCycles(_ graph: NodeGraph) {
        // The graph of automatic nodes only, as node offsets; edges to stages, waits and ends are left out.
        var edges: [[Int]] = Array(repeating: [], count: nodes.count)
        for (offset, parsed) in nodes.enumerated() where GraphValidator.goesOnAtOnce(parsed.node.kind) {
            edges[offset] = graph.forward.targets(of: Int32(offset)).compactMap { target in
                GraphValidator.goesOnAtOnce(nodes[Int(target)].node.kind) ? Int(target) : nil
            }
        }
        for component in GraphValidator.stronglyConnectedComponents(edges) {
            guard let first = component.min(), component.count > 1 || edges[first].contains(first) else { continue }
            let members = Set(component)
            let cycle = GraphValidator.shortestCycle(through: first, within: members, edges: edges)
            let parsed = nodes[first]
            let names = (cycle + [first]).map { "\"\(nodes[$0].node.id)\"" }.joined(separator: " → ")
            sink.report(.automaticCycle,
                        "the nodes \(names) form a cycle with no stage or wait node on it; a project that gets "
                            + "here would loop forever in one step. Put a stage or a wait node on the cycle, or "
                            + "route one of its branches elsewhere",
                        at: parsed.element, path: parsed.path)
        }
    }

    /// Whether a node of this kind passes a token on in the same command (a stage or wait stops it).
    static func goesOnAtOnce(_ kind: NodeKind) -> Bool {
        switch kind {
        case .exclusive, .parallel, .join: return true
        case .stage, .wait, .end: return false
        }
    }

    /// Tarjan's algorithm with explicit stacks (no recursion, so a graph of any depth is safe); each component's
    /// members in the order found. Linear in nodes plus edges.
    static func stronglyConnectedComponents(_ edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var order = [Int](repeating: -1, count: count)  // Discovery index, -1 while unvisited.
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        // Each frame: a node and how many of its edges have been followed.
        var frames: [(node: Int, next: Int)] = []
        for root in 0..<count where order[root] == -1 {
            frames.append((root, 0))
            order[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.next < edges[node].count {
                    frames[frames.count - 1].next += 1
                    let target = edges[node][frame.next]
                    if order[target] == -1 {
                        order[target] = counter
                        lowLink[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack[target] = true
                        frames.append((target, 0))
                    } else if onStack[target] {
                        lowLink[node] = min(lowLink[node], order[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == order[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                components.append(component)
            }
        }
        return components
    }

    /// The nodes of a shortest cycle from `start` back to it inside `members` (breadth first), starting with
    /// `start` and without repeating it at the end.
    static func shortestCycle(through start: Int, within members: Set<Int>, edges: [[Int]]) -> [Int] {
        var cameFrom: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for target in edges[node] where members.contains(target) {
                if target == start {
                    var cycle = [node]
                    while let previous = cameFrom[cycle[cycle.count - 1]] { cycle.append(previous) }
                    return cycle.reversed()
                }
                if cameFrom[target] == nil, target != start {
                    cameFrom[target] = node
                    queue.append(target)
                }
            }
        }
        return [start]  // Unreachable for a component: every member lies on a cycle through `start`.
    }
}
