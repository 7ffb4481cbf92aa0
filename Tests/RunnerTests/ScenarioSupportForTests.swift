import Foundation
import Runner
import Testing

/// One `govflow simulate --json` run of a bundled definition.
struct ScenarioRun {
    let status: Int32
    let output: String
    let errors: String
    let document: [String: Any]

    var result: String? { document["result"] as? String }
    var finished: String? { document["finished"] as? String }
    var events: [[String: Any]] { document["events"] as? [[String: Any]] ?? [] }
    var deadlines: [[String: Any]] { document["deadlines"] as? [[String: Any]] ?? [] }
    var timers: [[String: Any]] { document["timers"] as? [[String: Any]] ?? [] }

    /// The nodes whose stage was entered, in order.
    var entered: [String] {
        events.filter { $0["type"] as? String == "stageEntered" }.compactMap { $0["node"] as? String }
    }

    /// The last value recorded for each fact, as JSON text (`"\"2024-10-17\""`, `0`, `true`).
    var facts: [String: String] {
        var facts: [String: String] = [:]
        let prefix = "fact recorded: "
        for event in events where event["type"] as? String == "factRecorded" {
            guard let text = event["description"] as? String, text.hasPrefix(prefix),
                  let separator = text.range(of: " = ") else { continue }
            facts[String(text[text.index(text.startIndex, offsetBy: prefix.count)..<separator.lowerBound])]
                = String(text[separator.upperBound...])
        }
        return facts
    }

    /// A date fact without its quotes.
    func date(_ fact: String) -> String? {
        facts[fact].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// The description of the gateway's decision at `node`.
    func gateway(_ node: String) -> String? {
        events.first { $0["type"] as? String == "gatewayPassed" && $0["node"] as? String == node }?["description"]
            as? String
    }

    /// The stage deadline `id` on `node` (the last one scheduled).
    func deadline(_ node: String, _ id: String) -> [String: Any]? {
        deadlines.last { $0["node"] as? String == node && $0["deadline"] as? String == id }
    }

    /// The stage timer `key` on `node` (the last one scheduled).
    func timer(_ node: String, _ key: String) -> [String: Any]? {
        timers.last { $0["node"] as? String == node && $0["key"] as? String == key }
    }
}

/// Runs the repository's `workflows/*.json` through `govflow simulate` with the bundled calendars.
enum Scenario {
    /// The repository's `workflows` folder.
    static let workflows = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("workflows")

    /// The path of the bundled definition `id`.
    static func path(_ id: String) -> String { workflows.appendingPathComponent("\(id).json").path }

    /// Simulates `workflow` (a bundled id) for a project with `variables` (a JSON object's text). Without `steps` the
    /// default policy runs from `start`; with them, a script starting on `start` runs them, then `afterLastStep`.
    static func run(_ workflow: String, _ variables: String, start: String, steps: [String]? = nil,
                    afterLastStep: String = "approve-all") throws -> ScenarioRun {
        let folder = try SimulationFixture.folder()
        let project = try SimulationFixture.write(#"{"id": "\#(workflow)-1", "variables": \#(variables)}"#,
                                                  "project.json", in: folder)
        var arguments = ["simulate", path(workflow), "--project", project, "--calendars",
                         workflows.appendingPathComponent("calendars").path, "--json"]
        if let steps {
            let script = #"{"start": "\#(start)", "afterLastStep": "\#(afterLastStep)", "steps": [\#n"#
                + steps.joined(separator: ",\n") + "\n]}"
            arguments += ["--decisions", try SimulationFixture.write(script, "script.json", in: folder)]
        } else {
            arguments += ["--start", start]
        }
        let run = SimulationFixture.run(arguments)
        var document: [String: Any] = [:]
        if run.status == 0 { document = try SimulationFixture.document(run.output) }
        return ScenarioRun(status: run.status, output: run.output, errors: run.errors, document: document)
    }

    /// A `decide` step.
    static func decide(_ node: String, _ outcome: String, at: String? = nil, task: String? = nil,
                       actor: String? = nil, data: String? = nil) -> String {
        var fields = [#""node": "\#(node)""#, #""outcome": "\#(outcome)""#]
        if let task { fields.append(#""task": "\#(task)""#) }
        if let actor { fields.append(#""actor": \#(actor)"#) }
        if let data { fields.append(#""data": \#(data)"#) }
        let decide = #""decide": {"# + fields.joined(separator: ", ") + "}"
        return "{" + (at.map { #""at": "\#($0)", "# } ?? "") + decide + "}"
    }

    /// An approval step with a document number.
    static func approve(_ node: String, at: String? = nil, task: String = "step:1") -> String {
        decide(node, "approve", at: at, task: task, data: #"{"documentNumber": "〔2024〕1号"}"#)
    }

    /// Every department of a joint review approving.
    static func approveAll(_ node: String, _ departments: [String]) -> [String] {
        departments.map { decide(node, "approve", task: "opinion:\($0)") }
    }

    /// A `wait` step.
    static func wait(_ instant: String) -> String { #"{"wait": "\#(instant)"}"# }

    /// A `waitFor` step.
    static func waitFor(_ node: String) -> String { #"{"waitFor": "\#(node)"}"# }
}
