import FlowCore
import Foundation
@testable import Runner
import Stages
import Testing

/// Throwaway: writes Tests/RunnerTests/Fixtures/schema-v3.sqlite when GOVFLOW_WRITE_FIXTURE names a path.
@Suite struct FixtureWriterTests {
    static let operations = """
        {"id": "operations", "version": 1, "title": "操作样例", "jurisdiction": {"name": "测试区", "code": "320902"},
         "regulation": {"title": "测试办法"}, "calendar": "cn-mainland", "start": "review",
         "nodes": [
           {"id": "review", "type": "stage", "stage": "human-task",
            "parameters": {"title": "初审", "assignee": {"role": "reviewer"}, "outcomes": ["pass", "stop"]},
            "outcomes": {"pass": "split", "stop": "stopped"},
            "deadlines": [{"id": "opinion", "period": "3 workdays", "interrupting": false, "remindBefore": ["1 workday"]}]},
           {"id": "split", "type": "parallel", "branches": ["finance", "security"], "join": "join"},
           {"id": "finance", "type": "stage", "stage": "human-task",
            "parameters": {"title": "财政审核", "assignee": {"department": "区财政局"}, "outcomes": ["agree"]},
            "outcomes": {"agree": "join"}, "returnTo": ["review"]},
           {"id": "security", "type": "stage", "stage": "human-task",
            "parameters": {"title": "安全审核", "assignee": {"department": "区委网信办"}, "outcomes": ["agree"]},
            "outcomes": {"agree": "join"},
            "deadlines": [{"id": "security-opinion", "period": "2 workdays", "interrupting": true, "goto": "late"}]},
           {"id": "join", "type": "join", "next": "cooling"},
           {"id": "cooling", "type": "wait", "period": "5 days", "next": "approve"},
           {"id": "approve", "type": "stage", "stage": "human-task",
            "parameters": {"title": "审批", "assignee": {"actor": "boss"}, "outcomes": ["approve", "reject"]},
            "outcomes": {"approve": "approved", "reject": "rejected"}},
           {"id": "late", "type": "end", "result": "late"},
           {"id": "stopped", "type": "end", "result": "stopped"},
           {"id": "approved", "type": "end", "result": "approved"},
           {"id": "rejected", "type": "end", "result": "rejected"}
         ]}
        """

    static let reviewer = Actor(id: "li", department: "区数据局", roles: ["reviewer"])
    static let finance = Actor(id: "wang", department: "区财政局")
    static let cyber = Actor(id: "zhou", department: "区委网信办")
    static let expert = Actor(id: "sun", roles: ["expert"])
    static let boss = Actor(id: "boss", roles: ["director"])
    static let unit = Actor(id: "edu", department: "区教育局", roles: ["project-unit"])

    static func morning(_ iso: String) -> Date { CivilDate(iso: iso)!.startInChina.addingTimeInterval(9 * 3600) }

    func task(_ service: WorkflowService, _ project: String, _ node: String) throws -> HumanTask {
        try #require(service.currentState(of: project).openTasks.first { $0.nodeID == node })
    }

    func advance(_ clock: ManualClock, _ service: WorkflowService, to iso: String) throws {
        clock.set(Self.morning(iso))
        while !(try service.fireDueTimers()).isEmpty {}
    }

