import FlowCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `<database>.lock`, held while a store is open, so that a second runner on the same
/// database is refused instead of firing every timer twice.
///
/// SQLite's own locks cannot do this job: in WAL mode readers and a writer share the file by design (backups read
/// while the runner writes), and `locking_mode=EXCLUSIVE` would shut out backups too. The kernel drops a `flock`
/// when its process dies, even by SIGKILL, so a crash never leaves a stale lock behind. The file holds the
/// holder's process id, for the message.
final class LockFile: Sendable {
    /// The lock file's path.
    let path: String
    private let descriptor: Int32

    /// Takes the lock on `path`, or throws naming the process that holds it.
    init(path: String) throws(StoreError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw .failure("cannot create the lock file \(path): \(reason) (open); check that the folder exists and "
                + "is writable")
        }
        guard Self.lock(descriptor) else {
            let code = errno
            let holder = Self.holder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK {
                throw .failure("the database is in use by another govflow runner\(holder) holding the lock \(path); "
                    + "stop that runner first, or give this one another --db")
            }
            throw .failure("cannot lock \(path): \(String(cString: strerror(code))) (flock)")
        }
        self.path = path
        self.descriptor = descriptor
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Tries the lock a few times over half a second before giving up: a runner that is just exiting, or a child
    /// process between `fork` and `exec` that still shares the descriptor, lets go within moments. `errno` is the
    /// last attempt's on failure.
    private static func lock(_ descriptor: Int32) -> Bool {
        for attempt in 0..<10 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK, attempt < 9 else { return false }
            usleep(50_000)
        }
        return false
    }

    deinit {
        // Closing the descriptor releases the lock. The file stays: removing it would race with a runner that
        // has just opened it and is about to lock it.
        close(descriptor)
    }

    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int(text).map { " (process \($0))" } ?? ""
    }
}
