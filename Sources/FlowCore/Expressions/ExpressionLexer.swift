import Foundation

/// Splits an expression's source into tokens, rejecting characters and operators the language does not have
/// with a message that names the right spelling (`"&&" is not an operator; write "and"`).
struct ExpressionLexer {
    /// The most digits a number literal may have; `Decimal` holds 38, so every literal stays exact.
    static let maximumDigits = 30

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// All tokens of the source, ending with an `.end` token of length 0.
    static func tokens(of scalars: [Unicode.Scalar]) throws(ExpressionError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(scalars)
        var tokens: [ExpressionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionError) -> ExpressionToken {
        while position < scalars.count, Self.isWhitespace(scalars[position]) {
            position += 1
        }
        guard position < scalars.count else {
            return ExpressionToken(kind: .end, span: ExpressionSpan(offset: position, length: 0), text: "")
        }
        let scalar = scalars[position]
        if Self.isNameStart(scalar) { return try path() }
        if Self.isDigit(scalar) { return try number() }
        if scalar == "\"" { return try string() }
        return try symbol()
    }

    // MARK: - Names and keywords

    private mutating func path() throws(ExpressionError) -> ExpressionToken {
        let start = position
        var segments = 1
        while position < scalars.count, Self.isNameContinuation(scalars[position]) {
            position += 1
        }
        while position < scalars.count, scalars[position] == "." {
            let dot = position
            position += 1
            guard position < scalars.count, Self.isNameStart(scalars[position]) else {
                throw ExpressionError(
                    "expected a name after \".\" in \"\(text(from: start, to: position))\"",
                    at: ExpressionSpan(offset: dot, length: 1))
            }
            while position < scalars.count, Self.isNameContinuation(scalars[position]) {
                position += 1
            }
            segments += 1
        }
        let word = text(from: start, to: position)
        let span = ExpressionSpan(offset: start, length: position - start)
        if segments == 1 {
            if let keyword = ExpressionToken.Keyword(rawValue: word) {
                return ExpressionToken(kind: .keyword(keyword), span: span, text: word)
            }
            if let keyword = ExpressionToken.Keyword(rawValue: word.lowercased()) {
                let role = keyword == .true || keyword == .false ? "a value" : "an operator"
                throw ExpressionError("\"\(word)\" is not \(role); write \"\(keyword.rawValue)\"", at: span)
            }
        }
        return ExpressionToken(kind: .path(word), span: span, text: word)
    }

    // MARK: - Numbers

    private mutating func number() throws(ExpressionError) -> ExpressionToken {
        let start = position
        var significand = Decimal(0)
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        while position < scalars.count {
            let scalar = scalars[position]
            if Self.isDigit(scalar) {
                significand = significand * 10 + Decimal(Int(scalar.value - 48))
                digits += 1
                if inFraction { fractionDigits += 1 }
                position += 1
            } else if scalar == ".", !inFraction, position + 1 < scalars.count, Self.isDigit(scalars[position + 1]) {
                inFraction = true
                position += 1
            } else {
                break
            }
        }
        if position < scalars.count, Self.isNameContinuation(scalars[position]) || scalars[position] == "." {
            var end = position
            while end < scalars.count, Self.isNameContinuation(scalars[end]) || scalars[end] == "." {
                end += 1
            }
            let word = text(from: start, to: end)
            let span = ExpressionSpan(offset: start, length: end - start)
            if scalars[position] == "." {
                throw ExpressionError("\"\(word)\" is not a number; write digits, a point, then digits: 12.5", at: span)
            }
            throw ExpressionError("\"\(word)\" is not a number or a name; names cannot start with a digit", at: span)
        }
        let span = ExpressionSpan(offset: start, length: position - start)
        let written = text(from: start, to: position)
        guard digits <= Self.maximumDigits else {
            throw ExpressionError("\(written) has too many digits; at most \(Self.maximumDigits) are allowed", at: span)
        }
        let value = Decimal(sign: .plus, exponent: -fractionDigits, significand: significand)
        return ExpressionToken(kind: .number(value), span: span, text: written)
    }

    // MARK: - Strings

    private mutating func string() throws(ExpressionError) -> ExpressionToken {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            switch scalar {
            case "\"":
                position += 1
                let span = ExpressionSpan(offset: start, length: position - start)
                return ExpressionToken(kind: .string(String(value)), span: span, text: text(from: start, to: position))
            case "\\":
                guard position + 1 < scalars.count else {
                    position = scalars.count
                    continue
                }
                let escaped = scalars[position + 1]
                guard escaped == "\"" || escaped == "\\" else {
                    throw ExpressionError(
                        "unknown escape \"\\\(escaped)\"; only \\\" and \\\\ are allowed in strings",
                        at: ExpressionSpan(offset: position, length: 2))
                }
                value.append(escaped)
                position += 2
            default:
                value.append(scalar)
                position += 1
            }
        }
        throw ExpressionError(
            "unterminated string; add a closing \" at its end", at: ExpressionSpan(offset: start, length: 1))
    }

