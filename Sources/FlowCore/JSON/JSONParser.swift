/// A strict RFC 8259 JSON parser that records the line and column of every value and key.
///
/// Foundation's `JSONSerialization` reports neither, and administrators need "line 42, column 17" to fix a
/// definition. The parser rejects what RFC 8259 rejects (trailing commas, comments, single quotes, leading
/// zeros, lone surrogates) and bounds nesting depth so hostile input cannot exhaust the stack.
///
/// It reads the text's UTF-8 bytes (columns still count Unicode scalars: a continuation byte does not move the
/// column) and makes each string from a slice of them, copying byte by byte only around escapes.
public struct JSONParser {
    /// Deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// Parses a whole document; anything but whitespace after the value is an error.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONElement {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipWhitespace()
        let element = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the document")
        }
        return element
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The whole scalar starting at the current byte (the parser stops only between scalars).
    private var currentScalar: Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// Moves past one byte; the column moves at the first byte of each scalar.
    private mutating func advance() {
        let byte = bytes[index]
        if byte == ASCII.lineFeed {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    /// Moves past the current scalar, however many bytes it takes.
    private mutating func advanceScalar() {
        advance()
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
    }

    private mutating func skipWhitespace() {
        while let byte = current,
              byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
            advance()
        }
    }

    private func error(_ message: String, at location: SourceLocation? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: location ?? self.location)
    }

    private func describeCurrent() -> String {
        guard let scalar = currentScalar else { return "end of file" }
        switch scalar {
        case "\n": return "line break"
        case "\t": return "tab"
        default: return "'\(Character(scalar))'"
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONElement {
        let start = location
        guard let byte = current else { throw error("expected a value, found end of file") }
        switch byte {
        case UInt8(ascii: "{"): return JSONElement(location: start, content: try parseObject())
        case UInt8(ascii: "["): return JSONElement(location: start, content: try parseArray())
        case ASCII.quote: return JSONElement(location: start, content: .string(try parseString()))
        case UInt8(ascii: "t"): try parseLiteral("true"); return JSONElement(location: start, content: .bool(true))
        case UInt8(ascii: "f"): try parseLiteral("false"); return JSONElement(location: start, content: .bool(false))
        case UInt8(ascii: "n"): try parseLiteral("null"); return JSONElement(location: start, content: .null)
        case UInt8(ascii: "-"), ASCII.zero...ASCII.nine:
            return JSONElement(location: start, content: .number(try parseNumber()))
        default: throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONElement.Content {
        try enterContainer()
        advance()  // {
        skipWhitespace()
        var members: [JSONElement.Member] = []
        if current == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == ASCII.quote else {
                throw error("expected a member name in double quotes, found \(describeCurrent())")
            }
            let keyLocation = location
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("expected ':' after member name \"\(key)\", found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONElement.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                continue
            }
            if current == UInt8(ascii: "}") {
                advance()
                depth -= 1
                return .object(members)
            }
            throw error("expected ',' or '}' after a member, found \(describeCurrent())")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONElement.Content {
        try enterContainer()
        advance()  // [
        skipWhitespace()
        var elements: [JSONElement] = []
        if current == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
                continue
            }
            if current == UInt8(ascii: "]") {
                advance()
                depth -= 1
                return .array(elements)
            }
            throw error("expected ',' or ']' after an element, found \(describeCurrent())")
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let start = location
        for offset in 0..<word.utf8CodeUnitCount {
            guard current == word.utf8Start[offset] else {
                throw error("invalid literal; expected '\(word)'", at: start)
            }
            advance()
        }
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= ASCII.zero && byte <= ASCII.nine
    }

    private mutating func skipDigits() {
        while isDigit(current) { advance() }
    }

    /// The number's text as written, except that an exponent's `E` is written `e`.
    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = location
        let first = index
        var upperExponent: Int?
        if current == UInt8(ascii: "-") { advance() }
        guard isDigit(current) else { throw error("invalid number: expected a digit after '-'", at: start) }
        if current == ASCII.zero {
            advance()
            if isDigit(current) { throw error("invalid number: leading zeros are not allowed", at: start) }
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard isDigit(current) else { throw error("invalid number: expected a digit after '.'", at: start) }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            if current == UInt8(ascii: "E") { upperExponent = index - first }
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard isDigit(current) else { throw error("invalid number: expected a digit in the exponent", at: start) }
            skipDigits()
        }
        var text = Array(bytes[first..<index])
        if let upperExponent { text[upperExponent] = UInt8(ascii: "e") }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = location
        advance()  // opening quote
        var segmentStart = index
        // Filled only when the string has escapes: the text before the current segment, unescaped.
        var unescaped: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string", at: start) }
            switch byte {
            case ASCII.quote:
                let text: String
                if unescaped.isEmpty {
                    text = String(decoding: bytes[segmentStart..<index], as: UTF8.self)
                } else {
                    unescaped.append(contentsOf: bytes[segmentStart..<index])
                    text = String(decoding: unescaped, as: UTF8.self)
                }
                advance()
                return text
            case ASCII.backslash:
                unescaped.append(contentsOf: bytes[segmentStart..<index])
                advance()
                let scalar = try parseEscape()
                UTF8.encode(scalar) { unescaped.append($0) }
                segmentStart = index
            case ..<0x20:
                throw error("control character U+\(hex4(UInt32(byte))) must be escaped inside a string")
            default:
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let scalar = currentScalar else { throw error("unterminated escape sequence") }
        let replacement: Unicode.Scalar?
        switch scalar {
        case "\"", "\\", "/": replacement = scalar
        case "b": replacement = "\u{08}"
        case "f": replacement = "\u{0C}"
        case "n": replacement = "\n"
        case "r": replacement = "\r"
        case "t": replacement = "\t"
        default: replacement = nil
        }
        if let replacement {
            advance()
            return replacement
        }
        guard scalar == "u" else { throw error("invalid escape sequence '\\\(Character(scalar))'") }
        advance()
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard current == ASCII.backslash else { throw error("lone high surrogate \\u\(hex4(high))") }
            advance()
            guard current == UInt8(ascii: "u") else { throw error("lone high surrogate \\u\(hex4(high))") }
            advance()
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate \\u\(hex4(low))") }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let result = Unicode.Scalar(combined) else { throw error("invalid surrogate pair") }
            return result
        }
        guard let result = Unicode.Scalar(high) else { throw error("lone low surrogate \\u\(hex4(high))") }
        return result
    }

    /// The value of `0`–`9`, `a`–`f` or `A`–`F`; `nil` for anything else.
    private static func asciiHexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            // ASCII hexadecimal digits only (RFC 8259 §7): not the fullwidth forms `Character.hexDigitValue` takes.
            guard let scalar = currentScalar, let digit = Self.asciiHexDigit(scalar) else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            advanceScalar()
        }
        return value
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The bytes the parser looks for.
    private enum ASCII {
        static let space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t")
        static let lineFeed = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")
        static let quote = UInt8(ascii: "\"")
        static let backslash = UInt8(ascii: "\\")
        static let zero = UInt8(ascii: "0")
        static let nine = UInt8(ascii: "9")
    }
}

/// A document that is not valid JSON, with the place the parser stopped.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public let location: SourceLocation

    public var description: String { "\(location): \(message)" }
}
