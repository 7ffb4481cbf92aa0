import FlowCore

/// Parses a command's arguments against its `CommandSpec`, the same way for every command:
///
/// - `-h` or `--help` anywhere (before `--`) asks for the command's help;
/// - options may come before, between or after the positional words; `--name value` and `--name=value` are the same;
/// - an option the command does not have is a usage error, with the nearest option name as a hint;
/// - an option that needs a value and is last, or is followed by another option, is a usage error;
/// - `--` ends the options: every later word is positional.
enum ArgumentParser {
    /// The outcome of parsing.
    enum Outcome: Sendable {
        /// The arguments, ready for the command.
        case parsed(ParsedArguments)
        /// `-h` or `--help` was given.
        case help
        /// The message of a usage error (without "error: ").
        case usageError(String)
    }

    static let helpNames: Set<String> = ["-h", "--help"]

    /// Parses `arguments` (the words after the command's name) for `spec`.
    static func parse(_ arguments: [String], for spec: CommandSpec) -> Outcome {
        if arguments.prefix(while: { $0 != "--" }).contains(where: helpNames.contains) { return .help }
        var parsed = ParsedArguments()
        var rest = arguments[...]
        var optionsEnded = false
        while let word = rest.popFirst() {
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                parsed.positional.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            guard let option = spec.option(name) else {
                return .usageError(unknownOption(name, for: spec))
            }
            guard let placeholder = option.value else {
                if inlineValue != nil { return .usageError("\(name) takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if let next = rest.first, !next.hasPrefix("--") {
                value = next
                rest.removeFirst()
            } else {
                return .usageError("\(name) needs a value (\(name) \(placeholder))")
            }
            parsed.values[name, default: []].append(value)
        }
        return .parsed(parsed)
    }

    /// `unknown option "--prot" for "govflow serve"; did you mean "--port"?`
    static func unknownOption(_ name: String, for spec: CommandSpec) -> String {
        let names = spec.options.map(\.name) + ["--help"]
        let hint = NameSuggestion.nearest(to: name, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
        return "unknown option \"\(name)\" for \"govflow \(spec.name)\"\(hint)"
    }
}
