import FlowCore
import Foundation

/// `govflow graph WORKFLOW [--format mermaid|dot]`: prints the process as a diagram (default: Mermaid).
///
/// Exit status: 0 the diagram was printed, 1 the definition is invalid, 2 a usage error. See docs/graph.md.
struct GraphCommand {
    let registry: StageRegistry
    let io: CommandIO

    static var usage: String { CommandTable.graph.usage }

    /// The diagram languages.
    enum Format: String, CaseIterable {
        case mermaid
        case dot
    }

    func run(_ arguments: [String]) -> Int32 {
        let options: ParsedArguments
        switch io.parse(arguments, CommandTable.graph) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        var format = Format.mermaid
        if let value = options.value("--format") {
            guard let parsed = Format(rawValue: value) else {
                let hint = NameSuggestion.hint(for: value, in: Format.allCases.map(\.rawValue))
                return usageError("--format needs \"mermaid\" or \"dot\", found \"\(value)\"\(hint)")
            }
            format = parsed
        }
        guard let file = options.positional.first else { return usageError("missing the workflow file") }
        guard options.positional.count == 1 else {
            return usageError("unexpected argument \"\(options.positional[1])\"")
        }
        let source: String
        do throws(InputFile.Problem) {
            source = try InputFile.read(file)
        } catch {
            io.error("error: \(error)")
            return 2
        }
        let definition: WorkflowDefinition
        do {
            definition = try DefinitionLoader(registry: registry).load(source, file: file)
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
