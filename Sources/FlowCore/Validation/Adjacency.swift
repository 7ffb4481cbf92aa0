/// A graph's edges in compressed form (one flat array of targets, and where each node's start): walking it
/// allocates nothing per node, which matters when the validator walks every parallel block of a deeply nested
/// definition.
struct Adjacency {
    /// `first[node]..<first[node + 1]` are the positions of `node`'s targets in `targets`.
    private let first: [Int]
    private let targets: [Int32]

    init(_ lists: [[Int32]]) {
        var first = [0]
        first.reserveCapacity(lists.count + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            targets.append(contentsOf: list)
            first.append(targets.count)
        }
        self.first = first
        self.targets = targets
    }

    /// How many nodes the graph has.
    var nodeCount: Int { first.count - 1 }

    /// The targets of `node`'s edges, in order.
    func targets(of node: Int32) -> ArraySlice<Int32> {
        targets[first[Int(node)]..<first[Int(node) + 1]]
    }

    /// The nodes reachable from `starts` (inclusive), not walking past `stop` or `alsoStop`; each is marked with
    /// `stamp` in `marks`, which must hold no `stamp` yet.
    func walk(from starts: [Int32], stoppingAt stop: Int32, _ alsoStop: Int32, marks: inout [Int32], stamp: Int32)
        -> [Int32]
    {
        var reached: [Int32] = []
        var pending = starts.filter { $0 != stop && $0 != alsoStop }
        while let next = pending.popLast() {
            guard marks[Int(next)] != stamp else { continue }
            marks[Int(next)] = stamp
            reached.append(next)
            for position in first[Int(next)]..<first[Int(next) + 1] {
                let target = targets[position]
                if marks[Int(target)] != stamp, target != stop, target != alsoStop { pending.append(target) }
            }
        }
        return reached
    }
}

extension Adjacency {
    /// Whether each node is reachable from `starts` (inclusive).
    func reach(from starts: [Int32]) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodeCount)
        var pending = starts
        while let next = pending.popLast() {
            guard !seen[Int(next)] else { continue }
            seen[Int(next)] = true
            for target in targets(of: next) where !seen[Int(target)] { pending.append(target) }
        }
        return seen
    }
}
