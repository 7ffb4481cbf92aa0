import FlowCore
import Foundation

/// The readable report: a heading, the timeline as an aligned table, the deadlines and other timers, the result.
extension SimulationReport {
    var text: String {
        var lines: [String] = []
        let values = variables.map { "\($0.name) = \($0.value)" }.joined(separator: ", ")
        lines.append("workflow  \(workflowID) version \(workflowVersion): \(workflowTitle)")
        lines.append("project   \(projectID)" + (values.isEmpty ? "" : " (\(values))"))
        lines.append("start     \(ChinaTime.format(start))")
        lines.append("")
        var timeline = TextTable(header: ["seq", "time", "actor", "node", "event"])
        for row in rows where !row.bookkeeping {
            timeline.rows.append([String(row.sequence), ChinaTime.format(row.at), row.actor, row.node ?? "-",
                                  row.description])
        }
        lines += timeline.render()
        lines.append("")
        lines.append("deadlines")
        if timers.deadlines.isEmpty {
            lines.append("  (none)")
        } else {
            var table = TextTable(header: ["node", "deadline", "kind", "due", "outcome"])
            for record in timers.deadlines {
                table.rows.append([record.node, record.key ?? "-",
                                   record.interrupting == true ? "interrupting" : "non-interrupting",
                                   TimelineDescriber.due(record.due), record.outcome])
            }
            lines += table.render(indent: "  ")
        }
        if !timers.otherTimers.isEmpty {
            lines.append("")
            lines.append("timers")
            var table = TextTable(header: ["node", "kind", "key", "due", "outcome"])
            for record in timers.otherTimers {
                table.rows.append([record.node, record.kind, record.key ?? "-", TimelineDescriber.due(record.due),
                                   record.outcome])
            }
            lines += table.render(indent: "  ")
        }
        lines.append("")
        lines.append("result    " + resultLine)
        return lines.joined(separator: "\n") + "\n"
    }

    private var resultLine: String {
        let when = finishedAt.map { " on \(ChinaTime.format($0))" } ?? ""
        switch status {
        case .ended(let result): return "\(result) (ended\(when))"
        case .withdrawn: return "withdrawn\(when)"
        case .running: return "none: the project is still running" + (note.map { " (\($0))" } ?? "")
        }
    }
}
