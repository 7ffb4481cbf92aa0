import Foundation

/// Builds the Prometheus text exposition format (version 0.0.4).
struct PrometheusText {
    private(set) var text = ""

    mutating func family(_ name: String, type: String, help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: [String: String], _ value: Int) {
        sample(name, labels, valueText: String(value))
    }

    mutating func sample(_ name: String, _ labels: [String: String], _ value: Double) {
        sample(name, labels, valueText: PrometheusText.number(value))
    }

    private mutating func sample(_ name: String, _ labels: [String: String], valueText: String) {
        let pairs = labels.keys.sorted().map { key in "\(key)=\"\(PrometheusText.escape(labels[key] ?? ""))\"" }
        text += name + (pairs.isEmpty ? "" : "{" + pairs.joined(separator: ",") + "}") + " " + valueText + "\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A label value with backslash, quote and line feed escaped.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
