/// "Did you mean …?" for names outside FlowCore (command names, options, workflow identifiers): the same nearest-name
/// search the definition diagnostics use.
public enum NameSuggestion {
    /// The candidate closest to `name` by edit distance, if one is close enough to be a likely typo.
    public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        Suggestion.nearest(to: name, in: candidates)
    }

    /// `; did you mean "x"?`, or an empty string when no candidate is close.
    public static func hint(for name: String, in candidates: some Sequence<String>) -> String {
        Suggestion.hint(for: name, in: candidates)
    }
}
