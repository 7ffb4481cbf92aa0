import Synchronization

/// A thread-safe cache that holds at most `byteLimit` bytes of values: adding past the limit evicts the entries
/// stored longest ago; a value larger than the limit is not kept.
///
/// The size of a value is what the caller says it is (`bytes:`), e.g. the length of a rendered view.
final class ByteBoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let bytes: Int
        /// Which store of the key this is; order entries of older stores are skipped at eviction.
        let stamp: Int
    }

    private struct Contents {
        var entries: [Key: Entry] = [:]
        /// Keys in the order stored (with the stamp of that store); `head` is the oldest still relevant.
        var order: [(key: Key, stamp: Int)] = []
        var head = 0
        var bytes = 0
        var nextStamp = 0
    }

    /// The most bytes of values kept.
    let byteLimit: Int
    private let contents = Mutex(Contents())

    /// An empty cache holding at most `byteLimit` bytes.
    init(byteLimit: Int) {
        self.byteLimit = max(0, byteLimit)
    }

    /// The value stored for `key`, if any.
    subscript(key: Key) -> Value? {
        contents.withLock { $0.entries[key]?.value }
    }

    /// Bytes of values held now (never above `byteLimit`).
    var bytesUsed: Int { contents.withLock { $0.bytes } }

    /// Entries held now.
    var count: Int { contents.withLock { $0.entries.count } }

    /// Stores `value` of size `bytes` for `key`, replacing what was there, and evicts the oldest entries until the
    /// cache is within its limit. A value larger than the whole limit only removes the key's old value.
    func store(_ value: Value, bytes: Int, for key: Key) {
        contents.withLock { contents in
            if let old = contents.entries.removeValue(forKey: key) { contents.bytes -= old.bytes }
            guard bytes <= byteLimit else { return }
            contents.nextStamp += 1
            contents.entries[key] = Entry(value: value, bytes: bytes, stamp: contents.nextStamp)
            contents.order.append((key, contents.nextStamp))
            contents.bytes += bytes
            while contents.bytes > byteLimit, contents.head < contents.order.count {
                let oldest = contents.order[contents.head]
                contents.head += 1
                if let entry = contents.entries[oldest.key], entry.stamp == oldest.stamp {
                    contents.entries[oldest.key] = nil
                    contents.bytes -= entry.bytes
                }
            }
            // Replaced and evicted keys leave order entries behind: drop them once they outnumber the live ones.
            let live = contents.entries.count
            if contents.order.count > 2 * live + 1024 {
                let entries = contents.entries
                contents.order = contents.order[contents.head...].filter { entries[$0.key]?.stamp == $0.stamp }
                contents.head = 0
            }
        }
    }
}
