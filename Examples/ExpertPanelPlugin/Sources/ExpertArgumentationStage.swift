import FlowCore

/// `expert-argumentation` 专家论证: an example third-party stage kind. A group of experts each signs an opinion
/// (签名确认) on the project's technical plan; the majority decides.
///
/// Serves 玉山县 第八条 ("100万元（含100万元）以上的项目应当由县大数据发展中心组织专家对项目进行技术性论证评审") and
/// 双鸭山市尖山区 二、3 ("技术论证专家对出具的论证意见签名确认").
///
/// Parameters:
/// - `experts` (required): who may sit on the group, e.g. `{"role": "argumentation-expert"}`.
/// - `size` (required): how many experts, 1 to 15.
///
/// Tasks: `expert:<n>` (`agree` or `disagree`; the decision data must carry `{"signature": "<name>"}`).
/// Facts: `<node>.signatures` (who signed what). Outcomes: `passed`, `failed`.
///
/// Register it next to the built-in kinds:
/// ```swift
/// var registry = BuiltInStages.registry()
/// registry.register(ExpertArgumentationStage())
/// ```
public struct ExpertArgumentationStage: StageKind {
    public let identifier = "expert-argumentation"
    public let summary = "专家论证: experts sign opinions; the majority decides"

    public init() {}

    public func validate(parameters: JSONValue) -> [ParameterProblem] {
        var reader = ParameterReader(parameters)
        reader.rejectUnknown(allowed: ["experts", "size"])
        _ = reader.assignee("experts", required: true)
        _ = reader.integer("size", required: true, in: 1...15)
        return reader.problems
    }

    public func outcomes(for parameters: JSONValue) -> [String] { ["passed", "failed"] }

    public func enter(_ context: StageContext) throws(StageRefusal) -> [StageAction] {
        var reader = ParameterReader(context.parameters)
        guard let experts = reader.assignee("experts", required: true),
              let size = reader.integer("size", required: true, in: 1...15)
        else { throw StageRefusal("the node's parameters are invalid; run govflow validate") }
        return (1...size).map { seat in
            .openTask(TaskRequest(key: "expert:\(seat)", title: "\(context.nodeName): 专家论证意见（签名确认）",
                                  assignee: experts, outcomes: ["agree", "disagree"]))
        } + [.setState(.array([]))]
    }

    public func decide(_ decision: TaskDecision, in context: StageContext) throws(StageRefusal) -> [StageAction] {
        guard let signature = decision.data["signature"]?.stringValue, !signature.isEmpty else {
            throw StageRefusal("an argumentation opinion must be signed: add {\"signature\": \"<your name>\"} to the "
                                   + "decision data")
        }
        var signed = context.state.arrayValue ?? []
        if signed.contains(where: { $0["expert"] == .string(decision.actor.id) }) {
            throw StageRefusal("\(decision.actor.id) has already signed an opinion in this argumentation")
        }
        signed.append(.object(["expert": .string(decision.actor.id), "signature": .string(signature),
                               "opinion": .string(decision.outcome)]))
        let size = signed.count + context.openTasks.filter { $0.id != decision.task.id }.count
        let agreed = signed.filter { $0["opinion"] == .string("agree") }.count
        let pending = size - signed.count
        var actions: [StageAction] = [.setState(.array(signed))]
        let outcome: String
        if agreed * 2 > size {
            outcome = "passed"
        } else if (agreed + pending) * 2 <= size {
            outcome = "failed"
        } else {
            return actions
        }
        actions.append(.recordFact(name: "\(context.nodeID).signatures", value: .array(signed)))
        actions.append(.complete(outcome: outcome))
        return actions
    }
}
