import Foundation
import Synchronization

/// Where the engine's callers get the time from. The engine itself never reads a clock: callers pass `now` with
/// each command, taken from a clock they own, so tests and the simulator move months forward in milliseconds.
public protocol WorkflowClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: WorkflowClock {
    public init() {}

    public func now() -> Date { Date() }
}

/// A clock that moves only when told to: for tests and `govflow simulate`.
public final class ManualClock: WorkflowClock {
    private let current: Mutex<Date>

    /// A clock showing `start`.
    public init(_ start: Date) {
        current = Mutex(start)
    }

    /// A clock showing 09:00 China Standard Time on `date`.
    public convenience init(at date: CivilDate, hour: Int = 9) {
        self.init(date.startInChina.addingTimeInterval(TimeInterval(hour * 3600)))
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds` (never backward).
    public func advance(by seconds: TimeInterval) {
        precondition(seconds >= 0, "a manual clock only moves forward")
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `instant`, which must not be earlier than the current time.
    public func set(_ instant: Date) {
        current.withLock {
            precondition(instant >= $0, "a manual clock only moves forward")
            $0 = instant
        }
    }
}
