import FlowCore
import Foundation

/// `govflow graph WORKFLOW [--format mermaid|dot]`: prints the process as a diagram (default: Mermaid).
///
/// Exit status: 0 the diagram was printed, 1 the definition is invalid, 2 a usage error. See docs/graph.md.
struct GraphCommand {
    let registry: StageRegistry
    let io: CommandIO

    static let usage = "usage: govflow graph WORKFLOW [--format mermaid|dot]"

    /// The diagram languages.
    enum Format: String, CaseIterable {
        case mermaid
        case dot
    }

    func run(_ arguments: [String]) -> Int32 {
        var file: String?
        var format = Format.mermaid
        var rest = arguments[...]
        while let word = rest.popFirst() {
            if word == "--format" {
                guard let value = rest.popFirst(), let parsed = Format(rawValue: value) else {
                    let found = arguments.drop { $0 != "--format" }.dropFirst().first.map { ", found \"\($0)\"" } ?? ""
                    return usageError("--format needs \"mermaid\" or \"dot\"\(found)")
                }
                format = parsed
            } else if word.hasPrefix("--") {
                return usageError("unknown option \(word)")
            } else if file == nil {
                file = word
            } else {
                return usageError("unexpected argument \"\(word)\"")
            }
        }
        guard let file else { return usageError("missing the workflow file") }
        let definition: WorkflowDefinition
        do {
            definition = try DefinitionLoader(registry: registry).load(contentsOf: URL(fileURLWithPath: file),
                                                                       displayPath: file)
        } catch {
            for diagnostic in error.diagnostics { io.error(diagnostic.description) }
            return 1
        }
        io.output(Self.render(definition, format: format))
        return 0
    }

    /// The diagram of `definition` in `format`.
    static func render(_ definition: WorkflowDefinition, format: Format) -> String {
        let graph = ProcessGraph(definition)
        switch format {
        case .mermaid: return MermaidRenderer.render(graph)
        case .dot: return DotRenderer.render(graph)
        }
    }

    private func usageError(_ message: String) -> Int32 {
        io.error("error: \(message)\n\(Self.usage)")
        return 2
    }
}
