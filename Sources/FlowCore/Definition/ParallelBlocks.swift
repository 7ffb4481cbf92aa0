/// For each parallel split, the nodes inside its block (between the split and its join), as the validator found
/// them; the engine asks it whether a move leaves a block.
///
/// Members are kept as sorted node offsets rather than sets of ids: deeply nested blocks put most nodes in many
/// blocks, and 3,000 nested blocks would otherwise hold millions of strings.
public struct ParallelBlocks: Sendable {
    private let offsets: [String: Int32]
    private let members: [String: [Int32]]

    /// No blocks (a definition without parallel splits).
    public init() {
        self.init(offsets: [:], members: [:])
    }

    /// `offsets` numbers every node; `members` lists, for each split id, the sorted offsets of its block.
    init(offsets: [String: Int32], members: [String: [Int32]]) {
        self.offsets = offsets
        self.members = members
    }

    /// The ids of the parallel splits, sorted.
    public var splits: [String] { members.keys.sorted() }

    /// Whether `node` lies inside the block of parallel split `split`.
    public func contains(_ node: String, inBlockOf split: String) -> Bool {
        guard let offset = offsets[node], let block = members[split] else { return false }
        var low = 0
        var high = block.count
        while low < high {
            let middle = (low + high) / 2
            if block[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low < block.count && block[low] == offset
    }
}
