/// The optimal string alignment distance between two strings, used to suggest a known name for a mistyped one.
///
/// It counts insertions, deletions, substitutions and transpositions of adjacent scalars, so both
/// `project.amout` and `project.amuont` are one edit away from `project.amount`.
enum EditDistance {
    /// The number of single-scalar edits that turn `source` into `target`.
    static func between(_ source: String, _ target: String) -> Int {
        let left = Array(source.unicodeScalars)
        let right = Array(target.unicodeScalars)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        // Three rows suffice: the one before the previous is needed for transpositions.
        var beforePrevious = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var distance = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    distance = min(distance, beforePrevious[j - 2] + 1)
                }
                current[j] = distance
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[right.count]
    }
}
