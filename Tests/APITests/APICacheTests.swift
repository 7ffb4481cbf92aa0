import FlowCore
import Foundation
@testable import GovFlowAPI
import GovFlowHTTP
import GovFlowTestSupport
import Testing

/// The API's caches hold at most their byte limits, and `/metrics` shows bytes used and limits.
@Suite struct APICacheTests {
    /// Starts `count` projects (ids p10, p11, …) whose reviewers decided with `dataBytes` of data, so that each
    /// project view is a little larger than that.
    static func largeProjects(_ harness: APIHarness, count: Int, dataBytes: Int) throws -> [String] {
        let notes = String(repeating: "意", count: dataBytes / 3)
        return try (10..<(10 + count)).map { number in
            let id = "p\(number)"
            let started = harness.send("POST", "/v1/projects", as: "unit",
                                       body: #"{"workflow": "approval", "id": "\#(id)", "variables": {"amount": 1}}"#)
            try #require(started.status.code == 201)
            let task = try #require(started.json["openTasks"]?.arrayValue?.first?["id"]?.intValue)
            let decided = harness.send("POST", "/v1/projects/\(id)/tasks/\(task)/decision", as: "reviewer",
                                       body: #"{"outcome": "revise", "data": {"notes": "\#(notes)"}}"#)
            try #require(decided.status.code == 200, "\(decided.bodyText)")
            return id
        }
    }

    @Test func manyLargeProjectViews_StayWithinTheCacheByteLimit() throws {
        let harness = try APIHarness(project: nil)
        let ids = try Self.largeProjects(harness, count: 20, dataBytes: 60_000)
        let limit = 200_000
        let router = APIRouter(service: harness.service, tokens: nil, viewCacheBytes: limit)
        var sizes: [Int] = []
        for id in ids {
            let view = router.respond(to: HTTPRequest(method: "GET", target: "/v1/projects/\(id)"),
                                      now: harness.clock.now())
            #expect(view.status.code == 200)
            sizes.append(view.body.count)
            #expect(router.projectViews.bytesUsed <= limit)
        }
        // The most recent views that fit are kept, the older ones evicted.
        var kept = 0
        var expectedBytes = 0
        for size in sizes.reversed() where expectedBytes + size <= limit {
            expectedBytes += size
            kept += 1
        }
        #expect(kept == 3)
        #expect(router.projectViews.count == kept)
        #expect(router.projectViews.bytesUsed == expectedBytes)

        let metrics = router.respond(to: HTTPRequest(method: "GET", target: "/metrics"), now: harness.clock.now())
        let lines = metrics.bodyText.split(separator: "\n")
        #expect(lines.contains("govflow_cache_bytes{cache=\"project-views\"} \(expectedBytes)"))
        #expect(lines.contains("govflow_cache_limit_bytes{cache=\"project-views\"} 200000"))
        #expect(lines.contains("govflow_cache_limit_bytes{cache=\"idempotency\"} \(IdempotencyTable.defaultByteLimit)"))
        #expect(lines.contains("govflow_cache_limit_bytes{cache=\"project-starters\"} \(8 * 1024 * 1024)"))
        #expect(router.starters.count == 0, "local administrators read every project without asking who started it")
    }

    @Test func aViewLargerThanTheWholeLimit_IsServedButNotKept() throws {
        let harness = try APIHarness(project: nil)
        let ids = try Self.largeProjects(harness, count: 1, dataBytes: 60_000)
        let router = APIRouter(service: harness.service, tokens: nil, viewCacheBytes: 10_000)
        let view = router.respond(to: HTTPRequest(method: "GET", target: "/v1/projects/\(ids[0])"),
                                  now: harness.clock.now())
        #expect(view.status.code == 200)
        #expect(view.body.count > 60_000)
        #expect(router.projectViews.bytesUsed == 0)
    }

    @Test func idempotentAnswers_StayWithinTheTableByteLimit() throws {
        let harness = try APIHarness(project: nil)
        let table = IdempotencyTable(capacity: 1000, byteLimit: 5_000)
        let router = APIRouter(service: harness.service, tokens: nil, idempotency: table)
        for number in 0..<20 {
            let started = router.respond(to: HTTPRequest(method: "POST", target: "/v1/projects", headers: HTTPHeaders([
                ("Content-Type", "application/json"), ("Idempotency-Key", "k\(number)"),
            ]), body: Array(#"{"workflow": "approval", "variables": {"amount": 3}}"#.utf8)), now: harness.clock.now())
            #expect(started.status.code == 201)
            #expect(table.bytesUsed <= 5_000)
        }
        #expect(table.bytesUsed > 0)
    }

    @Test func cache_EvictsTheOldestEntries_AndAccountsForReplacedOnes() {
        let cache = ByteBoundedCache<String, Int>(byteLimit: 10)
        cache.store(1, bytes: 4, for: "a")
        cache.store(2, bytes: 4, for: "b")
        cache.store(3, bytes: 5, for: "a")
        #expect(cache.bytesUsed == 9)
        #expect(cache["a"] == 3)
        cache.store(4, bytes: 4, for: "c")
        #expect(cache["b"] == nil, "b is the oldest store")
        #expect(cache["a"] == 3)
        #expect(cache["c"] == 4)
        #expect(cache.bytesUsed == 9)
        cache.store(5, bytes: 11, for: "a")
        #expect(cache["a"] == nil)
        #expect(cache.bytesUsed == 4)
        for round in 0..<10_000 { cache.store(round, bytes: 1, for: "c") }
        #expect(cache.count == 1)
        #expect(cache.bytesUsed == 1)
    }
}

/// Request metrics cannot grow without bound from what clients send.
@Suite struct APIMetricsBoundTests {
    @Test func madeUpMethods_AreCountedAsOther() throws {
        let harness = try APIHarness()
        for number in 0..<50 { _ = harness.send("M\(number)", "/v1/nowhere\(number)", as: "admin") }
        let text = harness.send("GET", "/metrics", as: "auditor").bodyText
        #expect(text.contains(#"govflow_http_requests_total{method="other",route="unmatched",status="404"} 50"#
            + "\n"))
        #expect(!text.contains(#"method="M1""#))
    }
}
