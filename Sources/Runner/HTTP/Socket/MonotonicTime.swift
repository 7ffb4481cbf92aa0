import Glibc

/// An instant on the monotonic clock, in seconds: deadlines that wall-clock changes cannot move.
struct MonotonicTime: Comparable, Sendable {
    let seconds: Double

    /// The current instant.
    static func now() -> MonotonicTime {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicTime(seconds: Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
    }

    /// This instant plus `interval` seconds.
    func adding(_ interval: Double) -> MonotonicTime { MonotonicTime(seconds: seconds + interval) }

    /// Milliseconds from now until this instant, rounded up, 0 if passed.
    var millisecondsFromNow: Int {
        max(0, Int(((seconds - MonotonicTime.now().seconds) * 1000).rounded(.up)))
    }

    static func < (lhs: MonotonicTime, rhs: MonotonicTime) -> Bool { lhs.seconds < rhs.seconds }
}
