import FlowCore

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
        let statistics: StoreStatistics
        do {
            statistics = try service.store.statistics()
        } catch {
            throw APIError(error)
        }
        ServiceMetrics.render(statistics, into: &text)
        return HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain; version=0.0.4")]),
                            body: Array(text.text.utf8))
    }
}
