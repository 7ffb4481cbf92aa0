import FlowCore
import Testing

/// `\u` escapes in JSON strings: four ASCII hexadecimal digits, as RFC 8259 §7 writes them.
@Suite struct JSONUnicodeEscapeTests {
    func value(_ text: String) throws -> JSONValue { try JSONParser.parse(text).value }

    @Test func asciiHexDigitsInEitherCaseAreRead() throws {
        #expect(try value(#"["\u0041\u00e9\u00E9\u533a"]"#) == .array([.string("Aéé区")]))
    }

    @Test func fullwidthDigitsAreNotHexadecimalDigits() {
        #expect(throws: JSONSyntaxError.self) { try value("[\"\\u\u{FF10}\u{FF10}\u{FF14}\u{FF11}\"]") }
        do throws(JSONSyntaxError) {
            _ = try JSONParser.parse("[\"\\u\u{FF10}\u{FF10}\u{FF14}\u{FF11}\"]")
            Issue.record("fullwidth digits were read as hexadecimal")
        } catch {
            #expect(error.message == "expected four hexadecimal digits after \\u")
        }
    }
}
