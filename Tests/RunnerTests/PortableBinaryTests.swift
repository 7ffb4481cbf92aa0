import Foundation
import GovFlowTestSupport
@testable import Runner
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `govflow`, copied alone into an empty folder, works: it carries its calendars and definitions.
@Suite struct PortableBinaryTests {
    /// A copy of the built binary in a fresh empty folder, and that folder.
    static func copy() throws -> (binary: URL, folder: URL) {
        let folder = try StoreFixtures.temporaryFolder()
        let binary = folder.appendingPathComponent("govflow")
        try FileManager.default.copyItem(at: BuiltBinary.url, to: binary)
        return (binary, folder)
    }

    /// Runs the copy in `folder` with a clean environment (no GOVFLOW_HOME).
    static func run(_ binary: URL, _ arguments: [String], in folder: URL) throws
        -> (status: Int32, output: String, errors: String) {
        try RunningChild(binary, arguments, in: folder, environment: ["PATH": "/usr/bin:/bin"]).finish()
    }

    @Test(.enabled(if: BuiltBinary.exists, "needs .build/debug/govflow: run swift build first"))
    func aCopiedBinaryCountsValidatesAndSimulatesInAnEmptyFolder() throws {
        let (binary, folder) = try Self.copy()
        let due = try Self.run(binary, ["calendar", "add", "2024-09-27", "5 workdays"], in: folder)
        #expect(due.errors == "")
        #expect(due.status == 0)
        #expect(due.output == "2024-10-10\n")

        let tinghu = try #require(BuiltInResources.definition(named: "tinghu.json"))
        try tinghu.write(to: folder.appendingPathComponent("tinghu.json"), atomically: true, encoding: .utf8)
        let valid = try Self.run(binary, ["validate", "tinghu.json"], in: folder)
        #expect(valid.errors == "")
        #expect(valid.status == 0)
        #expect(valid.output.hasPrefix("tinghu.json: valid (tinghu version "))

        try #"{"id": "p1", "variables": {"amount": 300}}"#.write(
            to: folder.appendingPathComponent("project.json"), atomically: true, encoding: .utf8)
        let simulated = try Self.run(binary, ["simulate", "tinghu.json", "--project", "project.json",
                                              "--start", "2024-09-27", "--json"], in: folder)
        #expect(simulated.errors == "")
        #expect(simulated.status == 0)
        #expect(simulated.output.contains(#""status": "ended""#))
        #expect(simulated.output.contains(#""due": "2024-10-10""#))
    }

    @Test(.enabled(if: BuiltBinary.exists, "needs .build/debug/govflow: run swift build first"))
    func aCopiedBinaryServesTheBuiltInDefinitionsAndStopsOnSIGTERM() throws {
        let (binary, folder) = try Self.copy()
        let child = Process()
        child.executableURL = binary
        child.arguments = ["serve", "--listen", "127.0.0.1:0"]
        child.currentDirectoryURL = folder
        child.environment = ["PATH": "/usr/bin:/bin"]
        let errors = Pipe()
        child.standardError = errors
        child.standardOutput = Pipe()
        try child.run()
        let log = ChildOutput(errors.fileHandleForReading)
        defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }

        let started = log.wait(timeout: 30) { $0.all.contains(#""msg":"serving""#) }
        try #require(started, "serve did not start: \(log.all)")
        let serving = try #require(log.lines.first { $0.contains(#""msg":"serving""#) })
        #expect(serving.contains(#""workflows":"built-in""#))
        #expect(serving.contains(#""deployed":"jianshan@"#))
        let port = try #require(serving.firstMatch(of: /"listen":"127\.0\.0\.1:(\d+)"/).map { String($0.1) })
        let health = try #require(URL(string: "http://127.0.0.1:\(port)/healthz"))
        let (status, _) = Self.get(health)
        #expect(status == 200)
        let definitions = try #require(URL(string: "http://127.0.0.1:\(port)/v1/definitions"))
        #expect(Self.get(definitions).body.contains(#""tinghu""#))

        kill(child.processIdentifier, SIGTERM)
        child.waitUntilExit()
        _ = log.wait(timeout: 10) { $0.isEnded }
        #expect(child.terminationReason == .exit)
        #expect(child.terminationStatus == 0)
        #expect(log.lines.last?.contains(#""msg":"stopped""#) == true)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("govflow.sqlite").path))
    }

    /// A GET with URLSession, waited for.
    static func get(_ url: URL) -> (status: Int, body: String) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result = (0, "")
        URLSession.shared.dataTask(with: url) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self))
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 20)
        return result
    }
}
