import FlowCore

extension JSONLogger {
    /// Logs every incident `service` raises, and every failed retry, as one error record each:
    /// `{"level":"error","msg":"incident raised","command":"…","error":"…","failures":"1","incident":"1",`
    /// `"project":"…","timer":"4"}` (fields after `msg` sorted by name).
    public func logIncidents(of service: WorkflowService) {
        service.observeIncidents { [self] report in
            var fields = [
                "project": report.projectID, "incident": "\(report.incident.id)",
                "command": report.incident.command, "error": report.incident.error,
                "failures": "\(report.incident.failures)",
            ]
            if let timer = report.incident.timer { fields["timer"] = "\(timer)" }
            error(report.kind == .raised ? "incident raised" : "incident failed again", fields)
        }
    }
}
