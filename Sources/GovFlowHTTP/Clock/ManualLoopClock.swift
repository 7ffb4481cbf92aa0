import Synchronization

/// A loop clock that stands still until `advance(by:)` moves it: for tests of the server's timeouts.
///
/// ```swift
/// let clock = ManualLoopClock()
/// let server = HTTPServer(configuration: .init(writeTimeout: 10), clock: clock) { _ in … }
/// clock.advance(by: 11)   // the loop wakes and drops the writes that are over time
/// ```
public final class ManualLoopClock: LoopClock {
    private struct Contents {
        var now: MonotonicTime
        var wakes: [@Sendable () -> Void] = []
    }

    private let contents: Mutex<Contents>

    /// A clock at `start`.
    public init(start: MonotonicTime = MonotonicTime(seconds: 1_000)) {
        contents = Mutex(Contents(now: start))
    }

    public func now() -> MonotonicTime { contents.withLock { $0.now } }

    public func pollTimeout(until deadline: MonotonicTime) -> Int32 { deadline <= now() ? 0 : -1 }

    public func whenAdvanced(_ wake: @escaping @Sendable () -> Void) {
        contents.withLock { $0.wakes.append(wake) }
    }

    /// Moves the clock `seconds` forward and wakes every loop that reads it.
    public func advance(by seconds: Double) {
        let wakes = contents.withLock { contents in
            contents.now = contents.now.adding(seconds)
            return contents.wakes
        }
        for wake in wakes { wake() }
    }
}
