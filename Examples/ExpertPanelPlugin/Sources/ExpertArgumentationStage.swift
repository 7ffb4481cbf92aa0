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

    /// The node's parameters, read once when the definition loads.
    public struct Parameters: Sendable {
        let experts: Assignee
        let size: Int
    }

    /// The signed opinions so far; the engine stores it as JSON between calls.
    public struct State: Codable, Sendable {
        var signatures: [Signature] = []
    }

    /// One expert's signed opinion.
    struct Signature: Codable, Sendable {
        let expert: String
        let signature: String
        let opinion: String
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? {
        reader.rejectUnknown(allowed: ["experts", "size"])
        let experts = reader.assignee("experts", required: true)
        let size = reader.integer("size", required: true, in: 1...15)
        guard let experts, let size else { return nil }
        return Parameters(experts: experts, size: size)
    }

    public func outcomes(for parameters: Parameters) -> [String] { ["passed", "failed"] }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let tasks: [Action] = (1...context.parameters.size).map { seat in
            .openTask(TaskRequest(key: "expert:\(seat)", title: "\(context.nodeName): 专家论证意见（签名确认）",
                                  assignee: context.parameters.experts, outcomes: ["agree", "disagree"]))
        }
        return tasks + [.setState(State())]
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        guard let signature = decision.data["signature"]?.stringValue, !signature.isEmpty else {
            throw StageRefusal("an argumentation opinion must be signed: add {\"signature\": \"<your name>\"} to the "
                                   + "decision data")
        }
        var state = context.state ?? State()
        if state.signatures.contains(where: { $0.expert == decision.actor.id }) {
            throw StageRefusal("\(decision.actor.id) has already signed an opinion in this argumentation")
        }
        state.signatures.append(Signature(expert: decision.actor.id, signature: signature,
                                          opinion: decision.outcome))
        let size = context.parameters.size
        let agreed = state.signatures.filter { $0.opinion == "agree" }.count
        let pending = size - state.signatures.count
        let outcome: String
        if agreed * 2 > size {
            outcome = "passed"
        } else if (agreed + pending) * 2 <= size {
            outcome = "failed"
        } else {
            return [.setState(state)]
        }
        let signed = state.signatures.map { signature -> JSONValue in
            .object(["expert": .string(signature.expert), "signature": .string(signature.signature),
                     "opinion": .string(signature.opinion)])
        }
        return [.setState(state), .recordFact(name: "\(context.nodeID).signatures", value: .array(signed)),
                .complete(outcome: outcome)]
    }
}
