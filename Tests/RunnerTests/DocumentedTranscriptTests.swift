import Foundation
import GovFlowTestSupport
@testable import Runner
import Stages
import Testing

/// The examples in docs/simulate.md and docs/graph.md are real output of the bundled definitions.
///
/// A transcript is a ``` block whose first line is `$ govflow …`: the test runs the command from the package root
/// and compares the rest of the block with its output, line by line; a line `...` stands for any number of lines.
/// A ```json block right after `<!-- file: PATH -->` must be the file PATH word for word.
///
/// After changing a definition or the output format, `GOVFLOW_REGENERATE_DOCS=1 swift test --filter
/// DocumentedTranscriptTests` rewrites the transcripts (keeping as many lines before and after a `...` as before).
@Suite struct DocumentedTranscriptTests {
    static let documents = ["docs/simulate.md", "docs/graph.md"]
    static var regenerate: Bool { ProcessInfo.processInfo.environment["GOVFLOW_REGENERATE_DOCS"] == "1" }

    /// One transcript: where it is in the document, its command and the expected lines.
    struct Transcript {
        let lines: Range<Int>
        let command: [String]
        let expected: [String]
    }

    static func lines(of document: String) throws -> [String] {
        let text = try String(contentsOf: StoreFixtures.packageRoot.appendingPathComponent(document), encoding: .utf8)
        return text.components(separatedBy: "\n")
    }

    static func transcripts(in lines: [String]) -> [Transcript] {
        var found: [Transcript] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index] == "```", index + 1 < lines.count, lines[index + 1].hasPrefix("$ govflow ") else {
                continue
            }
            let start = index + 2
            var end = start
            while end < lines.count, lines[end] != "```" { end += 1 }
            let command = lines[index + 1].dropFirst("$ govflow ".count).split(separator: " ").map(String.init)
            found.append(Transcript(lines: start..<end, command: command, expected: Array(lines[start..<end])))
            index = end
        }
        return found
    }

    /// Whether `actual` matches `expected`, where a `...` line matches any run of lines.
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        guard let elision = expected.firstIndex(of: "...") else { return actual == expected }
        let head = Array(expected[..<elision])
        let rest = Array(expected[(elision + 1)...])
        guard actual.starts(with: head) else { return false }
        let remaining = Array(actual[head.count...])
        return (0...remaining.count).contains { matches(Array(remaining[$0...]), rest) }
    }

    /// `actual` shaped like `expected`: the same number of lines before and after its one `...`.
    static func regenerated(_ actual: [String], like expected: [String]) -> [String] {
        guard let elision = expected.firstIndex(of: "..."), expected.count - 1 < actual.count else { return actual }
        let tail = expected.count - elision - 1
        return Array(actual.prefix(elision)) + ["..."] + Array(actual.suffix(tail))
    }

    static func run(_ command: [String]) -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO()
        let resolved = command.map { word in
            FileManager.default.fileExists(atPath: StoreFixtures.packageRoot.appendingPathComponent(word).path)
                && !word.hasPrefix("-") ? StoreFixtures.packageRoot.appendingPathComponent(word).path : word
        }
        let status = GovFlowCommand.run(arguments: resolved, registry: BuiltInStages.registry(), io: captured.io)
        let root = StoreFixtures.packageRoot.path + "/"
        return (status, captured.output.replacingOccurrences(of: root, with: ""), captured.errors)
    }

    @Test(arguments: documents)
    func transcriptsAreTheCommandsRealOutput(document: String) throws {
        var lines = try Self.lines(of: document)
        let transcripts = Self.transcripts(in: lines)
        #expect(!transcripts.isEmpty, "\(document) has no transcript")
        for transcript in transcripts.reversed() {
            let run = Self.run(transcript.command)
            #expect(run.status == 0, "\(transcript.command): \(run.errors)")
            var actual = run.output.components(separatedBy: "\n")
            if actual.last == "" { actual.removeLast() }
            if Self.regenerate {
                lines.replaceSubrange(transcript.lines, with: Self.regenerated(actual, like: transcript.expected))
            } else {
                #expect(Self.matches(actual, transcript.expected), """
                    \(document) line \(transcript.lines.lowerBound + 1): $ govflow \
                    \(transcript.command.joined(separator: " ")) prints:
                    \(actual.joined(separator: "\n"))
                    """)
            }
        }
        if Self.regenerate {
            try lines.joined(separator: "\n").write(
                to: StoreFixtures.packageRoot.appendingPathComponent(document), atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: documents)
    func filesShownInTheDocumentsAreTheExampleFiles(document: String) throws {
        let lines = try Self.lines(of: document)
        for (index, line) in lines.enumerated() where line.hasPrefix("<!-- file: ") && line.hasSuffix(" -->") {
            let path = String(line.dropFirst("<!-- file: ".count).dropLast(" -->".count))
            try #require(index + 1 < lines.count && lines[index + 1] == "```json", "\(document): \(line)")
            let end = try #require(lines[(index + 2)...].firstIndex(of: "```"))
            let shown = lines[(index + 2)..<end].joined(separator: "\n") + "\n"
            let file = try String(contentsOf: StoreFixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
            #expect(shown == file, "\(document) line \(index + 1) differs from \(path)")
        }
    }

    @Test func elisionMatchesAnyRunOfLines() {
        #expect(Self.matches(["a", "b", "c", "d"], ["a", "...", "d"]))
        #expect(Self.matches(["a", "d"], ["a", "...", "d"]))
        #expect(!Self.matches(["a", "b", "c"], ["a", "...", "d"]))
        #expect(!Self.matches(["a", "b"], ["a"]))
        #expect(Self.regenerated(["a", "b", "c", "d", "e"], like: ["x", "...", "y"]) == ["a", "...", "e"])
    }
}
