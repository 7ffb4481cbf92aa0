import FlowCore

extension StageHarness {
    /// The one-stage definition as JSON text.
    static func document(kind: any StageKind, parameters: String, deadlines: String, variables: [String: JSONValue],
                         declarations: String?, facts: [String: JSONValue]) -> String {
        let parsed = try? JSONParser.parse(parameters).value
        let outcomes = parsed.flatMap { kind.readParameters(json: $0).0 }.map { kind.outcomes(of: $0) } ?? []
        var nodes: [String] = []
        if !facts.isEmpty {
            let seed = JSONValue.object([JSONMember(key: "facts", value: .object(
                facts.keys.sorted().map { JSONMember(key: $0, value: facts[$0] ?? .null) }))])
            nodes.append("""
                {"id": "seed", "type": "stage", "stage": \(JSONText.quoted(SeedFactsStage.kindID)), \
                "parameters": \(seed.description), "outcomes": {"done": \(JSONText.quoted(stageNodeID))}}
                """)
        }
        let routes = outcomes.enumerated().map { "\(JSONText.quoted($1)): \(JSONText.quoted("end-\($0)"))" }.joined(separator: ", ")
        nodes.append("""
            {"id": \(JSONText.quoted(stageNodeID)), "type": "stage", "stage": \(JSONText.quoted(kind.identifier)), \
            "name": \(JSONText.quoted(kind.identifier)), "parameters": \(parameters), "outcomes": {\(routes)}, \
            "deadlines": \(deadlines)}
            """)
        for (index, outcome) in outcomes.enumerated() {
            nodes.append(#"{"id": "end-\#(index)", "type": "end", "result": \#(JSONText.quoted(outcome))}"#)
        }
        if deadlinesGo(to: "timeout", in: deadlines) {
            nodes.append(#"{"id": "timeout", "type": "end", "result": "timeout"}"#)
        }
        let variablesText = declarations ?? "{" + variables.keys.sorted().map { name in
            let type: String
            switch variables[name] {
            case .number: type = "decimal"
            case .bool: type = "boolean"
            default: type = "string"
            }
            return "\(JSONText.quoted(name)): {\"type\": \"\(type)\"}"
        }.joined(separator: ", ") + "}"
        return """
            {
              "id": "stage-harness", "version": 1, "title": "StageHarness: \(kind.identifier)",
              "jurisdiction": {"name": "测试区", "code": "000000"},
              "regulation": {"title": "测试"},
              "calendar": "test",
              "variables": \(variablesText),
              "start": \(JSONText.quoted(facts.isEmpty ? stageNodeID : "seed")),
              "nodes": [
                \(nodes.joined(separator: ",\n    "))
              ]
            }
            """
    }

    /// Whether an interrupting deadline in the JSON text goes to `target`.
    private static func deadlinesGo(to target: String, in deadlines: String) -> Bool {
        guard let list = try? JSONParser.parse(deadlines).value.arrayValue else { return false }
        return list.contains { $0["goto"]?.stringValue == target }
    }
}

/// The stage the harness puts in front of the stage under test to record the `facts` it was given.
struct SeedFactsStage: StageKind {
    static let kindID = "stage-harness-seed-facts"
    var identifier: String { SeedFactsStage.kindID }
    let summary = "Records the harness's initial facts"

    typealias Parameters = [JSONMember]
    typealias State = NoState

    func readParameters(_ reader: inout ParameterReader) -> [JSONMember]? {
        reader.parameters["facts"]?.objectMembers ?? []
    }

    func outcomes(for parameters: [JSONMember]) -> [String] { ["done"] }

    func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        context.parameters.map { Action.recordFact(name: $0.key, value: $0.value) } + [.complete(outcome: "done")]
    }

    func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        throw StageRefusal("the harness's seeding stage has no tasks")
    }
}
