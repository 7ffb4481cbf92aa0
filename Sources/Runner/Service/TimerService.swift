import Dispatch
import FlowCore
import Foundation
import Synchronization

/// Fires projects' timers when they fall due, on a thread of its own.
///
/// The loop asks the store for the next timer, sleeps until it is due (at most `maximumSleep`, and less when
/// `wake()` is called, e.g. because a commit scheduled an earlier timer), then calls
/// `WorkflowService.fireDueTimers()`: each firing is its own commit, in due order. A fired timer is gone from the
/// project's state, so it fires once. After a restart everything overdue fires at once, in order, and the engine
/// records how late (`timerFired(timer:lateBy:)`). A firing that fails inside the engine or a plugin raises an
/// incident on that project instead (see `WorkflowService.fireDueTimerBatch`), and the loop goes on.
///
/// Tests drive it with a `ManualClock` and `tick()`, without the thread and without sleeping.
public final class TimerService: Sendable {
    private let service: WorkflowService
    private let logger: JSONLogger?
    private let maximumSleep: TimeInterval
    private let wakeSignal = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let state = Mutex(RunState.idle)

    private enum RunState {
        case idle, running, stopping, stopped
    }

    /// A timer service for `service`'s projects, using `service.clock`.
    public init(service: WorkflowService, logger: JSONLogger? = nil, maximumSleep: TimeInterval = 1) {
        self.service = service
        self.logger = logger
        self.maximumSleep = maximumSleep
    }

    /// Fires every timer due now, earliest first, and returns them.
    @discardableResult
    public func tick() throws(ServiceError) -> [ScheduledTimer] {
        try fireDue { true }
    }

    /// Fires due timers batch by batch while `proceed()` holds (a stop ends the loop between batches).
    private func fireDue(while proceed: () -> Bool) throws(ServiceError) -> [ScheduledTimer] {
        var fired: [ScheduledTimer] = []
        while proceed() {
            // A firing that fails raises an incident on its project and suspends that timer (the service's
            // observers log it); the batch goes on, so one project never stops the timers of the others.
            let batch = try service.fireDueTimerBatch(limit: 100)
            fired += batch.fired
            if batch.isEmpty { break }
        }
        return fired
    }

    /// Starts the loop on its own thread. Calling it twice is a programmer error.
    public func start() {
        state.withLock {
            precondition($0 == .idle, "a timer service starts once")
            $0 = .running
        }
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "govflow.timers"
        thread.start()
    }

    /// Wakes the loop early to look at the timers again.
    public func wake() {
        wakeSignal.signal()
    }

    /// Stops the loop after the firing in flight, and waits for it. Safe to call more than once.
    public func stop() {
        let wasRunning = state.withLock { (current: inout RunState) -> Bool in
            guard current == .running else { return false }
            current = .stopping
            return true
        }
        guard wasRunning else { return }
        wakeSignal.signal()
        finished.wait()
        state.withLock { $0 = .stopped }
    }

    private var isRunning: Bool { state.withLock { $0 == .running } }

    private func run() {
        while isRunning {
            var delay = maximumSleep
            do {
                let fired = try fireDue { isRunning }
                if !fired.isEmpty { logger?.info("timers fired", ["count": "\(fired.count)"]) }
                if let next = try service.store.nextTimer() {
                    let untilDue = next.fireAt.timeIntervalSince(service.clock.now())
                    // A due timer the service skipped (its project no longer runs) must not make the loop spin.
                    if untilDue > 0 { delay = min(maximumSleep, untilDue) }
                }
            } catch {
                logger?.error("firing timers failed; retrying", ["error": "\(error)"])
            }
            guard isRunning else { return }
            if delay > 0 { _ = wakeSignal.wait(timeout: .now() + delay) }
        }
    }
}
