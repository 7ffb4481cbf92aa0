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
        let successorLists = nodes.map { $0.successors.compactMap { offsets[$0] } }
        var predecessorLists: [[Int32]] = Array(repeating: [], count: nodes.count)
        for (offset, targets) in successorLists.enumerated() {
            for target in targets { predecessorLists[Int(target)].append(Int32(offset)) }
        }
        self.offsets = offsets
        forward = Adjacency(successorLists)
        backward = Adjacency(predecessorLists)
    }
}
