import FlowCore
import GovFlowHTTP

extension HTTPResponse {
    /// A JSON answer.
    static func json(_ value: JSONValue, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]),
                     body: Array(value.jsonText.utf8))
    }
}
