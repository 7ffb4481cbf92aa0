/// "Did you mean …?" hints: the candidate nearest to a misspelt name by edit distance.
enum Suggestion {
    /// The candidate closest to `name`, if one is close enough to be a likely typo.
    ///
    /// Candidates whose length differs from the name's by more than the limit are skipped without computing a
    /// distance; ties go to the alphabetically first candidate, so that messages do not depend on set order.
    static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        let length = name.unicodeScalars.count
        let limit = max(2, length / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where abs(candidate.unicodeScalars.count - length) <= limit {
            let distance = EditDistance.between(name, candidate)
            guard distance <= limit else { continue }
            if let current = best,
               distance > current.distance || (distance == current.distance && candidate >= current.candidate) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// " Did you mean "x"?" or an empty string.
    static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        nearest(to: name, in: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// `unknown <what> "<name>"; did you mean "<nearest>"?; <plural> are "a", "b"` for a name outside a fixed list.
    static func unknown(_ what: String, _ name: String, among choices: [String], plural: String) -> String {
        "unknown \(what) \"\(name)\"\(hint(for: name, in: choices)); \(plural) are "
            + choices.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
