import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file a user named on the command line, with the reason in plain words when it cannot:
/// `cannot read x.json: no such file`, never a Foundation error dump.
enum InputFile {
    /// Why a named file cannot be read.
    struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The file as the user named it.
        let path: String
        /// "no such file", "is a directory", "permission denied", "not a regular file", "not UTF-8 text".
        let reason: String

        var description: String { "cannot read \(path): \(reason)" }
    }

    /// The file's text, or a `Problem` naming the file and the reason.
    static func read(_ path: String) throws(Problem) -> String {
        let data = try readData(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw Problem(path: path, reason: "not UTF-8 text")
        }
        return text
    }

    /// The file's bytes, or a `Problem` naming the file and the reason.
    static func readData(_ path: String) throws(Problem) -> Data {
        try checkRegularFile(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(path: path, reason: reason(errno))
        }
        return data
    }

    /// Throws unless `path` names an existing regular file (or a link to one) that this process may read.
    static func checkRegularFile(_ path: String) throws(Problem) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Problem(path: path, reason: reason(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Problem(path: path, reason: "is a directory")
        default: throw Problem(path: path, reason: "not a regular file")
        }
        guard access(path, R_OK) == 0 else { throw Problem(path: path, reason: reason(errno)) }
    }

    /// Throws unless `path` names an existing directory.
    static func checkDirectory(_ path: String) throws(Problem) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Problem(path: path, reason: reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw Problem(path: path, reason: "not a directory") }
    }

    /// Plain words for the usual `errno` values.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ENOTDIR: return "a part of the path is not a directory"
        case EISDIR: return "is a directory"
        default: return String(cString: strerror(code))
        }
    }
}
