/// Unique XML ids (NCNames) made from arbitrary text: every character outside `[A-Za-z0-9_.-]` becomes `_`, an id
/// that would start with a digit, `.` or `-` gets a leading `_`, and `_2`, `_3`… are added on a collision.
struct XMLIdentifiers {
    private var used: Set<String> = []

    /// A new id for `text`, unique among the ids this value made.
    mutating func make(_ text: String) -> String {
        var base = String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-".unicodeScalars
                .contains(scalar)) ? Character(scalar) : "_"
        })
        if base.isEmpty || !(base.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "_" } ?? false) {
            base = "_" + base
        }
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)_\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Text escaped for XML character data and attribute values.
enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` as entity references; characters XML 1.0 forbids (control characters other than
    /// tab, line feed and carriage return) as U+FFFD; line breaks in attributes as `&#10;`.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default:
                let forbidden = scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value)
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }
}
