import Foundation
import Synchronization

/// A fixed number of threads running submitted jobs in order of submission.
final class WorkerPool: Sendable {
    private let jobs = Mutex<[(@Sendable () -> Void)?]>([])
    private let available = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let count: Int

    /// Starts `count` threads named after `name`.
    init(count: Int, name: String) {
        self.count = count
        for index in 0..<count {
            finished.enter()
            let thread = Thread { [self] in
                while let job = self.take() { job() }
                self.finished.leave()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Runs `job` on the next free worker.
    func submit(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        available.signal()
    }

    /// Lets the workers finish the jobs submitted so far, then ends them and waits.
    func shutdown() {
        for _ in 0..<count {
            jobs.withLock { $0.append(nil) }
            available.signal()
        }
        finished.wait()
    }

    private func take() -> (@Sendable () -> Void)? {
        available.wait()
        return jobs.withLock { $0.removeFirst() }
    }
}
