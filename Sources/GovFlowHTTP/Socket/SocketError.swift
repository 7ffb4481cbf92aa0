#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A socket call that failed, with the call's name and `errno` read at once.
public struct SocketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The system call or step that failed (e.g. "bind", "getaddrinfo").
    public let call: String
    /// The `errno` value (or the `getaddrinfo` code), 0 when not from the system.
    public let code: Int32
    /// What was being done, e.g. "127.0.0.1:8080".
    public let context: String

    /// An error of `call` with `code`, while doing `context`.
    public init(call: String, code: Int32, context: String = "") {
        self.call = call
        self.code = code
        self.context = context
    }

    /// An error from the call that just failed, reading `errno` now.
    static func makeFailed(_ call: String, context: String = "") -> SocketError {
        SocketError(call: call, code: errno, context: context)
    }

    public var description: String {
        let reason = call == "getaddrinfo" ? String(cString: gai_strerror(code)) : String(cString: strerror(code))
        let place = context.isEmpty ? "" : " (\(context))"
        return "\(call) failed\(place): \(reason) [errno \(code)]"
    }
}
