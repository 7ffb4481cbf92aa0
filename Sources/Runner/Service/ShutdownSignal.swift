import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for SIGTERM or SIGINT. The default actions are turned off (`SIG_IGN`) so the process is not killed;
/// dispatch sources hear the signals instead and the waiting thread shuts down in order.
public final class ShutdownSignal {
    private let received = DispatchSemaphore(value: 0)
    private let sources: [any DispatchSourceSignal]

    /// Starts listening to `signals`.
    public init(_ signals: [Int32] = [SIGTERM, SIGINT]) {
        let queue = DispatchQueue(label: "govflow.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        for source in sources {
            source.setEventHandler { [received] in received.signal() }
            source.resume()
        }
    }

    /// Blocks until a signal arrives.
    public func wait() {
        received.wait()
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
