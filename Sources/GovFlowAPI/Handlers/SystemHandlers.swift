import FlowCore
import GovFlowHTTP

extension APIRouter {
    /// `GET /healthz`: the server answers and the store can be read.
    func health(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        do {
            _ = try service.store.nextTimer()
        } catch {
            throw APIError(.serviceUnavailable, "store-unavailable", "the store cannot be read: \(error)")
        }
        return .json(.object(["status": .string("ok"), "time": ChinaTime.json(context.now)]))
    }

    /// `GET /metrics`: Prometheus text; metric names are listed in docs/api.md.
    func metricsText(_ context: RequestContext) throws(APIError) -> HTTPResponse {
        var text = PrometheusText()
        metrics.render(into: &text)
        renderCaches(into: &text)
        let statistics: StoreStatistics
        let incidents: [ProjectIncident]
        do {
            statistics = try service.store.statistics()
            incidents = try service.store.incidents(status: nil)
        } catch {
            throw APIError(error)
        }
        ServiceMetrics.render(statistics, incidents: incidents, into: &text)
        return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain; version=0.0.4")]),
                            body: Array(text.text.utf8))
    }

    /// Bytes used and byte limits of the in-memory caches.
    private func renderCaches(into text: inout PrometheusText) {
        let caches = [("idempotency", idempotency.bytesUsed, idempotency.byteLimit),
                      ("project-starters", starters.bytesUsed, starters.byteLimit),
                      ("project-views", projectViews.bytesUsed, projectViews.byteLimit)]
        text.family("govflow_cache_bytes", type: "gauge", help: "Bytes held by an in-memory cache")
        for (name, used, _) in caches { text.sample("govflow_cache_bytes", ["cache": name], used) }
        text.family("govflow_cache_limit_bytes", type: "gauge", help: "The byte limit of an in-memory cache")
        for (name, _, limit) in caches { text.sample("govflow_cache_limit_bytes", ["cache": name], limit) }
    }
}
