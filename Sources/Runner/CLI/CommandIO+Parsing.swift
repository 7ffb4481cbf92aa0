/// The command-line convention every command shares: usage errors and `--help` handled the same way.
extension CommandIO {
    /// Prints `error: message` and the command's usage on the error stream; returns 2, the usage-error status.
    func usageError(_ message: String, _ spec: CommandSpec) -> Int32 {
        error("error: \(message)\n\(spec.usage)")
        return 2
    }

    /// Parses `arguments` for `spec`; prints the help (status 0) or a usage error (status 2) itself, and returns
    /// the parsed arguments, or the status to exit with.
    func parse(_ arguments: [String], _ spec: CommandSpec) -> Result<ParsedArguments, ExitStatus> {
        switch ArgumentParser.parse(arguments, for: spec) {
        case .parsed(let parsed):
            return .success(parsed)
        case .help:
            print(spec.help)
            return .failure(ExitStatus(code: 0))
        case .usageError(let message):
            return .failure(ExitStatus(code: usageError(message, spec)))
        }
    }
}
