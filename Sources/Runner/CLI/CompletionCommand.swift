/// `govflow completion bash|zsh`: prints a completion script made from `CommandTable`, so that completions offer
/// exactly the commands and options the parser accepts.
struct CompletionCommand {
    let io: CommandIO

    func run(_ arguments: [String]) -> Int32 {
        let spec = CommandTable.completion
        let options: ParsedArguments
        switch io.parse(arguments, spec) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        guard options.positional.count == 1, let shell = options.positional.first else {
            return io.usageError("give one shell: bash or zsh", spec)
        }
        switch shell {
        case "bash": io.output(ShellCompletion.bash())
        case "zsh": io.output(ShellCompletion.zsh())
        default:
            return io.usageError("unknown shell \"\(shell)\"; the shells are bash and zsh", spec)
        }
        return 0
    }
}
