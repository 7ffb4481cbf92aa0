import FlowCore
import Foundation

/// `project-approval` 立项审批: one or more approval steps, one after another (e.g. 可研批复 → 初步设计批复 →
/// 区政府审定); each approval must carry its approval document number (批复文号), which is recorded.
///
/// Serves 双鸭山市尖山区 三、4 ("审批包括可行性研究报告批复、初步设计方案批复、区政府审定等环节"), 盐城市亭湖区
/// 第十四条, 上饶市 第二十一条 (市发改委), 玉山县 第四条（二） (县发改委), 杭州市上城区 第五章 项目立项.
///
/// Parameters:
/// - `authority`: the approving authority for steps that name none, e.g. `{"department": "区发改委"}`.
/// - `steps`: the approval steps in order, each a name (`"可研批复"`, decided by `authority`) or
///   `{"name": "区政府审定", "authority": {"department": "区政府"}}`. Default: one step, `"立项批复"`.
/// - `validity`: how long the approval stays valid (上城区: `"6 months"` to complete procurement, `"2 years"` for
///   projects not funded by the district). The stage records the lapse date as the fact `<node>.lapsesOn`; the
///   definition enforces it (e.g. a later stage's deadline, or a gateway on the fact) — the stage itself completes
///   at once on approval and does not wait for the lapse.
///
/// Tasks: `step:<n>` (the step's authority: `approve` — needs `data.documentNumber` — or `reject`).
/// Facts: `<node>.approvals` (each step's name, document number, date, approver), `<node>.documentNumber` (the
/// last step's), `<node>.approvedOn`, `<node>.lapsesOn` (with `validity`). Outcomes: `approved`, `rejected`.
public struct ProjectApprovalStage: StageKind {
    public let identifier = "project-approval"
    public let summary = "立项: approval steps in order, each with its document number"

    public init() {}

    struct Step: Codable {
        let name: String
        let authority: Assignee
    }

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let steps: [Step]
        let validity: Period?

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            let parameters = reader.parameters
            reader.rejectUnknown(allowed: ["authority", "steps", "validity"])
            let authority = reader.assignee("authority", required: false)
            let validity = reader.period("validity", required: false)
            var steps: [Step] = []
            let written = parameters["steps"] ?? .array([.string("立项批复")])
            let path = JSONPath.root.appending("steps")
            if let entries = written.arrayValue, !entries.isEmpty {
                for (index, entry) in entries.enumerated() {
                    if let step = readStep(entry, at: path.appending(index), authority: authority, reader: &reader) {
                        if steps.contains(where: { $0.name == step.name }) {
                            reader.report("step \"\(step.name)\" is listed twice", at: path.appending(index))
                        }
                        steps.append(step)
                    }
                }
            } else {
                reader.report("\"steps\" must be a non-empty list of step names or {\"name\": …, \"authority\": …}, "
                                  + "found \(written)", at: path)
            }
            guard reader.problems.isEmpty else { return nil }
            return Parameters(steps: steps, validity: validity)
        }

        private static func readStep(_ entry: JSONValue, at path: JSONPath, authority: Assignee?,
                                     reader: inout ParameterReader) -> Step? {
            if let name = entry.stringValue, !name.isEmpty {
                guard let authority else {
                    reader.report("step \"\(name)\" names no authority; add \"authority\" to the parameters or write "
                                      + "the step as {\"name\": \"\(name)\", \"authority\": {\"department\": …}}",
                                  at: path)
                    return nil
                }
                return Step(name: name, authority: authority)
            }
            var step = ParameterReader(entry)
            step.rejectUnknown(allowed: ["name", "authority"])
            let name = step.string("name", required: true)
            let own = step.assignee("authority", required: authority == nil)
            for problem in step.problems { reader.report(problem.message, at: path.appending(problem.path)) }
            guard let name, let assignee = own ?? authority, step.problems.isEmpty else { return nil }
            return Step(name: name, authority: assignee)
        }
    }

    struct Approval: Codable {
        let step: String
        let documentNumber: String
        let approvedOn: CivilDate
        let approver: String
    }

    /// What the stage keeps between calls.
    public struct State: Codable, Sendable {
        var step = 0
        var approvals: [Approval] = []
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["approved", "rejected"] }

    private func open(_ index: Int, of parameters: Parameters, context: Context) -> Action {
        let step = parameters.steps[index]
        return .openTask(TaskRequest(key: "step:\(index + 1)", title: "\(context.nodeName): \(step.name)",
                                     assignee: step.authority, outcomes: ["approve", "reject"],
                                     exampleData: .object(["documentNumber": .string("〔\(context.today.year)〕1号")])))
    }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        return [.setState(State()), open(0, of: parameters, context: context)]
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        var state = context.state ?? State()
        let step = parameters.steps[min(state.step, parameters.steps.count - 1)]
        guard decision.outcome == "approve" else {
            return [.note(kind: "rejected", message: "\(step.name): 不予批准" + (decision.comment.map { " — \($0)" } ?? ""),
                          data: .object(["step": .string(step.name)])),
                    .recordFact(name: context.fact("result"), value: .string("rejected")),
                    .complete(outcome: "rejected")]
        }
        guard let number = decision.data["documentNumber"]?.stringValue,
              !number.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StageRefusal("approving \"\(step.name)\" needs the approval document number in the decision data, "
                                   + "e.g. {\"documentNumber\": \"亭数审〔2024〕12号\"}")
        }
        state.approvals.append(Approval(step: step.name, documentNumber: number, approvedOn: context.today,
                                        approver: decision.actor.id))
        state.step += 1
        var actions: [Action] = [
            .setState(state),
            .recordFact(name: context.fact("approvals"), value: StageJSON.json(state.approvals)),
        ]
        if state.step < parameters.steps.count {
            return actions + [open(state.step, of: parameters, context: context)]
        }
        actions.append(.recordFact(name: context.fact("documentNumber"), value: .string(number)))
        actions.append(.recordFact(name: context.fact("approvedOn"), value: .string(context.today.iso)))
        if let validity = parameters.validity {
            let lapses = context.periods.due(validity, after: context.today).date
            actions.append(.recordFact(name: context.fact("lapsesOn"), value: .string(lapses.iso)))
            actions.append(.note(kind: "validity", message: "立项批复 \(number) 有效期 \(validity)，至 \(lapses.iso)",
                                 data: .object(["lapsesOn": .string(lapses.iso)])))
        }
        actions.append(.recordFact(name: context.fact("result"), value: .string("approved")))
        actions.append(.complete(outcome: "approved"))
        return actions
    }

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        DeadlineNotes.actions(for: timer, in: context)
    }
}
