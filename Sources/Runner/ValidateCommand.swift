import FlowCore
import Foundation

/// `govflow validate FILE...`: loads each definition and prints every problem as `file:line:col: error: message`.
struct ValidateCommand {
    let registry: StageRegistry
    let io: CommandIO

    func run(_ arguments: [String]) -> Int32 {
        guard !arguments.isEmpty else {
            io.error("usage: govflow validate FILE...")
            return 2
        }
        let loader = DefinitionLoader(registry: registry)
        var failed = false
        for file in arguments {
            do {
                let definition = try loader.load(contentsOf: URL(fileURLWithPath: file), displayPath: file)
                io.print("\(file): valid (\(definition.id) version \(definition.version), \(definition.nodes.count) nodes)")
            } catch {
                failed = true
                for diagnostic in error.diagnostics { io.error(diagnostic.description) }
            }
        }
        return failed ? 1 : 0
    }
}
