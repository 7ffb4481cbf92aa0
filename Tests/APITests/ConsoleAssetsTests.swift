import FlowCore
import Foundation
@testable import GovFlowAPI
import GovFlowTestSupport
import Testing

/// The web console compiled into the executable: the generated source matches the asset folder, and the server
/// answers console files with the security headers.
@Suite struct ConsoleAssetsTests {
    static let assets = StoreFixtures.packageRoot.appendingPathComponent("Sources/GovFlowAPI/Console/Assets")

    /// Every file under the asset folder by relative path.
    static func folderFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let base = assets.standardizedFileURL.path + "/"
        let keys: Set<URLResourceKey> = [.isRegularFileKey]
        let walker = try #require(FileManager.default.enumerator(at: assets, includingPropertiesForKeys: Array(keys)))
        for case let url as URL in walker where try url.resourceValues(forKeys: keys).isRegularFile == true {
            let path = url.standardizedFileURL.path
            #expect(path.hasPrefix(base))
            files[String(path.dropFirst(base.count))] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    @Test func generatedSourceMatchesTheAssetFolder_RunScriptsGenerateConsoleAssetsWhenThisFails() throws {
        let folder = try Self.folderFiles()
        #expect(folder.keys.sorted() == ConsoleAssets.files.keys.sorted(),
                "run: python3 Scripts/generate-console-assets.py")
        for (name, text) in folder {
            #expect(ConsoleAssets.files[name] == text,
                    "\(name) is stale; run: python3 Scripts/generate-console-assets.py")
        }
        #expect(folder.keys.contains("index.html"))
        #expect(folder.keys.contains("pages/task.js"))
    }

    @Test func rootServesTheConsolePage_WithTheContentSecurityPolicy() throws {
        let harness = try APIHarness(project: nil)
        let response = harness.send("GET", "/", as: nil)
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.headers["Content-Security-Policy"] == "default-src 'self'")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["X-Frame-Options"] == "DENY")
        #expect(response.headers["Referrer-Policy"] == "no-referrer")
        #expect(response.bodyText == ConsoleAssets.files["index.html"])
    }

    @Test func consoleFilesAreServedUnderConsole_WithTheirMediaTypes() throws {
        let harness = try APIHarness(project: nil)
        let script = harness.send("GET", "/console/pages/inbox.js", as: nil)
        #expect(script.status.code == 200)
        #expect(script.headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(script.headers["Content-Security-Policy"] == "default-src 'self'")
        #expect(script.bodyText == ConsoleAssets.files["pages/inbox.js"])
        let style = harness.send("GET", "/console/console.css", as: nil)
        #expect(style.headers["Content-Type"] == "text/css; charset=utf-8")
    }

    @Test func unknownConsoleFilesAndOtherMethodsAreNotServed() throws {
        let harness = try APIHarness(project: nil)
        let missing = harness.send("GET", "/console/pages/missing.js", as: nil)
        #expect(missing.status.code == 404)
        #expect(missing.errorCode == "route-not-found")
        let post = harness.send("POST", "/", as: nil, body: "{}")
        #expect(post.status.code == 404)
        let escape = harness.send("GET", "/console/../index.html", as: nil)
        #expect(escape.status.code != 200)
    }

    @Test func noConsoleFileHasInlineScriptOrStyle() throws {
        let html = try #require(ConsoleAssets.files["index.html"])
        #expect(!html.contains("<style"))
        #expect(!html.contains("style=\""))
        let scripts = html.components(separatedBy: "<script").dropFirst()
        #expect(scripts.count == 1)
        #expect(scripts.allSatisfy { $0.hasPrefix(" type=\"module\" src=\"/console/app.js\"></script>") })
        for (name, text) in ConsoleAssets.files where name.hasSuffix(".js") {
            #expect(!text.contains("innerHTML"), "\(name) must build elements, not HTML text")
            #expect(!text.contains("eval("), "\(name)")
            #expect(!text.contains("localStorage.setItem(TOKEN"), "\(name): the token belongs in sessionStorage")
        }
    }
}
