import FlowCore
import Foundation
import GovFlowAPI
import GovFlowTestSupport
import Testing

/// Each error status with its exact code and message, through the pure router.
@Suite struct APIErrorTests {
    @Test func missingToken_Is401WithABearerChallenge() throws {
        let response = try APIHarness().send("GET", "/v1/projects/p1", as: nil)
        #expect(response.status.code == 401)
        #expect(response.errorCode == "unauthenticated")
        #expect(response.headers["WWW-Authenticate"] == #"Bearer realm="govflow""#)
        #expect(response.json["error"]?["details"] == .null)
    }

    @Test func forgedToken_Is401AndNeverEchoesTheToken() throws {
        let response = try APIHarness().send("GET", "/v1/projects/p1", as: nil,
                                             headers: [("Authorization", "Bearer admin-token-000000000002")])
        #expect(response.status.code == 401)
        #expect(response.headers["WWW-Authenticate"] == #"Bearer realm="govflow", error="invalid_token""#)
        #expect(response.json["error"]?["message"]?.stringValue == "the bearer token is not valid")
        #expect(!response.bodyText.contains("admin-token"))
    }

    @Test func wrongRole_Is403NamingTheRolesNeeded() throws {
        let response = try APIHarness().send("POST", "/v1/definitions", as: "auditor", body: APIHarness.definition)
        #expect(response.status.code == 403)
        #expect(response.errorCode == "forbidden")
        #expect(response.json["error"]?["message"]?.stringValue
            == "audit may not deploy definitions; that needs one of the roles: administrator")
    }

    @Test func notAssignee_Is403FromTheEngine() throws {
        let harness = try APIHarness()
        let response = harness.send("POST", "/v1/projects/p1/tasks/\(try harness.task(at: "review"))/decision",
                                    as: "expert", body: #"{"outcome": "pass"}"#)
        #expect(response.status.code == 403)
        #expect(response.errorCode == "not-assignee")
    }

    @Test(arguments: [
        ("/v1/nothing", "route-not-found"), ("/v1/projects/p9", "project-not-found"),
        ("/v1/definitions/none", "definition-not-found"),
        ("/v1/definitions/approval/versions/7", "definition-not-found"),
    ])
    func unknownThings_Are404(path: String, code: String) throws {
        let response = try APIHarness().send("GET", path, as: "admin")
        #expect(response.status.code == 404)
        #expect(response.errorCode == code)
    }

    @Test func unknownTask_Is404() throws {
        let harness = try APIHarness()
        for task in ["99", "abc"] {
            let response = harness.send("POST", "/v1/projects/p1/tasks/\(task)/decision", as: "reviewer",
                                        body: #"{"outcome": "pass"}"#)
            #expect(response.status.code == 404)
            #expect(response.errorCode == "task-not-found")
        }
    }

    @Test func wrongMethod_Is405WithAllow() throws {
        let response = try APIHarness().send("DELETE", "/v1/projects/p1", as: "admin")
        #expect(response.status.code == 405)
        #expect(response.errorCode == "method-not-allowed")
        #expect(response.headers["Allow"] == "GET")
        #expect(try APIHarness().send("GET", "/v1/projects", as: "admin").headers["Allow"] == "POST")
    }

    @Test func conflicts_Are409() throws {
        let harness = try APIHarness()
        let deployed = harness.send("POST", "/v1/definitions", as: "admin", body: APIHarness.definition)
        #expect(deployed.status.code == 409)
        #expect(deployed.errorCode == "definition-exists")
        let duplicate = harness.send("POST", "/v1/projects", as: "unit",
                                     body: #"{"workflow": "approval", "id": "p1", "variables": {"amount": 1}}"#)
        #expect(duplicate.errorCode == "project-exists")
        let task = try harness.task(at: "review")
        let path = "/v1/projects/p1/tasks/\(task)/decision"
        #expect(harness.send("POST", path, as: "reviewer", body: #"{"outcome": "pass"}"#).status.code == 200)
        let again = harness.send("POST", path, as: "reviewer", body: #"{"outcome": "pass"}"#)
        #expect(again.status.code == 409)
        #expect(again.errorCode == "task-not-open")
        #expect(again.json["error"]?["message"]?.stringValue == "task \(task) is not open (it is decided)")
    }

    @Test func withdrawnProject_Is409ProjectNotRunning() throws {
        let harness = try APIHarness()
        #expect(harness.send("POST", "/v1/projects/p1/withdraw", as: "unit").status.code == 200)
        let response = harness.send("POST", "/v1/projects/p1/withdraw", as: "unit")
        #expect(response.status.code == 409)
        #expect(response.errorCode == "project-not-running")
    }

    @Test func nonJSONBody_Is415() throws {
        let response = try APIHarness().send("POST", "/v1/projects", as: "unit", body: "workflow=approval",
                                             headers: [("Content-Type", "application/x-www-form-urlencoded")])
        #expect(response.status.code == 415)
        #expect(response.errorCode == "unsupported-media-type")
    }

    @Test func badDefinition_Is422WithTheValidatorsDiagnostics() throws {
        let source = """
            {"id": "x", "version": 1, "title": "t", "jurisdiction": {"name": "n", "code": "320902"},
             "regulation": {"title": "r"}, "calendar": "weekends", "start": "a",
             "nodes": [{"id": "a", "type": "end", "result": "done", "colour": "red"}]}
            """
        let response = try APIHarness().send("POST", "/v1/definitions", as: "admin", body: source)
        #expect(response.status.code == 422)
        #expect(response.errorCode == "invalid-definition")
        #expect(response.json["error"]?["details"] == .array([.object([
            "code": .string("unknown-field"),
            "message": .string(#"unknown field "colour" in node "a"; allowed fields are "id", "type", "name", "#
                + #""basis", "note", "result""#),
            "line": .number(3), "column": .number(57), "path": .string("$.nodes[0].colour"),
        ])]))
    }

    @Test func definitionOverTheDeployBudget_Is413() throws {
        let padding = String(repeating: " ", count: 256 * 1024)
        let response = try APIHarness().send("POST", "/v1/definitions", as: "admin", body: APIHarness.definition + padding)
        #expect(response.status.code == 413)
        #expect(response.errorCode == "definition-too-large")
        #expect(response.json["error"]?["message"] == .string(
            "the definition is \(APIHarness.definition.utf8.count + 256 * 1024) bytes; a deployed definition may "
                + "have at most 262144 bytes (256 KiB). Split the process into smaller definitions"))
    }

    @Test func definitionWithMoreNodesThanTheDeployBudget_Is422() throws {
        let nodes = (0..<2_001).map { #"{"id": "e\#($0)", "type": "end", "result": "done"}"# }
        let source = """
            {"id": "x", "version": 1, "title": "t", "jurisdiction": {"name": "n", "code": "320902"},
             "regulation": {"title": "r"}, "calendar": "weekends", "start": "e0",
             "nodes": [\(nodes.joined(separator: ","))]}
            """
        let response = try APIHarness().send("POST", "/v1/definitions", as: "admin", body: source)
        #expect(response.status.code == 422)
        #expect(response.errorCode == "too-many-nodes")
        #expect(response.json["error"]?["message"] == .string(
            "the definition has 2001 nodes; a deployed definition may have at most 2000. Split the process into "
                + "smaller definitions"))
        #expect(response.json["error"]?["details"] == .object(["nodes": .number(2001), "limit": .number(2000)]))
    }

    @Test func invalidVariables_Are422NamingTheFields() throws {
        let body = #"{"workflow": "approval", "variables": {"amount": -1, "amout": 2}}"#
        let response = try APIHarness().send("POST", "/v1/projects", as: "unit", body: body)
        #expect(response.status.code == 422)
        #expect(response.errorCode == "invalid-variables")
        let fields = response.json["error"]?["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue }
        #expect(fields == ["variables.amout", "variables.amount"])
    }

    @Test func outcomeNotOffered_Is422ListingTheOffered() throws {
        let harness = try APIHarness()
        let response = harness.send("POST", "/v1/projects/p1/tasks/\(try harness.task(at: "review"))/decision",
                                    as: "reviewer", body: #"{"outcome": "approve"}"#)
        #expect(response.status.code == 422)
        #expect(response.errorCode == "outcome-not-offered")
        let offered = JSONValue.object(["offered": .array([.string("pass"), .string("revise")])])
        #expect(response.json["error"]?["details"] == offered)
    }

    @Test func unknownWorkflow_Is422() throws {
        let response = try APIHarness().send("POST", "/v1/projects", as: "unit", body: #"{"workflow": "nope"}"#)
        #expect(response.status.code == 422)
        #expect(response.errorCode == "unknown-workflow")
        #expect(response.json["error"]?["message"]?.stringValue == #"there is no deployed workflow "nope""#)
    }

    @Test func misspeltWorkflowIdSuggestsTheDeployedOne() throws {
        let response = try APIHarness().send("POST", "/v1/projects", as: "unit", body: #"{"workflow": "aproval"}"#)
        #expect(response.status.code == 422)
        #expect(response.json["error"]?["message"]?.stringValue
                    == #"there is no deployed workflow "aproval"; did you mean "approval"?"#)
    }

    @Test func returnToANodeNotAllowed_Is422() throws {
        let harness = try APIHarness()
        let response = harness.send("POST", "/v1/projects/p1/tasks/\(try harness.task(at: "review"))/operations",
                                    as: "reviewer", body: #"{"op": "return", "node": "revision"}"#)
        #expect(response.status.code == 422)
        #expect(response.errorCode == "return-not-allowed")
    }

    @Test func malformedBodies_Are400NamingEachProblem() throws {
        let harness = try APIHarness()
        let path = "/v1/projects/p1/tasks/\(try harness.task(at: "review"))/operations"
        let broken = harness.send("POST", path, as: "reviewer", body: #"{"op": "#)
        #expect(broken.status.code == 400)
        #expect(broken.errorCode == "malformed-json")
        let wrong = harness.send("POST", path, as: "reviewer", body: #"{"op": "fly", "to": "wang", "colour": 1}"#)
        #expect(wrong.status.code == 400)
        #expect(wrong.errorCode == "invalid-body")
        #expect(wrong.json["error"]?["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue }
            == ["colour", "to", "op"])
        let missing = harness.send("POST", path, as: "reviewer", body: #"{"op": "transfer"}"#)
        #expect(missing.json["error"]?["message"]?.stringValue == #""to" is required"#)
    }

    @Test(arguments: [
        ("/v1/deadlines?from=2024-13-01", #""from" must be a date as YYYY-MM-DD, found "2024-13-01""#),
        ("/v1/tasks?actor=a&actor=b", #"the query parameter "actor" is given more than once"#),
        ("/v1/tasks?department=", #""department" must not be empty; leave it out to read your own inbox"#),
    ])
    func malformedQueries_Are400(target: String, message: String) throws {
        let response = try APIHarness().send("GET", target, as: "admin")
        #expect(response.status.code == 400)
        #expect(response.bodyText == #"{"error":{"code":"invalid-query","message":"\#(message.jsonEscaped)","#
            + #""details":null}}"#)
    }

    /// Each parameter is well-formed (as docs/openapi.json says) but together they contradict each other: 422.
    @Test(arguments: [
        ("/v1/deadlines?from=2024-10-02&to=2024-10-01", #""from" (2024-10-02) is after "to" (2024-10-01)"#),
        ("/v1/tasks?actor=li&role=expert", #"give at most one of "actor", "department", "role", "all"; found "#
            + #""actor" and "role""#),
        ("/v1/tasks?all=true&department=x", #"give at most one of "actor", "department", "role", "all"; found "#
            + #""department" and "all""#),
    ])
    func contradictoryQueries_Are422(target: String, message: String) throws {
        let response = try APIHarness().send("GET", target, as: "admin")
        #expect(response.status.code == 422)
        #expect(response.bodyText == #"{"error":{"code":"conflicting-query","message":"\#(message.jsonEscaped)","#
            + #""details":null}}"#)
    }

    @Test(arguments: [
        ("0", #""version" must be at least 1, found 0"#),
        ("1e30", #""version" must be an integer, found a number that is not a 64-bit integer"#),
        ("1.5", #""version" must be an integer, found a number that is not a 64-bit integer"#),
        ("99999999999999999999", #""version" must be an integer, found a number that is not a 64-bit integer"#),
    ])
    func versionOutsideTheSpecsRange_Is400(version: String, message: String) throws {
        // (A whole number written as 2.0 or 2e0 is an integer, as JSON Schema says; see the test below.)
        let harness = try APIHarness(project: nil)
        let response = harness.send("POST", "/v1/projects", as: "unit",
                                    body: #"{"workflow": "approval", "version": \#(version), "variables": {"amount": 1}}"#)
        #expect(response.status.code == 400)
        #expect(response.json["error"]?["message"]?.stringValue == message)
    }

    @Test func wholeNumberWrittenWithAFraction_IsAnInteger() throws {
        let harness = try APIHarness(project: nil)
        let response = harness.send("POST", "/v1/projects", as: "unit",
                                    body: #"{"workflow": "approval", "version": 1.0, "variables": {"amount": 1}}"#)
        #expect(response.status.code == 201)
        #expect(response.json["definition"]?["version"]?.intValue == 1)
    }

    @Test func reusedIdempotencyKey_Is422WithNullDetails_AsTheSpecSays() throws {
        let harness = try APIHarness()
        let key = [("Idempotency-Key", "deploy-1")]
        let first = harness.send("POST", "/v1/definitions", as: "admin", body: APIHarness.definitionVersion2,
                                 headers: key)
        #expect(first.status.code == 201)
        let other = harness.send("POST", "/v1/definitions", as: "admin",
                                 body: APIHarness.definitionVersion2.replacingOccurrences(of: "测试区", with: "别区"),
                                 headers: key)
        #expect(other.status.code == 422)
        #expect(other.bodyText == #"{"error":{"code":"idempotency-key-reused","message":"Idempotency-Key "#
            + #"\"deploy-1\" was used for a different request; use a new key for a new request","details":null}}"#)
    }

    @Test func errorShape_IsTheSameEverywhere() throws {
        let response = try APIHarness().send("GET", "/v1/nothing", as: "admin")
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.bodyText == #"{"error":{"code":"route-not-found","message":"there is no endpoint "#
            + #"/v1/nothing; see docs/api.md","details":null}}"#)
    }
}

extension String {
    /// The text as it appears inside a JSON string: quotes and backslashes escaped.
    var jsonEscaped: String {
        replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
