import FlowCore

/// Writes JSON values as text with members in their given order, so that output is byte-for-byte stable.
///
/// The top levels are indented with two spaces; values nested `compactDepth` levels deep or more are written on
/// one line (`{"seq": 1, "at": "…"}`), which keeps one event per line.
enum JSONTextWriter {
    /// The text of `value`, indented down to `compactDepth`.
    static func pretty(_ value: JSONValue, compactDepth: Int = 2) -> String {
        write(value, depth: 0, compactDepth: compactDepth)
    }

    /// The text of `value` on one line.
    static func compact(_ value: JSONValue) -> String {
        write(value, depth: 0, compactDepth: 0)
    }

    private static func write(_ value: JSONValue, depth: Int, compactDepth: Int) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return JSONText.quoted(text)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            let items = elements.map { write($0, depth: depth + 1, compactDepth: compactDepth) }
            return wrap(items, open: "[", close: "]", depth: depth, compactDepth: compactDepth)
        case .object(let members):
            if members.isEmpty { return "{}" }
            let items = members.map {
                JSONText.quoted($0.key) + ": " + write($0.value, depth: depth + 1, compactDepth: compactDepth)
            }
            return wrap(items, open: "{", close: "}", depth: depth, compactDepth: compactDepth)
        }
    }

    private static func wrap(_ items: [String], open: String, close: String, depth: Int, compactDepth: Int) -> String {
        if depth >= compactDepth { return open + items.joined(separator: ", ") + close }
        let inner = String(repeating: "  ", count: depth + 1)
        let outer = String(repeating: "  ", count: depth)
        return open + "\n" + items.map { inner + $0 }.joined(separator: ",\n") + "\n" + outer + close
    }

}
