import FlowCore
import Foundation
@testable import Runner
import Synchronization
import Testing

/// Reads a child's output on a thread of its own, so the test can poll it.
final class ChildOutput: Sendable {
    private let text = Mutex("")
    private let ended = Mutex(false)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            ended.withLock { $0 = true }
        }
    }

    /// The complete lines so far.
    var lines: [String] {
        text.withLock { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    var all: String { text.withLock { $0 } }

    var isEnded: Bool { ended.withLock { $0 } }

    /// Polls (bounded by `timeout`) until `condition` holds; returns whether it did.
    func wait(timeout: TimeInterval, until condition: (ChildOutput) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(self) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition(self)
    }
}

/// The built `govflow` executable, if `swift build` made it.
enum BuiltBinary {
    static let url = StoreFixtures.packageRoot.appendingPathComponent(".build/debug/govflow")
    static var exists: Bool { FileManager.default.isExecutableFile(atPath: url.path) }
}

@Suite struct StoreCrashTests {
    @Test(.enabled(if: BuiltBinary.exists, "needs .build/debug/govflow: run swift build first"))
    func everyDecisionReportedBeforeASIGKILLIsInTheDatabase_andTheFileIsIntact() throws {
        let path = try StoreFixtures.databasePath()
        let child = Process()
        child.executableURL = BuiltBinary.url
        child.arguments = ["_crash-writer", "--db", path, "--writers", "4"]
        let stdout = Pipe()
        let stderr = Pipe()
        child.standardOutput = stdout
        child.standardError = stderr
        try child.run()
        let output = ChildOutput(stdout.fileHandleForReading)
        let errors = ChildOutput(stderr.fileHandleForReading)

        let enough = output.wait(timeout: 60) { $0.lines.count >= 300 }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        _ = output.wait(timeout: 10) { $0.isEnded }
        try #require(enough, "the writer reported only \(output.lines.count) decisions; its errors: \(errors.all)")
        #expect(child.terminationReason == .uncaughtSignal)

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
