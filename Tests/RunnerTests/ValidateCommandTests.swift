import FlowCore
import Foundation
import Runner
import Stages
import Synchronization
import Testing

/// Captures what a command writes.
final class CapturedIO: Sendable {
    let out = Mutex("")
    let err = Mutex("")
    let stdin: Data

    init(stdin: String = "") {
        self.stdin = Data(stdin.utf8)
    }

    var io: CommandIO {
        CommandIO(input: { [stdin] in stdin }, output: { text in self.out.withLock { $0 += text } },
                  errors: { text in self.err.withLock { $0 += text } })
    }

    var output: String { out.withLock { $0 } }
    var errors: String { err.withLock { $0 } }
}

@Suite struct ValidateCommandTests {
    func write(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func invalidDefinitionPrintsEachProblemAsFileLineColumnAndExitsOne() throws {
        let path = try write("""
            {"id": "x", "version": 1, "title": "t", "jurisdiction": {"name": "n", "code": "320902"},
             "regulation": {"title": "r"}, "calendar": "weekends", "start": "a",
             "nodes": [{"id": "a", "type": "end", "result": "done", "colour": "red"}]}
            """, name: "bad.json")
        let captured = CapturedIO()
        let status = GovFlowCommand.run(arguments: ["validate", path], registry: BuiltInStages.registry(),
                                        io: captured.io)
        #expect(status == 1)
        #expect(captured.errors == """
            \(path):3:57: error: unknown field "colour" in node "a"; allowed fields are "id", "type", "name", \
            "basis", "note", "result" [unknown-field] at $.nodes[0].colour

            """)
        #expect(captured.output == "")
    }

    @Test func validDefinitionReportsItsIdAndExitsZero() throws {
        let path = try write("""
            {"id": "x", "version": 2, "title": "t", "jurisdiction": {"name": "n", "code": "320902"},
             "regulation": {"title": "r"}, "calendar": "weekends", "start": "a",
             "nodes": [{"id": "a", "type": "end", "result": "done"}]}
            """, name: "good.json")
        let captured = CapturedIO()
        let status = GovFlowCommand.run(arguments: ["validate", path], registry: BuiltInStages.registry(),
                                        io: captured.io)
        #expect(status == 0)
        #expect(captured.output == "\(path): valid (x version 2, 1 nodes)\n")
    }

    @Test func unknownCommandExitsTwoWithUsage() {
        let captured = CapturedIO()
        let status = GovFlowCommand.run(arguments: ["frobnicate"], registry: BuiltInStages.registry(),
                                        io: captured.io)
        #expect(status == 2)
        #expect(captured.errors.hasPrefix("govflow: unknown command \"frobnicate\"\n"))
    }
}
