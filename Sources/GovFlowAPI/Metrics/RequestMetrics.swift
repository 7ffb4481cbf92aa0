import Foundation
import Synchronization

/// Request counts by route, method and status, and latency histograms by route and method.
final class RequestMetrics: Sendable {
    /// Histogram bucket upper bounds, in seconds.
    static let buckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Series: Hashable {
        let route: String
        let method: String
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct Contents {
        var requests: [Series: [Int: Int]] = [:]
        var latency: [Series: Histogram] = [:]
    }

    private let contents = Mutex(Contents())

    /// The methods counted under their own name; any other is counted as "other", so that clients sending made-up
    /// methods cannot grow the series without bound.
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func record(route: String, method: String, status: Int, seconds: Double) {
        let series = Series(route: route, method: RequestMetrics.knownMethods.contains(method) ? method : "other")
        contents.withLock { contents in
            contents.requests[series, default: [:]][status, default: 0] += 1
            var histogram = contents.latency[series] ?? Histogram()
            for (index, bound) in RequestMetrics.buckets.enumerated() where seconds <= bound {
                histogram.counts[index] += 1
            }
            histogram.sum += seconds
            histogram.count += 1
            contents.latency[series] = histogram
        }
    }

    /// The Prometheus text of both families.
    func render(into text: inout PrometheusText) {
        let snapshot = contents.withLock { $0 }
        let order = { (lhs: Series, rhs: Series) in (lhs.route, lhs.method) < (rhs.route, rhs.method) }
        text.family("govflow_http_requests_total", type: "counter", help: "HTTP requests answered")
        for series in snapshot.requests.keys.sorted(by: order) {
            for (status, count) in snapshot.requests[series, default: [:]].sorted(by: { $0.key < $1.key }) {
                text.sample("govflow_http_requests_total",
                            ["route": series.route, "method": series.method, "status": String(status)], count)
            }
        }
        text.family("govflow_http_request_duration_seconds", type: "histogram",
                    help: "Time to answer a request, from routing to the response")
        for series in snapshot.latency.keys.sorted(by: order) {
            guard let histogram = snapshot.latency[series] else { continue }
            let labels = ["route": series.route, "method": series.method]
            for (index, bound) in RequestMetrics.buckets.enumerated() {
                text.sample("govflow_http_request_duration_seconds_bucket",
                            labels.merging(["le": PrometheusText.number(bound)]) { $1 }, histogram.counts[index])
            }
            text.sample("govflow_http_request_duration_seconds_bucket", labels.merging(["le": "+Inf"]) { $1 },
                        histogram.count)
            text.sample("govflow_http_request_duration_seconds_sum", labels, histogram.sum)
            text.sample("govflow_http_request_duration_seconds_count", labels, histogram.count)
        }
    }
}
