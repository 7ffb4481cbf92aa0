#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant on a monotonic clock, in seconds: deadlines that wall-clock changes cannot move.
public struct MonotonicTime: Comparable, Hashable, Sendable {
    /// Seconds since the clock's arbitrary origin.
    public let seconds: Double

    /// The instant `seconds` after the clock's origin.
    public init(seconds: Double) {
        self.seconds = seconds
    }

    /// The current instant of the system's monotonic clock (`CLOCK_MONOTONIC`).
    public static func now() -> MonotonicTime {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicTime(seconds: Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
    }

    /// This instant plus `interval` seconds.
    public func adding(_ interval: Double) -> MonotonicTime { MonotonicTime(seconds: seconds + interval) }

    /// Milliseconds from now (on the system clock) until this instant, rounded up, 0 if passed.
    var millisecondsFromNow: Int {
        max(0, Int(((seconds - MonotonicTime.now().seconds) * 1000).rounded(.up)))
    }

    public static func < (lhs: MonotonicTime, rhs: MonotonicTime) -> Bool { lhs.seconds < rhs.seconds }
}
