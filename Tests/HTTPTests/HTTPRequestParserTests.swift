import GovFlowHTTP
import Testing

@Suite struct HTTPRequestParserTests {
    func parse(_ text: String, limits: HTTPRequestParser.Limits = .init()) throws(HTTPParseError) -> HTTPRequest? {
        var parser = HTTPRequestParser(limits: limits)
        var buffer = Array(text.utf8)
        return try parser.next(from: &buffer)
    }

    func failure(_ text: String, limits: HTTPRequestParser.Limits = .init()) -> HTTPParseError? {
        do {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func body_IsRead_WhenContentLengthIsGiven() throws {
        let request = try #require(try parse("POST /v1/x?a=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"))
        #expect(request.method == "POST")
        #expect(request.path == "/v1/x")
        #expect(request.query == "a=1")
        #expect(request.bodyText == "abc")
        #expect(request.keepsAlive)
    }

    @Test func request_WaitsForTheWholeBody_AndLeavesPipelinedBytes() throws {
        var parser = HTTPRequestParser()
        var buffer = Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nab".utf8)
        #expect(try parser.next(from: &buffer) == nil)
        #expect(parser.awaitsBody)
        buffer += Array("cdGET /next HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        #expect(try parser.next(from: &buffer)?.bodyText == "abcd")
        #expect(try parser.next(from: &buffer)?.target == "/next")
        #expect(buffer.isEmpty)
    }

    @Test(arguments: [
        ("GET /\r\nHost: h\r\n\r\n", "malformed-request-line", 400),
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", "malformed-request-line", 400),
        ("GET http://x/ HTTP/1.1\r\nHost: h\r\n\r\n", "malformed-request-line", 400),
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", "http-version-not-supported", 505),
        ("GET / HTTP/1.1\r\n\r\n", "missing-host", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "malformed-header", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX : y\r\n\r\n", "malformed-header", 400),
        ("GET / HTTP/1.1\r\nHost: h\r\nX: y\r\n  folded\r\n\r\n", "malformed-header", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na", "invalid-content-length",
         400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", "invalid-content-length", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1e3\r\n\r\n", "invalid-content-length", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
         "invalid-content-length", 400),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", "transfer-encoding-not-supported", 501),
        ("POST / HTTP/1.1\r\nHost: h\r\n\r\n", "length-required", 411),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n", "body-too-large", 413),
    ])
    func malformedRequest_IsRefusedWithItsCodeAndStatus(text: String, code: String, status: Int) {
        let error = failure(text)
        #expect(error?.code == code)
        #expect(error?.status.code == status)
    }

    @Test func head_LongerThanTheLimit_IsRefusedBeforeItEnds() {
        let limits = HTTPRequestParser.Limits(maximumHeadBytes: 100)
        let error = failure("GET / HTTP/1.1\r\nHost: h\r\nX: " + String(repeating: "a", count: 200), limits: limits)
        #expect(error == .headTooLarge(limit: 100))
        #expect(error?.status.code == 431)
    }

    @Test func headerCount_AboveTheLimit_IsRefused() {
        let fields = (0..<5).map { "X-\($0): v\r\n" }.joined()
        let error = failure("GET / HTTP/1.1\r\nHost: h\r\n\(fields)\r\n", limits: .init(maximumHeaderCount: 5))
        #expect(error == .tooManyHeaders(limit: 5))
    }

    @Test func connectionClose_AndHTTP10_DoNotKeepAlive() throws {
        #expect(try parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")?.keepsAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\n\r\n")?.keepsAlive == false)
        #expect(try parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")?.keepsAlive == true)
    }

    @Test func error_MessagesSayWhatToDo() {
        #expect(HTTPParseError.lengthRequired(method: "POST").description
            == "a POST request needs a Content-Length header (chunked bodies are not accepted)")
        #expect(HTTPParseError.bodyTooLarge(length: 5, limit: 4).description
            == "the body of 5 bytes exceeds the limit of 4 bytes")
    }
}

extension HTTPRequest {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
