import FlowCore
import Foundation
import GovFlowAPI
import GovFlowTestSupport
import Runner
import Stages
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A whole 亭湖区 project through the real runner: SQLite database, timer service, HTTP API with tokens, driven
/// with URLSession from submission to the last duty after acceptance, with a deadline firing late and a restart
/// in the middle.
@Suite(.serialized) struct APIWholeProjectTests {
    /// The people of the project, one token each.
    static let people: [(token: String, entry: String)] = [
        ("token-admin-0123456789", #""actor": "admin", "roles": ["administrator"]"#),
        ("token-unit-01234567890", #""actor": "edu", "department": "区教育局", "roles": ["project-unit"]"#),
        ("token-data-01234567890", #""actor": "li", "department": "区数据局", "roles": ["reviewing-office"]"#),
        ("token-office-012345678", #""actor": "sun", "department": "区委办", "roles": ["reviewing-office"]"#),
        ("token-cyber-0123456789", #""actor": "zhou", "department": "区委网信办", "roles": ["reviewing-office"]"#),
        ("token-finance-01234567", #""actor": "zhao", "department": "区财政局", "roles": ["reviewing-office"]"#),
        ("token-audit-0123456789", #""actor": "qian", "department": "区审计局", "roles": ["reviewing-office"]"#),
        ("token-tech1-0123456789", #""actor": "wu", "roles": ["expert"], "taskRoles": ["technical-expert"]"#),
        ("token-tech2-0123456789", #""actor": "zheng", "roles": ["expert"], "taskRoles": ["technical-expert"]"#),
        ("token-fin1-01234567890", #""actor": "wang", "roles": ["expert"], "taskRoles": ["finance-expert"]"#),
    ]

    static var tokensFile: String {
        #"{"tokens": ["# + people.map { #"{"token": ""# + $0.token + #"", "# + $0.entry + "}" }
            .joined(separator: ", ") + "]}"
    }

    /// A runner on a database: session and API server on an ephemeral port.
    final class Runner {
        let session: RunnerSession
        let server: APIServer
        let port: UInt16

        init(database: String, workflows: URL, clock: ManualClock, tokens: TokenTable) throws {
            session = try RunnerSession.open(database: database, workflows: workflows,
                                             registry: BuiltInStages.registry(), clock: clock,
                                             logger: JSONLogger(write: { _ in }))
            server = APIServer(service: session.service, tokens: tokens)
            port = try server.start(host: "127.0.0.1", port: 0)
        }

        func stop() {
            server.stop()
            session.shutdown()
        }
    }

    /// One request over URLSession, waited for (bounded); returns the status and the decoded JSON body.
    static func call(_ port: UInt16, _ method: String, _ path: String, token: String, body: String? = nil)
        -> (Int, [String: Any])
    {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, [String: Any]) = (0, [:])
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let json = data.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
            result = (status, json)
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 20)
        return result
    }

    /// The token that may decide a task assigned this way, other than those in `used` when several may.
    static func token(for assignee: [String: Any], avoiding used: Set<String>) -> String? {
        let candidates: [String]
        if let department = assignee["department"] as? String {
            candidates = people.filter { $0.entry.contains(#""department": "\#(department)""#) }.map(\.token)
        } else if let role = assignee["role"] as? String {
            candidates = people.filter { $0.entry.contains(#""\#(role)""#) }.map(\.token)
        } else {
            candidates = []
        }
        return candidates.first { !used.contains($0) } ?? candidates.first
    }

    @Test func tinghuProjectFromSubmissionToSelfEvaluationWithALateOpinionAndARestart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("govflow-whole-\(UUID())")
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows.appendingPathComponent("calendars"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try FileManager.default.copyItem(at: root.appendingPathComponent("workflows/tinghu.json"),
                                         to: workflows.appendingPathComponent("tinghu.json"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("workflows/calendars/cn-mainland.json"),
                                         to: workflows.appendingPathComponent("calendars/cn-mainland.json"))
        let database = folder.appendingPathComponent("govflow.sqlite").path
        let tokens = try TokenTable.parse(Self.tokensFile)
        let clock = ManualClock(TestTime.morning("2024-09-27"))
        let admin = Self.people[0].token, unit = Self.people[1].token, office = Self.people[2].token

        // Submission on Friday 2024-09-27.
        var runner = try Runner(database: database, workflows: workflows, clock: clock, tokens: tokens)
        let (created, project) = Self.call(runner.port, "POST", "/v1/projects", token: unit,
                                           body: #"{"workflow": "tinghu", "id": "tinghu-1", "variables": {"amount": 300}}"#)
        #expect(created == 201)
        #expect(project["status"] as? String == "running")
        let timers = project["timers"] as? [[String: Any]] ?? []
        let opinion = timers.first { $0["name"] as? String == "initial-opinion" }
        #expect(opinion?["due"] as? String == "2024-10-10")

        // The 区数据局 answers late, on Friday 2024-10-11: the deadline fired at the end of 10-10 and is overdue.
        clock.set(TestTime.morning("2024-10-11"))
        _ = try runner.session.timers.tick()
        let (overdueStatus, overdue) = Self.call(runner.port, "GET", "/v1/overdue", token: admin)
        #expect(overdueStatus == 200)
        let records = overdue["overdue"] as? [[String: Any]] ?? []
        #expect(records.contains { $0["deadline"] as? String == "initial-opinion" && $0["project"] as? String == "tinghu-1" })
        let (_, beforeRestart) = Self.call(runner.port, "GET", "/v1/projects/tinghu-1", token: office)
        let review = (beforeRestart["openTasks"] as? [[String: Any]] ?? []).first
        let reviewID = try #require(review?["id"] as? Int)

        // Restart between the two halves: everything continues from the database.
        runner.stop()
        runner = try Runner(database: database, workflows: workflows, clock: clock, tokens: tokens)
        defer { runner.stop() }
        let (passed, _) = Self.call(runner.port, "POST", "/v1/projects/tinghu-1/tasks/\(reviewID)/decision",
                                    token: office, body: #"{"outcome": "pass", "comment": "同意"}"#)
        #expect(passed == 200)

        // Everyone answers their tasks with the first outcome, a day apart, until the project ends.
        var decisions = 1
        var usedInStage: [String: Set<String>] = [:]
        for _ in 0..<80 {
            let (_, current) = Self.call(runner.port, "GET", "/v1/projects/tinghu-1", token: admin)
            guard current["status"] as? String == "running",
                  let task = (current["openTasks"] as? [[String: Any]])?.first,
                  let id = task["id"] as? Int, let node = task["node"] as? String,
                  let assignee = task["assignee"] as? [String: Any],
                  let outcome = (task["outcomes"] as? [String])?.first
            else { break }
            let token = try #require(Self.token(for: assignee, avoiding: usedInStage[node, default: []]),
                                     "nobody may decide task \(id) at \(node)")
            usedInStage[node, default: []].insert(token)
            let data = (task["exampleData"]).flatMap { $0 is NSNull ? nil : $0 }
                .flatMap { try? JSONSerialization.data(withJSONObject: $0) }
                .map { String(decoding: $0, as: UTF8.self) } ?? "null"
            clock.advance(by: 86_400)
            _ = try runner.session.timers.tick()
            let (status, answer) = Self.call(runner.port, "POST", "/v1/projects/tinghu-1/tasks/\(id)/decision",
                                             token: token, body: #"{"outcome": "\#(outcome)", "data": \#(data)}"#)
            #expect(status == 200, "task \(id) at \(node): \(answer)")
            decisions += 1
        }

        let (_, final) = Self.call(runner.port, "GET", "/v1/projects/tinghu-1", token: admin)
        #expect(final["status"] as? String == "ended")
        #expect(final["result"] as? String == "completed")
        #expect(decisions == 22)
        let history = final["history"] as? [[String: Any]] ?? []
        #expect(history.contains { ($0["event"] as? [String: Any])?["type"] as? String == "deadlineExpired" })
        #expect((final["timers"] as? [[String: Any]] ?? []).isEmpty)
    }
}
