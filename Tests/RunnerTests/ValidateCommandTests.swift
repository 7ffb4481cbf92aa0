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
             "regulation": {"title": "r"}, "calendar": "cn-mainland", "start": "a",
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
             "regulation": {"title": "r"}, "calendar": "cn-mainland", "start": "a",
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
        #expect(captured.errors.hasPrefix("error: unknown command \"frobnicate\"\n"))
    }
}

@Suite struct CalendarCommandTests {
    func run(_ arguments: [String], stdin: String = "") -> (Int32, String, String) {
        let captured = CapturedIO(stdin: stdin)
        let status = GovFlowCommand.run(arguments: ["calendar"] + arguments, registry: BuiltInStages.registry(),
                                        io: captured.io)
        return (status, captured.output, captured.errors)
    }

    @Test func addPrintsTheDueDateAcrossNationalDay() {
        let (status, output, _) = run(["add", "2024-09-27", "5 workdays"])
        #expect(status == 0)
        #expect(output == "2024-10-10\n")
    }

    @Test func batchAnswersEveryLineAndReportsBadOnesByLineNumber() {
        let (status, output, errors) = run(["add", "--batch"],
                                           stdin: "2024-09-27\t5 workdays\n2024-08-31\t6 months\n2024-02-30\t1 day\n")
        #expect(status == 1)
        #expect(output == "2024-10-10\n2025-02-28\n\n")
        #expect(errors == "error: line 3: 2024-02-30 is not a date that exists: February 2024 has 29 days\n")
    }

    @Test func badPeriodIsAUsageErrorNamingTheAcceptedForms() {
        let (status, _, errors) = run(["add", "2024-09-27", "5 work day"])
        #expect(status == 2)
        #expect(errors.hasPrefix("error: \"5 work day\" is not a period; write \"N workdays\""))
    }
}
