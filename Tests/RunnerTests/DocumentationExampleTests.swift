import FlowCore
import Foundation
import Stages
import Testing

/// The examples in the documentation are real definitions: they load without a problem.
@Suite struct DocumentationExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The first ```json block of a document.
    static func firstJSONBlock(in document: String) throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
        let start = try #require(text.range(of: "```json\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    @Test func workflowFormatExampleIsAValidDefinition() throws {
        let source = try Self.firstJSONBlock(in: "docs/workflow-format.md")
        let calendars = try CalendarLibrary.load(directory: Self.root.appendingPathComponent("workflows/calendars"))
        let loader = DefinitionLoader(registry: BuiltInStages.registry(), knownCalendars: Set(calendars.ids))
        let definition = try loader.load(source, file: "docs/workflow-format.md")
        #expect(definition.id == "example-county")
        #expect(definition.nodes.count == 11)
    }
}