    // MARK: - Operators and punctuation

    private mutating func symbol() throws(ExpressionError) -> ExpressionToken {
        let start = position
        let first = scalars[position]
        let second: Unicode.Scalar? = position + 1 < scalars.count ? scalars[position + 1] : nil
        let pair = second.map { String(first) + String($0) } ?? ""
        if let symbol = ExpressionToken.Symbol(rawValue: pair) {
            position += 2
            return ExpressionToken(kind: .symbol(symbol), span: ExpressionSpan(offset: start, length: 2), text: pair)
        }
        if let replacement = Self.misspelledPairs[pair] {
            throw ExpressionError(
                "\"\(pair)\" is not an operator; write \(replacement)", at: ExpressionSpan(offset: start, length: 2))
        }
        let single = String(first)
        let span = ExpressionSpan(offset: start, length: 1)
        if let symbol = ExpressionToken.Symbol(rawValue: single) {
            position += 1
            return ExpressionToken(kind: .symbol(symbol), span: span, text: single)
        }
        if let replacement = Self.misspelledSingles[single] {
            throw ExpressionError("\"\(single)\" is not an operator; write \(replacement)", at: span)
        }
        if let ascii = Self.fullWidth[single] {
            throw ExpressionError("\"\(single)\" is a full-width character; write the ASCII \(ascii) instead", at: span)
        }
        if first == "'" {
            throw ExpressionError("strings are written in double quotes: \"...\", not '...'", at: span)
        }
        if !first.isASCII, first.properties.isAlphabetic {
            throw ExpressionError(
                "unexpected character \"\(single)\"; names use ASCII letters, digits and \"_\", "
                    + "and text must be in double quotes", at: span)
        }
        throw ExpressionError("unexpected character \"\(single)\"", at: span)
    }

    private static let misspelledPairs: [String: String] = [
        "&&": "\"and\"", "||": "\"or\"", "<>": "\"!=\"", "=<": "\"<=\"", "=>": "\">=\"",
    ]

    private static let misspelledSingles: [String: String] = [
        "!": "\"not\"", "=": "\"==\" to compare", "&": "\"and\"", "|": "\"or\"",
    ]

    private static let fullWidth: [String: String] = [
        "（": "(", "）": ")", "，": ",", "“": "\"", "”": "\"", "【": "[", "】": "]", "［": "[", "］": "]",
        "＋": "+", "－": "-", "＊": "*", "／": "/", "＜": "<", "＞": ">", "＝": "=", "．": ".", "。": ".",
    ]

    // MARK: - Character classes

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Unicode's `White_Space`, answered for ASCII (tab to carriage return, space) without the property lookup.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isWhitespace }
        return scalar == " " || ("\t"..."\r").contains(scalar)
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isNameContinuation(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || isDigit(scalar)
    }

    private func text(from start: Int, to end: Int) -> String {
        let slice = scalars[start..<end]
        if slice.allSatisfy(\.isASCII) {
            return String(decoding: slice.map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        return String(view)
    }
}
