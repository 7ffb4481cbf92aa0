import Foundation
import Runner
import Testing

/// Every definition in `workflows/` validates and draws a Mermaid diagram that passes the grammar check.
@Suite struct ScenarioBundledDefinitionsTests {
    static let ids = ["jianshan", "shangcheng", "shangrao", "tinghu", "yushan"]

    @Test func theFiveJurisdictionsAreBundled() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Scenario.workflows.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == Self.ids.map { "\($0).json" })
    }

    @Test(arguments: ids) func definitionValidates(id: String) {
        let path = Scenario.path(id)
        let run = SimulationFixture.run(["validate", path])
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(run.output.hasPrefix("\(path): valid (\(id) version "))
    }

    @Test(arguments: ids) func mermaidDiagramPassesTheGrammarCheck(id: String) {
        let run = SimulationFixture.run(["graph", Scenario.path(id), "--format", "mermaid"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("flowchart TD\n"))
        #expect(MermaidGrammarCheck.problems(in: run.output) == [])
    }
}
