import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import SQLiteStore
import Testing

@Suite struct ServeCommandTests {
    /// A workflows folder with the bundled calendars and `definitions` (file name → text).
    func workflowsFolder(_ definitions: [String: String]) throws -> URL {
        let folder = try StoreFixtures.temporaryFolder().appendingPathComponent("workflows")
        let calendars = folder.appendingPathComponent("calendars")
        try FileManager.default.createDirectory(at: calendars, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: StoreFixtures.packageRoot.appendingPathComponent("workflows/calendars/cn-mainland.json"),
            to: calendars.appendingPathComponent("cn-mainland.json"))
        for (name, text) in definitions {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Runs serve and stops it as soon as it is up.
    func serve(_ arguments: [String], _ captured: CapturedIO) -> Int32 {
        var command = ServeCommand(registry: StoreFixtures.registry, io: captured.io)
        command.listenForStop = { {} }
        command.clock = ManualClock(TestTime.morning("2024-09-27"))
        // Port 0: the system picks a free port, so tests never collide on 8080.
        return command.run(arguments + ["--listen", "127.0.0.1:0"])
    }

    func logLines(_ captured: CapturedIO) throws -> [[String: String]] {
        try captured.errors.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
            try JSONDecoder().decode([String: String].self, from: Data($0.utf8))
        }
    }

    @Test func startsWithZeroDefinitions_warnsCreatesTheDatabaseAndStopsWithZero() throws {
        let folder = try workflowsFolder([:])
        let database = try StoreFixtures.databasePath()
        let captured = CapturedIO()

        let status = serve(["--db", database, "--workflows", folder.path], captured)

        #expect(status == 0)
        let logs = try logLines(captured)
        #expect(logs.map { $0["msg"] ?? "" } == [
            "no workflow definitions in the workflows folder; serving only what the database holds",
            "no tokens file: listening on loopback only, and every request acts as a local administrator; give "
                + "--tokens FILE to require bearer tokens",
            "serving", "stopping: finishing the work in flight", "stopped",
        ])
        #expect(logs.map { $0["level"] ?? "" } == ["warning", "warning", "info", "info", "info"])
        #expect(logs.first { $0["msg"] == "serving" }?["listen"]?.hasPrefix("127.0.0.1:") == true)
        #expect(logs.allSatisfy { $0["ts"]?.hasSuffix("Z") == true })
        #expect(FileManager.default.fileExists(atPath: database))
        #expect(FileManager.default.fileExists(atPath: database + ".lock"))
    }

    @Test func invalidDefinitionsAreAllReportedAndServeRefusesWithOne() throws {
        let bad = #"{"id": "x", "version": 1, "title": "t", "jurisdiction": {"name": "n", "code": "320902"}, "#
            + #""regulation": {"title": "r"}, "calendar": "cn-mainland", "start": "a", "nodes": [{"id": "a", "#
            + #""type": "end", "result": "done", "colour": "red"}]}"#
        let folder = try workflowsFolder(["a.json": bad, "b.json": bad.replacingOccurrences(of: "cn-mainland",
                                                                                             with: "mars")])
        let database = try StoreFixtures.databasePath()
        let captured = CapturedIO()

        #expect(serve(["--db", database, "--workflows", folder.path], captured) == 1)

        #expect(captured.errors.contains("govflow serve: refusing to start: 3 problem(s) in the workflow definitions"))
        #expect(captured.errors.contains("\(folder.path)/a.json:1:"))
        #expect(captured.errors.contains("\(folder.path)/b.json:1:"))
        #expect(captured.errors.contains("unknown field \"colour\""))
        #expect(captured.errors.contains("mars"))
        #expect(!FileManager.default.fileExists(atPath: database), "nothing is created when refusing")
    }

    @Test func deploysNewDefinitionsOnce_andRefusesAChangedDefinitionWithTheSameVersion() throws {
        let folder = try workflowsFolder(["approval.json": StoreFixtures.definition(calendar: "cn-mainland")])
        let database = try StoreFixtures.databasePath()
        let first = CapturedIO()
        #expect(serve(["--db", database, "--workflows", folder.path], first) == 0)
        #expect(try logLines(first).first { $0["msg"] == "serving" }?["deployed"] == "approval@1")

        let second = CapturedIO()
        #expect(serve(["--db", database, "--workflows", folder.path], second) == 0)
        let serving = try logLines(second).first { $0["msg"] == "serving" }
        #expect(serving?["deployed"] == "")
        #expect(serving?["unchanged"] == "approval@1")

        try StoreFixtures.definition(title: "改过的流程", calendar: "cn-mainland")
            .write(to: folder.appendingPathComponent("approval.json"), atomically: true, encoding: .utf8)
        let changed = CapturedIO()
        #expect(serve(["--db", database, "--workflows", folder.path], changed) == 1)
        #expect(changed.errors.hasSuffix("""
            govflow serve: refusing to start: \(folder.path)/approval.json has definition "approval" version 1, \
            which is deployed already with different content; a deployed version never changes: give the changed \
            definition a higher "version"

            """))
    }

    @Test func secondRunnerOnTheSameDatabaseIsRefused() throws {
        let folder = try workflowsFolder([:])
        let database = try StoreFixtures.databasePath()
        let running = try SQLiteProjectStore(path: database)
        defer { running.close() }
        let captured = CapturedIO()

        #expect(serve(["--db", database, "--workflows", folder.path], captured) == 1)

        #expect(captured.errors.contains("""
            govflow serve: the database is in use by another govflow runner (process \
            \(ProcessInfo.processInfo.processIdentifier)) holding the lock \(database).lock; stop that runner first, \
            or give this one another --db
            """))
    }

    @Test func unknownOptionIsAUsageError() {
        let captured = CapturedIO()
        #expect(serve(["--port", "80"], captured) == 2)
        #expect(captured.errors == "error: unknown option \"--port\" for \"govflow serve\"\n\(ServeCommand.usage)\n")
    }

    @Test func listeningOnTheNetworkWithoutATokensFileIsRefused() throws {
        let folder = try workflowsFolder([:])
        let database = try StoreFixtures.databasePath()
        let captured = CapturedIO()
        var command = ServeCommand(registry: StoreFixtures.registry, io: captured.io)
        command.listenForStop = { {} }
        let status = command.run(["--db", database, "--workflows", folder.path, "--listen", "0.0.0.0:0"])
        #expect(status == 1)
        #expect(captured.errors.contains("govflow serve: "))
        #expect(try logLines(captured).last?["msg"] == "refusing to start")
    }

    @Test func badListenAddressIsAUsageError() {
        let captured = CapturedIO()
        let command = ServeCommand(registry: StoreFixtures.registry, io: captured.io)
        #expect(command.run(["--listen", "8080"]) == 2)
        #expect(captured.errors == "error: --listen needs HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080\n"
                    + ServeCommand.usage + "\n")
    }
}
