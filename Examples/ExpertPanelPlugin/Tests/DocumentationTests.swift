import Foundation
import Testing

/// docs/writing-a-stage.md quotes this example: every Swift code block in the guide must appear, line for line, in
/// one of the example's files (indented as a whole or not), so the guide cannot drift from code that compiles.
@Suite struct DocumentationTests {
    /// The example's directory (Examples/ExpertPanelPlugin).
    static let example = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let guide = example.deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "docs/writing-a-stage.md")

    /// The Swift code blocks of a Markdown text, each as its lines.
    static func swiftBlocks(in markdown: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in markdown.components(separatedBy: "\n") {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current ?? [])
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// Whether `block` appears in `file` as consecutive lines, each indented by the same prefix.
    static func contains(_ file: [String], _ block: [String]) -> Bool {
        guard !block.isEmpty, file.count >= block.count else { return false }
        for start in 0...(file.count - block.count) {
            let first = file[start]
            guard first.hasSuffix(block[0]) else { continue }
            let indent = String(first.dropLast(block[0].count))
            guard indent.allSatisfy({ $0 == " " }) else { continue }
            let matches = zip(block, file[start..<(start + block.count)]).allSatisfy { quoted, source in
                quoted.isEmpty ? source.isEmpty : source == indent + quoted
            }
            if matches { return true }
        }
        return false
    }

    /// The example's Swift files (sources, tests, executable, manifest), as lines.
    static func exampleFiles() throws -> [String: [String]] {
        var files: [String: [String]] = [:]
        let enumerator = FileManager.default.enumerator(at: example, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            files[url.lastPathComponent] = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        }
        return files
    }

    @Test func everyCodeBlockOfTheGuideIsQuotedFromTheExample() throws {
        let blocks = Self.swiftBlocks(in: try String(contentsOf: Self.guide, encoding: .utf8))
        let files = try Self.exampleFiles()
        #expect(blocks.count == 7)
        for block in blocks {
            let found = files.values.contains { Self.contains($0, block) }
            #expect(found, "not in Examples/ExpertPanelPlugin: \(block.first ?? "")")
        }
    }

    @Test func theCheckFindsABlockThatDrifted() {
        let file = ["    func a() {", "        return 1", "    }"]
        #expect(Self.contains(file, ["func a() {", "    return 1", "}"]))
        #expect(!Self.contains(file, ["func a() {", "    return 2", "}"]))
        #expect(!Self.contains(file, ["func a() {", "return 1", "}"]))
    }
}
