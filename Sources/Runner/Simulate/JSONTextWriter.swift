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
        case .string(let text): return quote(text)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            let items = elements.map { write($0, depth: depth + 1, compactDepth: compactDepth) }
            return wrap(items, open: "[", close: "]", depth: depth, compactDepth: compactDepth)
        case .object(let members):
            if members.isEmpty { return "{}" }
            let items = members.map {
                quote($0.key) + ": " + write($0.value, depth: depth + 1, compactDepth: compactDepth)
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

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
