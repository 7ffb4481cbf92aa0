import Foundation
import Testing

/// Golden files: the exact bytes a record or an API answer must encode to, in the `Golden` folder beside the test
/// file that checks them. `GOVFLOW_UPDATE_GOLDEN=1 swift test` rewrites them (then review the diff: a changed record
/// needs a new format version and a migration, see docs/formats.md).
package enum GoldenFile {
    /// Checks `text` against `Golden/<name>` beside the calling test file, or writes it when updating.
    package static func check(_ text: String, _ name: String, filePath: String = #filePath,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder(besides: filePath).appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GOVFLOW_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text + "\n" == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    /// The `Golden` folder of the test target whose file is `filePath`.
    package static func folder(besides filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }
}
