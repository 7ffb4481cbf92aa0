import FlowCore
import Foundation
import GovFlowTestSupport
@testable import SQLiteStore
import Testing

/// The crash test: `govflow-crash-writer` (Tests/CrashWriter, built by `swift build`, not shipped) commits decisions
/// until it is killed.
@Suite struct StoreCrashTests {
    static let writer = BuiltBinary.url(named: "govflow-crash-writer")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: writer.path),
                   "needs .build/debug/govflow-crash-writer: run swift build first"))
    func everyDecisionReportedBeforeASIGKILLIsInTheDatabase_andTheFileIsIntact() throws {
        let path = try StoreFixtures.databasePath()
        let child = try RunningChild(Self.writer, ["--db", path, "--writers", "4"])
        let output = child.output
        let errors = child.errors

        let enough = output.wait(timeout: 60) { $0.lines.count >= 300 }
        kill(child.process.processIdentifier, SIGKILL)
        child.process.waitUntilExit()
        _ = output.wait(timeout: 10) { $0.isEnded }
        try #require(enough, "the writer reported only \(output.lines.count) decisions; its errors: \(errors.all)")
        #expect(child.process.terminationReason == .uncaughtSignal)

        let store = try SQLiteProjectStore(path: path)
        #expect(try store.integrityCheck() == "ok")
        var missing: [String] = []
        var histories: [String: [Int: Event]] = [:]
        for line in output.lines {
            let parts = line.split(separator: " ")
            try #require(parts.count == 2, "unexpected line \"\(line)\"")
            let project = String(parts[0])
            let sequence = try #require(Int(parts[1]))
            if histories[project] == nil {
                histories[project] = Dictionary(uniqueKeysWithValues: try store.history(of: project)
                    .map { ($0.sequence, $0.event) })
            }
            guard case .taskDecided = histories[project]?[sequence] else {
                missing.append(line)
                continue
            }
        }
        #expect(missing == [], "decisions reported as committed but absent after the crash")
        for project in histories.keys {
            let state = try #require(try store.state(of: project))
            #expect(try state == InstanceState.replay(id: project, history: store.history(of: project)))
        }
    }
}
