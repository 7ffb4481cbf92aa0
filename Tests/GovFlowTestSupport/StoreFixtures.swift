import FlowCore
import Foundation
import Stages

/// Builders shared by the store, API, crash and serve tests: temporary folders, a small definition, services.
package enum StoreFixtures {
    package static let registry = BuiltInStages.registry()
    package static let calendars: [String: any WorkingCalendar] = ["weekends": WeekendOnlyCalendar()]
    package static let reviewer = Actor(id: "li", department: "区数据局", roles: ["reviewer"])
    package static let applicant = Actor(id: "zhang", roles: ["project-unit"])

    /// The package root, found from this file's path.
    package static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A database written by schema version 3 (synthesized `Codable` rows), for the upgrade tests.
    package static let schemaVersion3Database = packageRoot.appendingPathComponent(
        "Tests/StoreTests/Fixtures/schema-v3.sqlite")
    /// The projects in `schemaVersion3Database`.
    package static let schemaVersion3Projects = ["ops-1", "ops-2", "ops-3", "tinghu-1"]

    /// A new empty folder under the system's temporary folder.
    package static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("govflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A database path in a new temporary folder (the file does not exist yet).
    package static func databasePath() throws -> String {
        try temporaryFolder().appendingPathComponent("govflow.sqlite").path
    }

    /// A review that can loop, with a three-working-day deadline, then an approval.
    package static func definition(version: Int = 1, title: String = "测试流程", calendar: String = "weekends") -> String {
        """
        {"id": "approval", "version": \(version), "title": "\(title)",
         "jurisdiction": {"name": "测试区", "code": "320902"}, "regulation": {"title": "测试办法"},
         "calendar": "\(calendar)", "start": "review",
         "nodes": [
           {"id": "review", "type": "stage", "stage": "human-task",
            "parameters": {"title": "审核", "assignee": {"role": "reviewer"}, "outcomes": ["again", "pass"]},
            "outcomes": {"again": "review", "pass": "approve"},
            "deadlines": [{"id": "opinion", "period": "3 workdays", "interrupting": false}]},
           {"id": "approve", "type": "stage", "stage": "human-task",
            "parameters": {"title": "审批", "assignee": {"role": "reviewer"}, "outcomes": ["approve", "reject"]},
            "outcomes": {"approve": "approved", "reject": "rejected"}},
           {"id": "approved", "type": "end", "result": "approved"},
           {"id": "rejected", "type": "end", "result": "rejected"}
         ]}
        """
    }

    /// A service over `store` with the test calendars and, when asked, the test definition deployed.
    package static func service(_ store: any ProjectStore, clock: any WorkflowClock, deploy: Bool = true) throws
        -> WorkflowService
    {
        let service = try WorkflowService(registry: registry, calendars: calendars, store: store, clock: clock)
        if deploy && service.definition("approval") == nil {
            try service.deploy(source: definition(), file: "approval.json")
        }
        return service
    }

    /// Decides the open task at `node` of `project`.
    @discardableResult
    package static func decide(_ service: WorkflowService, _ project: String, at node: String, _ outcome: String,
                       comment: String? = nil) throws -> Step {
        let state = try service.currentState(of: project)
        guard let task = state.openTasks.first(where: { $0.nodeID == node }) else {
            throw FixtureError.noOpenTask(project, node)
        }
        return try service.perform(.decide(task: task.id, actor: reviewer, outcome: outcome, comment: comment,
                                           data: .null), on: project)
    }

    /// The error a `throws(StoreError)` / `throws(ServiceError)` call threw, as a store error, if it did.
    package static func storeError(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error
        } catch let ServiceError.store(error) {
            return error
        } catch {
            return .failure("unexpected error: \(error)")
        }
    }
}

/// A fixture could not do what the test asked.
package enum FixtureError: Error {
    case noOpenTask(String, String)
}