    @Test func writeFixture() throws {
        guard let target = ProcessInfo.processInfo.environment["GOVFLOW_WRITE_FIXTURE"] else { return }
        let root = StoreFixtures.packageRoot
        let folder = try StoreFixtures.temporaryFolder()
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows.appendingPathComponent("calendars"),
                                                withIntermediateDirectories: true)
        for file in ["tinghu.json", "calendars/cn-mainland.json"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("workflows/" + file),
                                             to: workflows.appendingPathComponent(file))
        }
        try Self.operations.write(to: workflows.appendingPathComponent("operations.json"), atomically: true,
                                  encoding: .utf8)
        try? FileManager.default.removeItem(atPath: target)
        let clock = ManualClock(Self.morning("2024-09-27"))
        let session = try RunnerSession.open(database: target, workflows: workflows,
                                             registry: BuiltInStages.registry(), clock: clock,
                                             logger: JSONLogger(write: { _ in }))
        let service = session.service

        // ops-1: operations on tasks, reminder, overdue, return, parallel, interrupting deadline.
        _ = try service.start(projectID: "ops-1", workflow: "operations", variables: [:], actor: Self.unit)
        var review = try task(service, "ops-1", "review")
        try service.perform(.urge(task: review.id, actor: Self.unit, comment: "请尽快审核"), on: "ops-1")
        try service.perform(.transfer(task: review.id, actor: Self.reviewer, to: .actor("sun"), comment: "请孙工办理"),
                            on: "ops-1")
        try service.perform(.delegate(task: review.id, actor: Self.expert, to: .department("区数据局"), comment: nil),
                            on: "ops-1")
        try service.perform(.handBack(task: review.id, actor: Self.reviewer, comment: "建议通过"), on: "ops-1")
        try service.perform(.addReviewer(task: review.id, actor: Self.expert, reviewer: .role("reviewer"),
                                         blocking: true, comment: "请李工把关"), on: "ops-1")
        try advance(clock, service, to: "2024-10-09")
        let consultation = try #require(service.currentState(of: "ops-1").openTasks.first { $0.consultationOf != nil })
        try service.perform(.decide(task: consultation.id, actor: Self.reviewer, outcome: "agree", comment: "同意",
                                    data: .null), on: "ops-1")
        try service.perform(.decide(task: review.id, actor: Self.expert, outcome: "pass", comment: nil,
                                    data: .object(["score": .number(90)])), on: "ops-1")
        let financeTask = try task(service, "ops-1", "finance")
        try service.perform(.returnTo(task: financeTask.id, actor: Self.finance, node: "review", comment: "材料不全"),
                            on: "ops-1")
        review = try task(service, "ops-1", "review")
        try service.perform(.decide(task: review.id, actor: Self.reviewer, outcome: "pass", comment: "已补正",
                                    data: .null), on: "ops-1")
        try advance(clock, service, to: "2024-10-15")

        // ops-2: through the wait node to approval.
        _ = try service.start(projectID: "ops-2", workflow: "operations", variables: [:], actor: Self.unit)
        try service.perform(.decide(task: try task(service, "ops-2", "review").id, actor: Self.reviewer,
                                    outcome: "pass", comment: nil, data: .null), on: "ops-2")
        for (node, actor) in [("finance", Self.finance), ("security", Self.cyber)] {
            try service.perform(.decide(task: try task(service, "ops-2", node).id, actor: actor, outcome: "agree",
                                        comment: nil, data: .null), on: "ops-2")
        }
        try advance(clock, service, to: "2024-10-23")
        try service.perform(.decide(task: try task(service, "ops-2", "approve").id, actor: Self.boss,
                                    outcome: "approve", comment: "同意立项", data: .null), on: "ops-2")

        // ops-3: withdrawn while running.
        _ = try service.start(projectID: "ops-3", workflow: "operations", variables: [:], actor: Self.unit)
        try service.perform(.withdraw(actor: Self.unit, comment: "项目取消"), on: "ops-3")

        // tinghu-1: a 亭湖区 project through the pre-review and the department review, left running.
        _ = try service.start(projectID: "tinghu-1", workflow: "tinghu", variables: ["amount": .number(300)],
                              actor: Self.unit)
        try advance(clock, service, to: "2024-10-24")
        var state = try service.currentState(of: "tinghu-1")
        let tinghuActors = [Actor(id: "li", department: "区数据局", roles: ["reviewing-office"]),
                            Actor(id: "sun", department: "区委办", roles: ["reviewing-office"]),
                            Actor(id: "zhou", department: "区委网信办", roles: ["reviewing-office"]),
                            Actor(id: "zhao", department: "区财政局", roles: ["reviewing-office"]),
                            Actor(id: "qian", department: "区审计局", roles: ["reviewing-office"])]
        for round in 0..<3 {
            for open in state.openTasks {
                guard let actor = tinghuActors.first(where: { open.assignee.includes($0) }) else { continue }
                let outcome = open.outcomes.contains("pass") ? "pass"
                    : open.outcomes.contains("approve") ? "approve" : open.outcomes[0]
                _ = try? service.perform(.decide(task: open.id, actor: actor, outcome: outcome,
                                                 comment: "第\(round + 1)轮意见", data: .null), on: "tinghu-1")
            }
            state = try service.currentState(of: "tinghu-1")
        }
        try advance(clock, service, to: "2024-11-20")
        session.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }
}
