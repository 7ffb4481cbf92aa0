import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import SQLiteStore
import Testing

@Suite struct StoreRestartTests {
    @Test func timersPendingAtARestartFireInOrderOnceReopened_markedLateByTheExactSeconds() throws {
        let path = try StoreFixtures.databasePath()
        // given two projects whose three-working-day deadlines end on 2024-10-02 and 2024-10-08
        let clock = ManualClock(TestTime.morning("2024-09-27"))
        let store = try SQLiteProjectStore(path: path)
        let service = try StoreFixtures.service(store, clock: clock)
        _ = try service.start(projectID: "first", workflow: "approval", variables: [:], actor: StoreFixtures.applicant)
        clock.set(TestTime.morning("2024-09-26").addingTimeInterval(7 * 86_400))
        _ = try service.start(projectID: "second", workflow: "approval", variables: [:],
                              actor: StoreFixtures.applicant)
        let firstTimer = try #require(try store.state(of: "first")?.pendingTimers.first)
        let secondTimer = try #require(try store.state(of: "second")?.pendingTimers.first)
        #expect(firstTimer.due.date.iso == "2024-10-02")
        #expect(secondTimer.due.date.iso == "2024-10-08")
        store.close()

        // when the runner comes back on 2024-10-10 at 09:00, after both were due
        let restartClock = ManualClock(TestTime.morning("2024-10-10"))
        let reopened = try SQLiteProjectStore(path: path)
        let timers = TimerService(service: try StoreFixtures.service(reopened, clock: restartClock, deploy: false))
        let fired = try timers.tick()

        // then both fire at once, earliest first, each late by the exact seconds since its end-of-day due time
        #expect(fired.map(\.projectID) == ["first", "second"])
        let lateFirst = 7 * 86_400 + 9 * 3600  // 2024-10-03 00:00 → 2024-10-10 09:00
        let lateSecond = 1 * 86_400 + 9 * 3600  // 2024-10-09 00:00 → 2024-10-10 09:00
        #expect(try reopened.history(of: "first").map(\.event)
            .contains(.timerFired(timer: firstTimer.id, lateBy: lateFirst)))
        #expect(try reopened.history(of: "second").map(\.event)
            .contains(.timerFired(timer: secondTimer.id, lateBy: lateSecond)))
        #expect(try reopened.nextTimer() == nil)
        #expect(try timers.tick().isEmpty, "a fired timer fires once")
        let firedAt = try ["first", "second"].map { id in
            try #require(try reopened.history(of: id).last { if case .timerFired = $0.event { true } else { false } })
        }
        #expect(firedAt.allSatisfy { $0.at == TestTime.morning("2024-10-10") })
    }

    @Test func timerServiceStartsAndStopsCleanly() throws {
        let store = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        let timers = TimerService(service: try StoreFixtures.service(store, clock: SystemClock()))
        timers.start()
        timers.wake()
        timers.stop()
        timers.stop()
        store.close()
    }
}
