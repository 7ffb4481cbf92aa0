/// A status a command exits with before doing its work (after `--help`, or a usage error).
struct ExitStatus: Error, Sendable {
    let code: Int32
}
