import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import SQLiteStore
import Testing

@Suite struct ServeSignalTests {
    @Test(.enabled(if: BuiltBinary.exists, "needs .build/debug/govflow: run swift build first"))
    func sigtermStopsTheRunnerCleanlyWithStatusZero_andReleasesTheDatabase() throws {
        let folder = try StoreFixtures.temporaryFolder().appendingPathComponent("workflows/calendars")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: StoreFixtures.packageRoot.appendingPathComponent("workflows/calendars/cn-mainland.json"),
            to: folder.appendingPathComponent("cn-mainland.json"))
        let database = try StoreFixtures.databasePath()
        let child = Process()
        child.executableURL = BuiltBinary.url
        child.arguments = ["serve", "--db", database, "--workflows", folder.deletingLastPathComponent().path]
        let stderr = Pipe()
        child.standardError = stderr
        child.standardOutput = Pipe()
        try child.run()
        let log = ChildOutput(stderr.fileHandleForReading)

        let started = log.wait(timeout: 30) { $0.all.contains(#""msg":"serving""#) }
        kill(child.processIdentifier, SIGTERM)
        child.waitUntilExit()
        _ = log.wait(timeout: 10) { $0.isEnded }

        try #require(started, "serve did not start: \(log.all)")
        #expect(child.terminationReason == .exit)
        #expect(child.terminationStatus == 0)
        #expect(log.lines.last?.contains(#""msg":"stopped""#) == true)
        let reopened = try SQLiteProjectStore(path: database)
        #expect(try reopened.integrityCheck() == "ok")
        reopened.close()
    }

    @Test func logLinesAreJSONWithTimestampLevelAndMessageFirst() {
        let lines = CapturedIO()
        let logger = JSONLogger(write: lines.io.output, clock: { Date(timeIntervalSince1970: 1_727_740_800.25) })
        logger.info("serving", ["db": "a \"b\".sqlite", "count": "3"])
        logger.error("多行\n消息")
        #expect(lines.output == """
            {"ts":"2024-10-01T00:00:00.250Z","level":"info","msg":"serving","count":"3","db":"a \\"b\\".sqlite"}
            {"ts":"2024-10-01T00:00:00.250Z","level":"error","msg":"多行\\n消息"}

            """)
    }
}
