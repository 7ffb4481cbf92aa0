import Foundation
import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
@testable import Runner
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shell walk-throughs of README.md and docs/api.md, run as written against the built `govflow serve`: every
/// ```sh block that follows a `<!-- tested: … -->` line, in order, as one bash script from the package root, with
/// `GOVFLOW` set to the built binary and `PORT` to a free loopback port.
@Suite(.serialized) struct DocumentedWalkthroughTests {
    static let marker = "<!-- tested: Tests/RunnerTests/DocumentedWalkthroughTests.swift -->"

    /// The tested ```sh blocks of `document`, in order.
    static func testedBlocks(in document: String) throws -> [String] {
        let text = try String(contentsOf: StoreFixtures.packageRoot.appendingPathComponent(document), encoding: .utf8)
        var blocks: [String] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            guard line == marker else { continue }
            guard lines.popFirst() == "```sh" else { throw WalkthroughError("\(document): \(marker) not before ```sh") }
            var block: [Substring] = []
            while let next = lines.popFirst(), next != "```" { block.append(next) }
            blocks.append(block.joined(separator: "\n"))
        }
        return blocks
    }

    struct WalkthroughError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A loopback port nobody listens on now.
    static func freePort() throws -> UInt16 {
        let descriptor = SystemCall.socket(AF_INET, SystemCall.streamSocket, 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw WalkthroughError("cannot find a free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Runs the tested blocks of `document` with bash; returns the exit status, standard output and error.
    static func run(_ document: String) throws -> (status: Int32, output: String, errors: String) {
        let blocks = try testedBlocks(in: document)
        try #require(!blocks.isEmpty, "\(document) has no tested walk-through")
        let script = """
            set -euo pipefail
            trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
            trap 'exit 1' TERM
            \(blocks.joined(separator: "\n"))
            """
        var environment = ProcessInfo.processInfo.environment
        environment["GOVFLOW"] = BuiltBinary.url.path
        environment["PORT"] = String(try freePort())
        environment["GOVFLOW_HOME"] = nil
        let child = try RunningChild(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: StoreFixtures.packageRoot,
                                     environment: environment)
        let deadline = Date().addingTimeInterval(120)
        while child.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if child.process.isRunning { child.process.terminate() }    // SIGTERM: the script's trap stops its runner
        return child.finish()
    }

    @Test(.enabled(if: BuiltBinary.exists && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func readmeWalkthroughRunsAsWritten() throws {
        let run = try Self.run("README.md")
        #expect(run.status == 0, "stderr: \(run.errors)")
        #expect(run.output.contains(#""id":"tinghu""#))
        #expect(run.output.contains(#"{"id":"demo-1","definition":{"id":"tinghu","version":2},"status":"running""#))
    }

    @Test(.enabled(if: BuiltBinary.exists && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func apiWalkthroughRunsAsWritten() throws {
        let run = try Self.run("docs/api.md")
        #expect(run.status == 0, "stderr: \(run.errors)\nstdout: \(run.output)")
        #expect(run.output.hasPrefix(#"{"id":"tinghu","version":2,"title":"盐城市亭湖区政务信息化项目建设管理流程"}"#))
        #expect(run.output.contains(
            #"{"error":{"code":"invalid-definition","message":"the definition has 8 problem(s)"#))
        #expect(run.output.contains(
            #"{"error":{"code":"task-not-open","message":"task 3 is not open (it is decided)","#))
        #expect(run.output.contains(#""name":"opinions","node":"department-review""#))
        #expect(run.output.contains(#""status":"withdrawn""#))
    }

    @Test func sampleTokensFileInTheAPIDocumentIsAcceptedByTheServer() throws {
        let text = try String(contentsOf: StoreFixtures.packageRoot.appendingPathComponent("docs/api.md"),
                              encoding: .utf8)
        let start = try #require(text.range(of: "## Authentication"))
        let open = try #require(text.range(of: "```json\n", range: start.upperBound..<text.endIndex))
        let close = try #require(text.range(of: "\n```", range: open.upperBound..<text.endIndex))
        let table = try TokenTable.parse(String(text[open.upperBound..<close.lowerBound]))
        #expect(table.caller(forToken: "9f1c2a7e5b3d4c6f8a0e1d2c") != nil)
        #expect(table.caller(forToken: "e0135a4b3c2d1e0f9a8b7c6d") != nil)
    }

    @Test func everyTestedMarkerStandsBeforeAShellBlock() throws {
        #expect(try Self.testedBlocks(in: "README.md").count == 1)
        #expect(try Self.testedBlocks(in: "docs/api.md").count == 1)
    }
}
