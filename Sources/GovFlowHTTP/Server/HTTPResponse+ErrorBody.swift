extension HTTPResponse {
    /// An error answer in the API's one shape, `{"error": {"code": …, "message": …, "details": null}}`, for
    /// errors the HTTP layer finds before any handler runs.
    static func protocolError(_ status: HTTPStatus, code: String, message: String) -> HTTPResponse {
        let body = "{\"error\":{\"code\":\(jsonString(code)),\"message\":\(jsonString(message)),\"details\":null}}"
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]),
                            body: Array(body.utf8))
    }

    /// `text` as a JSON string literal. The HTTP layer knows no JSON values (those are FlowCore's), so it escapes
    /// its few error strings itself: quotes, backslashes and control characters; other characters as they are.
    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": result += "\\" + String(scalar)
            case "\n": result += "\\n"
            case let other where other.value < 0x20 || other.value == 0x2028 || other.value == 0x2029:
                let hex = String(other.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
