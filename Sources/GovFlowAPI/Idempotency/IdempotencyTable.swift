import GovFlowHTTP
import Synchronization

/// The answers to mutating requests sent with an `Idempotency-Key`, so that a retry returns the first answer
/// instead of applying the request again.
///
/// Keys are scoped by caller and kept in memory only, the most recent `capacity` of them and answers of at most
/// `byteLimit` bytes in all: they do not survive a restart (see docs/api.md). A key reused with a different request
/// is refused.
public final class IdempotencyTable: Sendable {
    private enum Entry {
        case inProgress(fingerprint: [UInt8])
        case done(fingerprint: [UInt8], response: HTTPResponse)
    }

    private struct Contents {
        var entries: [String: Entry] = [:]
        /// Keys in the order they were first used, for eviction.
        var order: [String] = []
        /// Bytes of the stored answers.
        var bytes = 0
    }

    /// What to do with a request carrying a key.
    enum Claim {
        /// First use: handle it, then call `finish`.
        case proceed
        /// A retry: send this stored answer.
        case replay(HTTPResponse)
        /// The key is in use for a request still running, or was used for a different request.
        case refuse(APIError)
    }

    /// The most keys kept.
    public let capacity: Int
    /// The most bytes of stored answers kept (bodies and header fields).
    public let byteLimit: Int
    private let contents = Mutex(Contents())

    /// The default byte limit: 16 MiB (docs/operations.md).
    public static let defaultByteLimit = 16 * 1024 * 1024

    /// A table keeping the most recent `capacity` keys, with answers of at most `byteLimit` bytes in all.
    public init(capacity: Int = 10_000, byteLimit: Int = IdempotencyTable.defaultByteLimit) {
        self.capacity = max(1, capacity)
        self.byteLimit = max(0, byteLimit)
    }

    /// Bytes of stored answers held now (never above `byteLimit` once a request finished).
    var bytesUsed: Int { contents.withLock { $0.bytes } }

    /// What a stored answer counts against `byteLimit`.
    private static func size(of response: HTTPResponse) -> Int {
        response.body.count + response.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
    }

    private static func slot(caller: String, key: String) -> String { caller + "\u{0}" + key }

    func claim(caller: String, key: String, fingerprint: [UInt8]) -> Claim {
        contents.withLock { contents in
            let slot = IdempotencyTable.slot(caller: caller, key: key)
            switch contents.entries[slot] {
            case nil:
                contents.entries[slot] = .inProgress(fingerprint: fingerprint)
                contents.order.append(slot)
                evict(&contents)
                return .proceed
            case .inProgress(let stored):
                return .refuse(stored == fingerprint
                    ? APIError(.conflict, "idempotency-key-in-use",
                               "a request with Idempotency-Key \"\(key)\" is still being handled; retry shortly")
                    : reused(key))
            case .done(let stored, let response):
                guard stored == fingerprint else { return .refuse(reused(key)) }
                var replayed = response
                replayed.headers.set("Idempotent-Replayed", "true")
                return .replay(replayed)
            }
        }
    }

    /// Stores the answer to a claimed key; server errors are not stored, so a retry applies the request again.
    func finish(caller: String, key: String, fingerprint: [UInt8], response: HTTPResponse) {
        contents.withLock { contents in
            let slot = IdempotencyTable.slot(caller: caller, key: key)
            if response.status.code >= 500 {
                contents.entries[slot] = nil
                contents.order.removeAll { $0 == slot }
            } else {
                contents.entries[slot] = .done(fingerprint: fingerprint, response: response)
                contents.bytes += IdempotencyTable.size(of: response)
                evict(&contents)
            }
        }
    }

    private func reused(_ key: String) -> APIError {
        .unprocessable("idempotency-key-reused",
                       "Idempotency-Key \"\(key)\" was used for a different request; use a new key for a new request")
    }

    private func evict(_ contents: inout Contents) {
        var index = 0
        while contents.entries.count > capacity || contents.bytes > byteLimit, index < contents.order.count {
            let slot = contents.order[index]
            if case .done(_, let response) = contents.entries[slot] {
                contents.entries[slot] = nil
                contents.bytes -= IdempotencyTable.size(of: response)
                contents.order.remove(at: index)
            } else {
                index += 1
            }
        }
    }
}
