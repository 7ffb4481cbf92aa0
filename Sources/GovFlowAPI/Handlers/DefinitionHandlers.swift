import FlowCore
import GovFlowHTTP

extension APIRouter {
    /// `POST /v1/definitions`: the body is the definition's JSON text, within `DeployBudget`.
    func deployDefinition(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        try DeployBudget.check(context.request.body)
        guard let source = String(validating: context.request.body, as: UTF8.self), !source.isEmpty else {
            throw .badRequest("invalid-body", "send the definition's JSON text (UTF-8) as the body")
        }
        let definition: WorkflowDefinition
        do {
            definition = try service.deploy(source: source, file: "request")
        } catch {
            throw APIError(error)
        }
        var response = HTTPResponse.json(.object([
            "id": .string(definition.id), "version": .number(definition.version), "title": .string(definition.title),
        ]), status: .created)
        response.headers.add("Location", "/v1/definitions/\(definition.id)/versions/\(definition.version)")
        return response
    }

    /// `GET /v1/definitions`: every id with its versions.
    func listDefinitions(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        var order: [String] = []
        var byID: [String: [WorkflowDefinition]] = [:]
        for definition in service.deployedDefinitions {
            if byID[definition.id] == nil { order.append(definition.id) }
            byID[definition.id, default: []].append(definition)
        }
        let list = order.map { id -> JSONValue in
            let versions = byID[id] ?? []
            return .object([
                "id": .string(id), "title": .string(versions.last?.title),
                "versions": .array(versions.map { .number($0.version) }),
                "latest": versions.last.map { .number($0.version) } ?? .null,
            ])
        }
        return .json(.object(["definitions": .array(list)]))
    }

    /// `GET /v1/definitions/{id}`: the versions of one definition.
    func definitionVersions(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let id = context.parameter("id")
        let records = try definitionRecords().filter { $0.id == id }
        guard !records.isEmpty else { throw .notFound("definition-not-found", "there is no definition \"\(id)\"") }
        let versions = records.map { record -> JSONValue in
            .object([
                "version": .number(record.version),
                "title": .string(service.definition(id, version: record.version)?.title),
                "deployedAt": ChinaTime.json(record.deployedAt),
            ])
        }
        return .json(.object(["id": .string(id), "versions": .array(versions)]))
    }

    /// `GET /v1/definitions/{id}/versions/{version}`: the source exactly as deployed.
    func definitionSource(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let id = context.parameter("id")
        let text = context.parameter("version")
        guard let record = try definitionRecords().first(where: { $0.id == id && String($0.version) == text }) else {
            throw .notFound("definition-not-found", "there is no definition \"\(id)\" version \(text)")
        }
        return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "application/json; charset=utf-8")]),
                            body: Array(record.source.utf8))
    }

    private func definitionRecords() throws(APIError) -> [DefinitionRecord] {
        do {
            return try service.store.definitionRecords()
        } catch {
            throw APIError(error)
        }
    }
}
