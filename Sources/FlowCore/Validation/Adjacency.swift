/// A graph's edges in compressed form (one flat array of targets, and where each node's start): walking it
/// allocates nothing per node, which matters when the validator walks every parallel block of a deeply nested
/// definition.
struct Adjacency {
    /// `first[node]..<first[node + 1]` are the positions of `node`'s targets in `targets`.
    private let first: [Int]
    private let targets: [Int32]

    /// The graph whose node `node` has the targets `targets[first[node]..<first[node + 1]]`.
    init(first: [Int], targets: [Int32]) {
        precondition(first.first == 0 && first.last == targets.count, "Adjacency: offsets do not cover the targets")
        self.first = first
        self.targets = targets
    }

    /// The same edges the other way round: each node's sources, in node order, once per edge.
    var reversed: Adjacency {
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        for target in targets { counts[Int(target) + 1] += 1 }
        for node in 0..<nodeCount { counts[node + 1] += counts[node] }
        var next = counts
        var sources = [Int32](repeating: 0, count: targets.count)
        for node in 0..<nodeCount {
            for target in self.targets(of: Int32(node)) {
                sources[next[Int(target)]] = Int32(node)
                next[Int(target)] += 1
            }
        }
        return Adjacency(first: counts, targets: sources)
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
