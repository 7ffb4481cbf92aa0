import Foundation
import Testing

/// Golden files: the exact bytes a record must encode to. `GOVFLOW_UPDATE_GOLDEN=1 swift test` rewrites them (then
/// review the diff: a changed record needs a new format version and a migration, see docs/formats.md).
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Checks `text` against `Golden/<name>`, or writes it when updating.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GOVFLOW_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text + "\n" == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }
}
