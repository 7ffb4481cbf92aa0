import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
@testable import Runner
import SQLiteStore
import Testing

/// `govflow serve --demo`: a new database filled with projects of every bundled workflow, with working tokens.
@Suite struct ServeDemoTests {
    static let today = "2026-11-27"
    static let workflows = ["jianshan", "shangcheng", "shangrao", "tinghu", "yushan"]

    func serveDemo(_ database: String, extra: [String] = []) -> (status: Int32, io: CapturedIO) {
        let captured = CapturedIO()
        var command = ServeCommand(registry: StoreFixtures.registry, io: captured.io)
        command.listenForStop = { {} }
        command.clock = ManualClock(TestTime.morning(Self.today))
        let workflows = StoreFixtures.packageRoot.appendingPathComponent("workflows").path
        let status = command.run(["--demo", "--db", database, "--workflows", workflows, "--listen", "127.0.0.1:0"]
            + extra)
        return (status, captured)
    }

    /// GET `target` on the demo database as the holder of `token`.
    func get(_ target: String, token: String, router: APIRouter) -> HTTPResponse {
        router.respond(to: HTTPRequest(method: "GET", target: target, headers: HTTPHeaders([
            ("Host", "demo"), ("Authorization", "Bearer \(token)"),
        ])), now: TestTime.morning(Self.today))
    }

