/// A strict RFC 8259 JSON parser that records the line and column of every value and key.
///
/// Foundation's `JSONSerialization` reports neither, and administrators need "line 42, column 17" to fix a
/// definition. The parser rejects what RFC 8259 rejects (trailing commas, comments, single quotes, leading
/// zeros, lone surrogates) and bounds nesting depth so hostile input cannot exhaust the stack.
public struct JSONParser {
    /// Deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 256

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0

    /// Parses a whole document; anything but whitespace after the value is an error.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONElement {
        var parser = JSONParser(scalars: Array(text.unicodeScalars))
        parser.skipWhitespace()
        let element = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < parser.scalars.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the document")
        }
        return element
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
        }
    }

    private func error(_ message: String, at location: SourceLocation? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: location ?? self.location)
    }

    private func describeCurrent() -> String {
        guard let scalar = current else { return "end of file" }
        switch scalar {
        case "\n": return "line break"
        case "\t": return "tab"
        default: return "'\(Character(scalar))'"
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONElement {
        let start = location
        guard let scalar = current else { throw error("expected a value, found end of file") }
        switch scalar {
        case "{": return JSONElement(location: start, content: try parseObject())
        case "[": return JSONElement(location: start, content: try parseArray())
        case "\"": return JSONElement(location: start, content: .string(try parseString()))
        case "t": try parseLiteral("true"); return JSONElement(location: start, content: .bool(true))
        case "f": try parseLiteral("false"); return JSONElement(location: start, content: .bool(false))
        case "n": try parseLiteral("null"); return JSONElement(location: start, content: .null)
        case "-", "0"..."9": return JSONElement(location: start, content: .number(try parseNumber()))
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
        if current == "}" {
            advance()
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == "\"" else {
                throw error("expected a member name in double quotes, found \(describeCurrent())")
            }
            let keyLocation = location
            let key = try parseString()
            skipWhitespace()
            guard current == ":" else { throw error("expected ':' after member name \"\(key)\", found \(describeCurrent())") }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONElement.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            if current == "," {
                advance()
                skipWhitespace()
                if current == "}" { throw error("trailing comma before '}'") }
                continue
            }
            if current == "}" {
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
        if current == "]" {
            advance()
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            if current == "," {
                advance()
                skipWhitespace()
                if current == "]" { throw error("trailing comma before ']'") }
                continue
            }
            if current == "]" {
                advance()
                depth -= 1
                return .array(elements)
            }
            throw error("expected ',' or ']' after an element, found \(describeCurrent())")
        }
    }

    private mutating func parseLiteral(_ word: String) throws(JSONSyntaxError) {
        let start = location
        for expected in word.unicodeScalars {
            guard current == expected else { throw error("invalid literal; expected '\(word)'", at: start) }
            advance()
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = location
        var text = ""
        func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return ("0"..."9").contains(scalar)
        }
        if current == "-" {
            text.unicodeScalars.append("-")
            advance()
        }
        guard isDigit(current) else { throw error("invalid number: expected a digit after '-'", at: start) }
        if current == "0" {
            text.unicodeScalars.append("0")
            advance()
            if isDigit(current) { throw error("invalid number: leading zeros are not allowed", at: start) }
        } else {
            while isDigit(current), let scalar = current {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
        if current == "." {
            text.unicodeScalars.append(".")
            advance()
            guard isDigit(current) else { throw error("invalid number: expected a digit after '.'", at: start) }
            while isDigit(current), let scalar = current {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
        if current == "e" || current == "E" {
            text.unicodeScalars.append("e")
            advance()
            if let sign = current, sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                advance()
            }
            guard isDigit(current) else { throw error("invalid number: expected a digit in the exponent", at: start) }
            while isDigit(current), let scalar = current {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
        return text
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = location
        advance()  // opening quote
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw error("unterminated string", at: start) }
            switch scalar {
            case "\"":
                advance()
                return String(text)
            case "\\":
                advance()
                text.append(try parseEscape())
            default:
                if scalar.value < 0x20 {
                    throw error("control character U+\(hex4(scalar.value)) must be escaped inside a string")
                }
                text.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let scalar = current else { throw error("unterminated escape sequence") }
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t",
        ]
        if let replacement = simple[scalar] {
            advance()
            return replacement
        }
        guard scalar == "u" else { throw error("invalid escape sequence '\\\(Character(scalar))'") }
        advance()
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard current == "\\" else { throw error("lone high surrogate \\u\(hex4(high))") }
            advance()
            guard current == "u" else { throw error("lone high surrogate \\u\(hex4(high))") }
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

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = Character(scalar).hexDigitValue else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// A document that is not valid JSON, with the place the parser stopped.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public let location: SourceLocation

    public var description: String { "\(location): \(message)" }
}
