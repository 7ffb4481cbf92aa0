/// The time an `HTTPServer`'s event loop reads for its deadlines (request, idle, write and linger timeouts).
///
/// `SystemLoopClock` is the real one; `ManualLoopClock` lets tests move time by hand, so that a timeout test does
/// not wait for the wall clock.
///
/// Implementation requirements:
/// - `now()` never goes backwards.
/// - `pollTimeout(until:)` says how long the loop may sleep in `poll(2)` before `deadline` has passed: in real
///   milliseconds, 0 when it has passed, -1 to sleep until woken.
/// - `whenAdvanced(_:)` keeps `wake` and calls it whenever time jumps (a clock that runs by itself never calls it).
public protocol LoopClock: Sendable {
    /// The current instant.
    func now() -> MonotonicTime
    /// How long `poll(2)` may sleep until `deadline`: milliseconds, 0 when passed, -1 for "until woken".
    func pollTimeout(until deadline: MonotonicTime) -> Int32
    /// Registers `wake`, called after each jump of the clock so a sleeping loop looks at its deadlines again.
    func whenAdvanced(_ wake: @escaping @Sendable () -> Void)
}

/// The system's monotonic clock.
public struct SystemLoopClock: LoopClock {
    /// The system clock.
    public init() {}

    public func now() -> MonotonicTime { .now() }

    public func pollTimeout(until deadline: MonotonicTime) -> Int32 { Int32(clamping: deadline.millisecondsFromNow) }

    public func whenAdvanced(_ wake: @escaping @Sendable () -> Void) {}
}
