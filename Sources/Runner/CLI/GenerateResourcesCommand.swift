import Foundation

/// `govflow _generate-bundled-resources [--workflows DIR]` (hidden): prints the Swift source of
/// `BundledResources.swift` for the package's `workflows/` folder (default: `./workflows`).
struct GenerateResourcesCommand {
    let io: CommandIO

    static let spec = CommandSpec(
        name: "_generate-bundled-resources", synopsis: ["govflow _generate-bundled-resources [--workflows DIR]"],
        summary: "Prints Sources/Runner/Resources/BundledResources.swift for the workflows folder (default: "
            + "./workflows). Run from the package root: swift run govflow _generate-bundled-resources > "
            + BundledResourcesGenerator.path,
        options: [.init(name: "--workflows", value: "DIR", help: "the package's workflows folder",
                        completion: .directory)])

    func run(_ arguments: [String]) -> Int32 {
        let options: ParsedArguments
        switch io.parse(arguments, Self.spec) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        if let extra = options.positional.first { return io.usageError("unexpected argument \"\(extra)\"", Self.spec) }
        let folder = URL(fileURLWithPath: options.value("--workflows") ?? "workflows")
        do throws(InputFile.Problem) {
            io.output(try BundledResourcesGenerator.source(workflows: folder))
            return 0
        } catch {
            io.error("error: \(error)")
            return 1
        }
    }
}
