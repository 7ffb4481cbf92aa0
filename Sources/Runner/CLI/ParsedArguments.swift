/// The arguments of one command after parsing: positional words in order, option values and flags.
struct ParsedArguments: Sendable {
    /// The words that are not options, in order.
    var positional: [String] = []
    /// Each option's values in the order given (an option given twice keeps both).
    var values: [String: [String]] = [:]
    /// The flags given.
    var flags: Set<String> = []

    /// The last value given for `option`, if any.
    func value(_ option: String) -> String? { values[option]?.last }

    /// Whether the flag `option` was given.
    func has(_ option: String) -> Bool { flags.contains(option) }
}
