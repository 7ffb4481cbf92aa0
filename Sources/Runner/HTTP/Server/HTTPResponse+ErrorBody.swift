extension HTTPResponse {
    /// An error answer in the API's one shape, `{"error": {"code": …, "message": …, "details": null}}`, for
    /// errors the HTTP layer finds before any handler runs.
    static func protocolError(_ status: HTTPStatus, code: String, message: String) -> HTTPResponse {
        let body = "{\"error\":{\"code\":\(quoted(code)),\"message\":\(quoted(message)),\"details\":null}}"
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]),
                            body: Array(body.utf8))
    }

    /// `text` as a JSON string literal.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
