/// A definition's nodes as numbers (their offsets in the `"nodes"` array) with the edges both ways, built once so
/// that the graph checks hash each id once instead of walking dictionaries of strings.
///
/// Ids are unique here: duplicates are reported before the graph is checked. Should one appear twice anyway, its
/// first node is the one references lead to.
struct NodeGraph {
    /// The offset of each node id.
    let offsets: [String: Int32]
    /// Each node's successors, in the order `Node.successors` lists them (references to unknown ids left out).
    let forward: Adjacency
    /// Each node's predecessors, in node order, a node listed once per edge.
    let backward: Adjacency

    init(_ nodes: [Node]) {
        var offsets: [String: Int32] = [:]
        offsets.reserveCapacity(nodes.count)
        for (offset, node) in nodes.enumerated() where offsets[node.id] == nil {
            offsets[node.id] = Int32(offset)
        }
        var first = [0]
        first.reserveCapacity(nodes.count + 1)
        var targets: [Int32] = []
        for node in nodes {
            node.forEachSuccessor { id in
                if let target = offsets[id] { targets.append(target) }
            }
            first.append(targets.count)
        }
        self.offsets = offsets
        forward = Adjacency(first: first, targets: targets)
        backward = forward.reversed
    }
}
