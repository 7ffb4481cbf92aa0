import FlowCore

/// Gauges and counters the store counts at scrape time from its index tables (no state is decoded): projects by
/// status, running stage activations by node, open tasks, pending timers, timers fired (and fired late), overdue
/// records; and the incidents, open and raised.
enum ServiceMetrics {
    static func render(_ statistics: StoreStatistics, incidents: [ProjectIncident],
                       into text: inout PrometheusText) {
        text.family("govflow_projects", type: "gauge", help: "Projects by status")
        for (status, count) in statistics.projectsByStatus.sorted(by: { $0.key < $1.key }) {
            text.sample("govflow_projects", ["status": status], count)
        }
        text.family("govflow_projects_at_node", type: "gauge",
                    help: "Running stage activations by workflow and stage node")
        for (workflow, nodes) in statistics.activationsByNode.sorted(by: { $0.key < $1.key }) {
            for (node, count) in nodes.sorted(by: { $0.key < $1.key }) {
                text.sample("govflow_projects_at_node", ["workflow": workflow, "node": node], count)
            }
        }
        text.family("govflow_open_tasks", type: "gauge", help: "Open tasks of running projects")
        text.sample("govflow_open_tasks", [:], statistics.openTasks)
        text.family("govflow_timers_pending", type: "gauge", help: "Timers waiting to fire, by purpose")
        for (purpose, count) in statistics.timersByPurpose.sorted(by: { $0.key < $1.key }) {
            text.sample("govflow_timers_pending", ["purpose": purpose], count)
        }
        text.family("govflow_timers_fired_total", type: "counter", help: "Timers fired, as recorded in histories")
        text.sample("govflow_timers_fired_total", [:], statistics.timersFired)
        text.family("govflow_timers_fired_late_total", type: "counter",
                    help: "Timers fired after their due instant (lateBy > 0)")
        text.sample("govflow_timers_fired_late_total", [:], statistics.timersFiredLate)
        text.family("govflow_overdue_records", type: "gauge", help: "Overdue records (expired deadlines) kept")
        text.sample("govflow_overdue_records", [:], statistics.overdueRecords)
        text.family("govflow_incidents_open", type: "gauge",
                    help: "Open incidents: failures inside the engine or a plugin waiting for an administrator")
        text.sample("govflow_incidents_open", [:], incidents.filter { $0.incident.status == .open }.count)
        text.family("govflow_incidents_raised_total", type: "counter", help: "Incidents raised")
        text.sample("govflow_incidents_raised_total", [:], incidents.count)
    }
}
