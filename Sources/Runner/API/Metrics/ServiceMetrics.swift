import FlowCore

/// Gauges and counters computed from the store at scrape time: projects by status and by current stage node,
/// pending timers, timers fired (and fired late), overdue records, incidents open and raised.
enum ServiceMetrics {
    static func render(_ states: [InstanceState], histories: [[HistoryEntry]], into text: inout PrometheusText) {
        var byStatus = ["running": 0, "ended": 0, "withdrawn": 0]
        var atNode: [String: [String: Int]] = [:]
        var pending: [String: Int] = ["deadline": 0, "reminder": 0, "stage": 0, "wait": 0]
        var overdue = 0
        var openIncidents = 0
        for state in states {
            openIncidents += state.openIncidents.count
            byStatus[ProjectView.statusName(state.status), default: 0] += 1
            for activation in state.activations.values {
                atNode[state.definitionID, default: [:]][activation.node, default: 0] += 1
            }
            for timer in state.timers.values { pending[TimerView.purposeName(timer.purpose), default: 0] += 1 }
            overdue += state.overdue.count
        }
        var fired = 0
        var late = 0
        var raised = 0
        for history in histories {
            for entry in history {
                switch entry.event {
                case .timerFired(_, let lateBy):
                    fired += 1
                    if lateBy > 0 { late += 1 }
                case .incidentRaised:
                    raised += 1
                default:
                    continue
                }
            }
        }
        text.family("govflow_projects", type: "gauge", help: "Projects by status")
        for (status, count) in byStatus.sorted(by: { $0.key < $1.key }) {
            text.sample("govflow_projects", ["status": status], count)
        }
        text.family("govflow_projects_at_node", type: "gauge",
                    help: "Running stage activations by workflow and stage node")
        for (workflow, nodes) in atNode.sorted(by: { $0.key < $1.key }) {
            for (node, count) in nodes.sorted(by: { $0.key < $1.key }) {
                text.sample("govflow_projects_at_node", ["workflow": workflow, "node": node], count)
            }
        }
        text.family("govflow_timers_pending", type: "gauge", help: "Timers waiting to fire, by purpose")
        for (purpose, count) in pending.sorted(by: { $0.key < $1.key }) {
            text.sample("govflow_timers_pending", ["purpose": purpose], count)
        }
        text.family("govflow_timers_fired_total", type: "counter", help: "Timers fired, as recorded in histories")
        text.sample("govflow_timers_fired_total", [:], fired)
        text.family("govflow_timers_fired_late_total", type: "counter",
                    help: "Timers fired after their due instant (lateBy > 0)")
        text.sample("govflow_timers_fired_late_total", [:], late)
        text.family("govflow_overdue_records", type: "gauge", help: "Overdue records (expired deadlines) kept")
        text.sample("govflow_overdue_records", [:], overdue)
        text.family("govflow_incidents_open", type: "gauge",
                    help: "Open incidents: failures inside the engine or a plugin waiting for an administrator")
        text.sample("govflow_incidents_open", [:], openIncidents)
        text.family("govflow_incidents_raised_total", type: "counter",
                    help: "Incidents raised, as recorded in histories")
        text.sample("govflow_incidents_raised_total", [:], raised)
    }
}
