import Foundation
import Synchronization

/// Reads a child's output on a thread of its own, so the test can poll it.
package final class ChildOutput: Sendable {
    private let text = Mutex("")
    private let ended = Mutex(false)

    package init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            ended.withLock { $0 = true }
        }
    }

    /// The complete lines so far.
    package var lines: [String] {
        text.withLock { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    package var all: String { text.withLock { $0 } }

    package var isEnded: Bool { ended.withLock { $0 } }

    /// Polls (bounded by `timeout`) until `condition` holds; returns whether it did.
    package func wait(timeout: TimeInterval, until condition: (ChildOutput) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(self) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition(self)
    }
}

/// An executable `swift build` made: `govflow`, or the crash test's `govflow-crash-writer`.
package enum BuiltBinary {
    /// The built `govflow`.
    package static let url = url(named: "govflow")
    /// Whether `swift build` made `govflow`.
    package static var exists: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    /// The built executable `name` in the debug build folder.
    package static func url(named name: String) -> URL {
        StoreFixtures.packageRoot.appendingPathComponent(".build/debug/\(name)")
    }
}

/// A child process whose standard output and error are read as they come.
package struct RunningChild {
    /// The process, running.
    package let process: Process
    /// Its standard output so far.
    package let output: ChildOutput
    /// Its standard error so far.
    package let errors: ChildOutput

    /// Starts `executable` with `arguments`, in `directory` when given, with `environment` when given (else this
    /// process's).
    package init(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                 environment: [String: String]? = nil) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()
        output = ChildOutput(outputPipe.fileHandleForReading)
        errors = ChildOutput(errorPipe.fileHandleForReading)
    }

    /// Waits for the child to exit and for both outputs to end: the exit status and the whole outputs.
    package func finish() -> (status: Int32, output: String, errors: String) {
        process.waitUntilExit()
        _ = output.wait(timeout: 10) { $0.isEnded }
        _ = errors.wait(timeout: 10) { $0.isEnded }
        return (process.terminationStatus, output.all, errors.all)
    }
}
