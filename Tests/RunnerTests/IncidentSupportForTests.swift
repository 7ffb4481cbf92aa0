import FlowCore
import Foundation
import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import Runner
import SQLiteStore
import Stages
import Synchronization
import Testing

/// Projects "bad" (amount 500) and "good" (amount 100) on a SQLite store, whose review deadline (5 working days,
/// interrupting) goes to the flaky gate; with a router whose callers are APIHarness's.
final class IncidentHarness: @unchecked Sendable {
    static let definition = """
        {
          "id": "gated", "version": 1, "title": "测试流程",
          "jurisdiction": {"name": "测试区", "code": "320902"}, "regulation": {"title": "测试办法"},
          "calendar": "weekends",
          "variables": {"amount": {"type": "decimal", "unit": "万元", "minimum": 0}},
          "start": "review",
          "nodes": [
            {"id": "review", "type": "stage", "name": "初审", "stage": "human-task",
             "parameters": {"title": "初审意见", "assignee": {"department": "区数据局"}, "outcomes": ["pass"]},
             "outcomes": {"pass": "gate"},
             "deadlines": [{"id": "opinion", "period": "5 workdays", "interrupting": true, "goto": "gate"}]},
            {"id": "gate", "type": "stage", "name": "关口", "stage": "gate", "parameters": {},
             "outcomes": {"done": "approved"}},
            {"id": "approved", "type": "end", "result": "approved"}
          ]
        }
        """

    /// Monday 2024-09-02 09:00 China Standard Time; the review deadline fires at the end of Monday 2024-09-09.
    static let started = CivilDate(iso: "2024-09-02")!.startInChina.addingTimeInterval(9 * 3600)
    static let deadlineFires = CivilDate(iso: "2024-09-09")!.endInChina
    static let gateError = "stage \"gate\" refused entry: amount 500 is above this gate's limit of 300"

    let build = GateStage.Build()
    let clock = ManualClock(IncidentHarness.started)
    let path: String
    private(set) var store: SQLiteProjectStore
    private(set) var service: WorkflowService
    private(set) var router: APIRouter
    let log = LogLines()

    init() throws {
        path = try StoreFixtures.databasePath()
        store = try SQLiteProjectStore(path: path)
        (service, router) = try Self.open(store, build: build, clock: clock)
        try service.deploy(source: Self.definition, file: "gated.json")
        for (id, amount) in [("bad", 500), ("good", 100)] {
            _ = try service.start(projectID: id, workflow: "gated", variables: ["amount": .number(Decimal(amount))],
                                  actor: StoreFixtures.applicant)
        }
    }

    private static func open(_ store: SQLiteProjectStore, build: GateStage.Build, clock: ManualClock) throws
        -> (WorkflowService, APIRouter)
    {
        let registry = BuiltInStages.registry().merging(StageRegistry([GateStage(build: build)]))
        let service = try WorkflowService(registry: registry, calendars: StoreFixtures.calendars, store: store,
                                          clock: clock)
        let tokens = try TokenTable(APIHarness.callers.values.map { ($0.token, $0.caller) })
        return (service, APIRouter(service: service, tokens: tokens))
    }

    /// Closes the database and opens it again, as a restarted runner does.
    func restart() throws {
        store.close()
        store = try SQLiteProjectStore(path: path)
        (service, router) = try Self.open(store, build: build, clock: clock)
    }

    /// A timer service logging into `log`.
    func timerService() -> TimerService {
        let logger = JSONLogger(write: { [log] line in log.append(line) },
                                clock: { IncidentHarness.deadlineFires })
        logger.logIncidents(of: service)
        return TimerService(service: service, logger: logger)
    }

    func send(_ method: String, _ target: String, as name: String, body: String? = nil) -> HTTPResponse {
        router.respond(to: APIHarness.request(method, target, as: name, body: body), now: clock.now())
    }

    func events(_ project: String) throws -> [Event] { try service.history(of: project).map(\.event) }
}

/// Log lines a test logger wrote.
final class LogLines: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    func append(_ line: String) { storage.withLock { $0.append(line) } }
}
