import FlowCore
import GovFlowHTTP

extension APIRouter {
    /// Most incidents one page of `GET /v1/incidents` holds, and the page size when `limit` is not given.
    static let incidentPageLimit = 1000
    static let incidentPageDefault = 100

    /// `GET /v1/incidents?status=open|resolved&limit=N&offset=N`: incidents of every project, by when they were
    /// raised; `nextOffset` is the offset of the next page, `null` on the last.
    func listIncidents(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        var status: Incident.Status?
        if let text = context.query["status"] {
            guard let parsed = Incident.Status(rawValue: text) else {
                throw .badRequest("invalid-query", "\"status\" must be \"open\" or \"resolved\", found \"\(text)\"")
            }
            status = parsed
        }
        let limit = try count(context, "limit", in: 1...Self.incidentPageLimit) ?? Self.incidentPageDefault
        let offset = try count(context, "offset", in: 0...Int.max) ?? 0
        let all: [ProjectIncident]
        do {
            all = try service.incidents(status: status)
        } catch {
            throw APIError(error)
        }
        let page = all.dropFirst(offset).prefix(limit)
        let next = offset + page.count < all.count ? JSONValue.number(offset + page.count) : .null
        return .json(.object([
            "incidents": .array(page.map { APIRouter.withProject($0.projectID, IncidentView.make($0.incident)) }),
            "total": .number(all.count),
            "nextOffset": next,
        ]))
    }

    /// `POST /v1/projects/{id}/incidents/{n}/retry`: `{comment?}`; fires the incident's timer again.
    func retryIncident(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let (projectID, number) = try incidentTarget(context)
        var body = try context.body()
        body.rejectUnknown(allowed: ["comment"])
        let comment = body.string("comment")
        try body.finish()
        let step: Step
        do {
            step = try service.retryIncident(number, of: projectID, actor: context.caller.actor, comment: comment)
        } catch {
            throw APIError(error)
        }
        return try projectResponse(step.state)
    }

    /// `POST /v1/projects/{id}/incidents/{n}/resolve`: `{moveTo?, comment}`; moves the project to a node, or
    /// (without `moveTo`) marks the incident resolved.
    func resolveIncident(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        let (projectID, number) = try incidentTarget(context)
        var body = try context.body()
        body.rejectUnknown(allowed: ["moveTo", "comment"])
        let moveTo = body.string("moveTo")
        let comment = body.string("comment", required: true)
        try body.finish()
        let step: Step
        do {
            step = try service.resolveIncident(number, of: projectID, moveTo: moveTo, actor: context.caller.actor,
                                               comment: comment)
        } catch {
            throw APIError(error)
        }
        return try projectResponse(step.state)
    }

    /// The project (which must exist) and the incident number of an incident route.
    private func incidentTarget(_ context: RequestContext) throws(APIError) -> (String, Int) {
        let projectID = context.parameter("id")
        _ = try visibleState(projectID, context.caller)
        guard let number = Int(context.parameter("n")) else {
            throw .notFound("incident-not-found", "there is no incident \"\(context.parameter("n"))\" in this project")
        }
        return (projectID, number)
    }

    private func count(_ context: RequestContext, _ name: String, in range: ClosedRange<Int>) throws(APIError)
        -> Int?
    {
        guard let text = context.query[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bound = range.upperBound == Int.max ? "at least \(range.lowerBound)"
                : "from \(range.lowerBound) to \(range.upperBound)"
            throw .badRequest("invalid-query", "\"\(name)\" must be a whole number \(bound), found \"\(text)\"")
        }
        return value
    }
}
