/// Writing JSON text by hand, for the places that build documents directly (log lines, reports, generated
/// definitions) instead of through `JSONEncoder`.
public enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes, control characters and the line separators U+2028 and
    /// U+2029 (which JavaScript source does not allow in strings) escaped, everything else (Chinese text included)
    /// as is.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20 || control.value == 0x2028 || control.value == 0x2029:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
