import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import Stages
import Testing

/// The definitions and calendars built into `govflow` are exactly the files in `workflows/`, and a binary without
/// any of those files beside it uses them.
@Suite struct BundledResourcesTests {
    @Test func generatedSourceMatchesTheWorkflowFiles() throws {
        let expected = try BundledResourcesGenerator.source(
            workflows: StoreFixtures.packageRoot.appendingPathComponent("workflows"))
        let checkedIn = try String(
            contentsOf: StoreFixtures.packageRoot.appendingPathComponent(BundledResourcesGenerator.path),
            encoding: .utf8)
        #expect(checkedIn == expected, """
            \(BundledResourcesGenerator.path) differs from workflows/: run
            swift run govflow _generate-bundled-resources > \(BundledResourcesGenerator.path)
            """)
    }

    @Test func builtInFilesAreTheBundledFilesByteForByte() throws {
        let root = StoreFixtures.packageRoot.appendingPathComponent("workflows")
        for (name, text) in BundledResources.definitions {
            #expect(text == (try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)), "\(name)")
        }
        #expect(BundledResources.definitions.map(\.name)
                    == ["jianshan.json", "shangcheng.json", "shangrao.json", "tinghu.json", "yushan.json"])
        #expect(BundledResources.calendars.map(\.name) == ["cn-mainland.json"])
    }

    @Test func withoutAWorkflowsFolderTheBuiltInDefinitionsAreServed() throws {
        let folder = try WorkflowFolder.load(nil, registry: BuiltInStages.registry())
        #expect(folder.definitions.map(\.definition.id) == ["jianshan", "shangcheng", "shangrao", "tinghu", "yushan"])
        #expect(folder.definitions.map(\.file).first == "<built-in>/jianshan.json")
        #expect(folder.calendars.ids == ["cn-mainland"])
    }

    @Test func theLocatorFallsBackToTheBuiltInFilesOutsideARepository() throws {
        let empty = try StoreFixtures.temporaryFolder()
        #expect(ResourceLocator.workflowsDirectory(environment: [:], currentDirectory: empty.path) == nil)
        let home = ResourceLocator.workflowsDirectory(environment: ["GOVFLOW_HOME": "/srv/govflow"],
                                                      currentDirectory: empty.path)
        #expect(home?.path == "/srv/govflow/workflows")
        #expect(ResourceLocator.workflowsDirectory(environment: [:], currentDirectory: StoreFixtures.packageRoot.path)?
                    .path == StoreFixtures.packageRoot.appendingPathComponent("workflows").path)
    }

    @Test func aLocalCalendarExtendsTheBuiltInNationalOneWithoutACopy() throws {
        let folder = try StoreFixtures.temporaryFolder()
        try #"""
            {"id": "yancheng-tinghu", "name": "亭湖区", "extends": "cn-mainland",
             "years": [{"year": 2024, "holidays": [{"name": "区庆", "dates": ["2024-10-09"]}]}]}
            """#.write(to: folder.appendingPathComponent("tinghu.json"), atomically: true, encoding: .utf8)
        let captured = CapturedIO()
        let status = GovFlowCommand.run(
            arguments: ["calendar", "add", "2024-09-27", "5 workdays", "--calendar", "yancheng-tinghu",
                        "--calendars", folder.path],
            registry: BuiltInStages.registry(), io: captured.io)
        #expect(captured.errors == "")
        #expect(status == 0)
        #expect(captured.output == "2024-10-11\n")
    }

    @Test func aMissingCalendarsFolderIsNamedPlainly() {
        let captured = CapturedIO()
        let status = GovFlowCommand.run(arguments: ["calendar", "month", "2024-10", "--calendars", "/nonexistent/x"],
                                        registry: BuiltInStages.registry(), io: captured.io)
        #expect(status == 1)
        #expect(captured.errors == "/nonexistent/x: error: cannot read the calendar directory: no such directory\n")
    }
}
