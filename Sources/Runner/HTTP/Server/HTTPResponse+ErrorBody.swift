import FlowCore

extension HTTPResponse {
    /// An error answer in the API's one shape, `{"error": {"code": …, "message": …, "details": null}}`, for
    /// errors the HTTP layer finds before any handler runs.
    static func protocolError(_ status: HTTPStatus, code: String, message: String) -> HTTPResponse {
        let body = "{\"error\":{\"code\":\(JSONText.quoted(code)),\"message\":\(JSONText.quoted(message)),\"details\":null}}"
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]),
                            body: Array(body.utf8))
    }
}
