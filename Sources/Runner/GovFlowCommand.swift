import FlowCore
import Foundation

/// The `govflow` command line as a library function, so that a plugin developer's own executable can register
/// extra stage kinds and run exactly the same commands.
public enum GovFlowCommand {
    /// Runs the command line `arguments` (without the program name) and returns the process exit status.
    public static func run(arguments: [String], registry: StageRegistry) -> Int32 {
        FileHandle.standardError.write(Data("usage: govflow validate FILE...\n".utf8))
        return 2
    }
}