    @Test func demo_FillsANewDatabaseWithEveryWorkflow_WritesWorkingTokens_AndIsRefusedASecondTime() throws {
        let database = try StoreFixtures.databasePath()
        let first = serveDemo(database)
        #expect(first.status == 0, "\(first.io.errors)")
        let tokensPath = database + ".tokens.json"
        let lines = first.io.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "govflow demo: 15 projects of 5 workflows (jianshan, shangcheng, shangrao, tinghu, "
            + "yushan), made up to 2026-11-27 (北京时间)")
        #expect(lines.dropFirst().first == "tokens (also in \(tokensPath)); paste one on the console's 登录 page:")
        let file = try JSONDecoder().decode([String: [Entry]].self, from: Data(contentsOf: URL(fileURLWithPath:
            tokensPath)))["tokens"] ?? []
        #expect(file.map { $0.roles } == [["administrator"], ["project-unit"], ["reviewing-office"], ["expert"],
                                          ["auditor"]])
        let permissions = try FileManager.default.attributesOfItem(atPath: tokensPath)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        // Every token printed is in the file.
        for entry in file { #expect(lines.contains { $0.contains(entry.token) }) }

        try checkDemo(database, tokens: file)

        // A second --demo on it is refused, and changes nothing.
        let tokensBefore = try String(contentsOfFile: tokensPath, encoding: .utf8)
        let second = serveDemo(database)
        #expect(second.status == 1)
        #expect(second.io.errors.hasSuffix("govflow serve: --demo needs a new database, and \(database) already "
            + "holds projects; give another --db PATH, or serve this one without --demo (its demo tokens, if any, are "
            + "in \(tokensPath))\n"))
        #expect(second.io.output == "")
        #expect(try String(contentsOfFile: tokensPath, encoding: .utf8) == tokensBefore)
    }

    /// Every workflow has its three projects; each token works; the overview and the inbox have overdue items.
    func checkDemo(_ database: String, tokens file: [Entry]) throws {
        let tokensPath = database + ".tokens.json"
        let session = try RunnerSession.open(database: database, workflows: StoreFixtures.packageRoot
            .appendingPathComponent("workflows"), registry: StoreFixtures.registry,
            clock: ManualClock(TestTime.morning(Self.today)), logger: JSONLogger(write: { _ in }))
        defer { session.shutdown() }
        let router = APIRouter(service: session.service, tokens: try TokenTable.load(contentsOf: URL(fileURLWithPath:
            tokensPath)))
        let token = Dictionary(uniqueKeysWithValues: file.map { ($0.roles[0], $0.token) })
        let admin = try #require(token["administrator"])
        for workflow in Self.workflows {
            for number in 1...3 {
                let view = get("/v1/projects/\(workflow)-2026-0\(number)", token: admin, router: router)
                #expect(view.status.code == 200)
                #expect(view.json["definition"]?["id"] == .string(workflow))
            }
        }
        for entry in file {
            #expect(get("/v1/me", token: entry.token, router: router).json["actor"] == .string(entry.actor))
        }
        let overdue = get("/v1/overdue", token: try #require(token["auditor"]), router: router).json["overdue"]?
            .arrayValue ?? []
        #expect(overdue.map { $0["project"]?.stringValue }
            == ["tinghu-2026-02", "tinghu-2026-02", "tinghu-2026-01"])
        // The reviewing office is the department with the most open tasks; one of them is overdue.
        let inbox = get("/v1/tasks", token: try #require(token["reviewing-office"]), router: router).json["tasks"]?
            .arrayValue ?? []
        #expect(inbox.map { "\($0["project"]?.stringValue ?? "") \($0["due"]?["date"]?.stringValue ?? "-")" }
            == ["tinghu-2026-01 2026-10-26", "shangcheng-2026-02 -"])
        let unit = get("/v1/tasks", token: try #require(token["project-unit"]), router: router).json["tasks"]?
            .arrayValue ?? []
        #expect(unit.map { $0["project"]?.stringValue ?? "" } == ["jianshan-2026-02", "shangcheng-2026-03",
            "shangrao-2026-02", "shangrao-2026-03", "tinghu-2026-02", "yushan-2026-02", "yushan-2026-03"])
        // The expert holds the definitions' expert roles (task roles), so the 尖山 reviews are in its inbox.
        let expert = get("/v1/tasks", token: try #require(token["expert"]), router: router).json["tasks"]?
            .arrayValue ?? []
        #expect(expert.map { $0["project"]?.stringValue ?? "" } == ["jianshan-2026-01", "jianshan-2026-03"])
    }

    @Test func demoWithATokensFile_IsAUsageError() throws {
        let database = try StoreFixtures.databasePath()
        let run = serveDemo(database, extra: ["--tokens", "mine.json"])
        #expect(run.status == 2)
        #expect(run.io.errors == "error: --demo writes its own tokens file (\(database).tokens.json); leave out "
            + "--tokens\n" + ServeCommand.usage + "\n")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func demoWithoutTheBundledWorkflows_IsRefusedBeforeMakingAnyProject() throws {
        let folder = try StoreFixtures.temporaryFolder().appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("calendars"),
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: StoreFixtures.packageRoot.appendingPathComponent("workflows/calendars/cn-mainland.json"),
            to: folder.appendingPathComponent("calendars/cn-mainland.json"))
        try FileManager.default.copyItem(at: StoreFixtures.packageRoot.appendingPathComponent("workflows/tinghu.json"),
                                         to: folder.appendingPathComponent("tinghu.json"))
        let database = try StoreFixtures.databasePath()
        let captured = CapturedIO()
        var command = ServeCommand(registry: StoreFixtures.registry, io: captured.io)
        command.listenForStop = { {} }
        command.clock = ManualClock(TestTime.morning(Self.today))
        let status = command.run(["--demo", "--db", database, "--workflows", folder.path, "--listen", "127.0.0.1:0"])
        #expect(status == 1)
        #expect(captured.errors.hasSuffix("govflow serve: --demo needs the bundled workflows; the workflows folder "
            + "\(folder.path) has no jianshan, shangcheng, shangrao, yushan (leave out --workflows to use the built-in "
            + "ones)\n"))
        #expect(try DemoDatabase.hasProjects(database) == false)
        #expect(!FileManager.default.fileExists(atPath: database + ".tokens.json"))
    }

    struct Entry: Decodable {
        let token: String
        let actor: String
        let roles: [String]
    }
}
