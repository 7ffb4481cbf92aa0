import FlowCore
import Foundation

/// `joint-department-review` 部门会审 / 会签: several departments give opinions in parallel (one task each) and a
/// completion rule turns them into one result.
///
/// Serves 盐城市亭湖区 第十一条（三） ("同步至区委办、区委网信办、区财政局、区审计局等相关部门，在3个工作日内出具
/// 审查意见"), the 联合会审 of 上饶市 第十五条、第二十条, and the 初审 of 杭州市上城区 by several offices.
///
/// Parameters:
/// - `departments` (required): the departments asked, e.g. `["区委办", "区委网信办", "区财政局", "区审计局"]`.
/// - `rule`: how opinions become a result, default `"all"`:
///   - `"all"`: every department must approve; one rejection or abstention rejects.
///   - `"veto"`: approved unless a department rejects (abstentions are no objection).
///   - `"any"`: one approval approves; rejected when every department has answered without approving.
///   - `"quorum"`: at least `quorum` approvals (or `ratio` × the number of departments, rounded up). Only
///     approvals count: rejections and abstentions never help reach a quorum.
/// - `quorum` (with `"quorum"`): the approvals needed, 1 to the number of departments.
/// - `ratio` (with `"quorum"`, instead of `quorum`): the share of departments that must approve, above 0 up to 1.
/// - `due`: each department's period, shown as its task's due date (亭湖区: `"3 workdays"`).
/// - `noResponse`: what a department that has not answered when `due` expires counts as: `"leave-open"` (the
///   default: the task stays open; put a deadline on the node), `"abstain"`, `"approve"` (逾期视为无意见) or
///   `"reject"`. Any value but `"leave-open"` needs `due` and schedules the own timer `response-due`.
///
/// Tasks: `opinion:<department>` (the department: `approve`, `reject`). As soon as the result is decided, the
/// remaining tasks are closed as moot. Facts: `<node>.opinions` (every opinion: department, actor, outcome,
/// comment), `<node>.result`. Outcomes: `approved`, `rejected`.
public struct JointDepartmentReviewStage: StageKind {
    public let identifier = "joint-department-review"
    public let summary = "会审: departments give opinions in parallel; all, veto, any or quorum decides"

    public init() {}

    static let rules = ["all", "veto", "any", "quorum"]
    static let responses = ["leave-open", "abstain", "approve", "reject"]
    static let dueTimer = "response-due"

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let departments: [String]
        let rule: String
        /// Approvals needed under `"quorum"`.
        let needed: Int
        let due: Period?
        let noResponse: String

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            let parameters = reader.parameters
            reader.rejectUnknown(allowed: ["departments", "rule", "quorum", "ratio", "due", "noResponse"])
            let departments = reader.strings("departments", required: true)
            let rule = reader.choice("rule", of: JointDepartmentReviewStage.rules, default: "all")
            let due = reader.period("due", required: false)
            let noResponse = reader.choice("noResponse", of: JointDepartmentReviewStage.responses,
                                           default: "leave-open")
            if noResponse != "leave-open", due == nil, parameters["due"] == nil {
                reader.report("\"noResponse\": \"\(noResponse)\" needs \"due\", the period after which a department "
                                  + "that has not answered counts as \(noResponse == "abstain" ? "abstaining" : "\(noResponse)d")",
                              at: JSONPath.root.appending("noResponse"))
            }
            var needed = 0
            let count = departments?.count ?? 0
            switch (rule, parameters["quorum"], parameters["ratio"]) {
            case ("quorum", nil, nil):
                reader.report("rule \"quorum\" needs \"quorum\" (approvals needed) or \"ratio\" (share that must "
                                  + "approve)", at: .root)
            case ("quorum", _?, _?):
                reader.report("give either \"quorum\" or \"ratio\", not both", at: JSONPath.root.appending("ratio"))
            case ("quorum", let quorum?, nil):
                if let number = quorum.intValue, number >= 1, count > 0, number > count {
                    reader.report("\"quorum\" is \(number) but only \(count) departments are listed; it must be from "
                                      + "1 to \(count)", at: JSONPath.root.appending("quorum"))
                } else {
                    needed = reader.integer("quorum", required: true, in: 1...max(1, count)) ?? 0
                }
            case ("quorum", nil, _?):
                if let ratio = reader.decimal("ratio", required: true, in: 0...1) {
                    if ratio == 0 {
                        reader.report("\"ratio\" must be above 0, found 0", at: JSONPath.root.appending("ratio"))
                    }
                    needed = Parameters.ceiling(ratio * Decimal(count))
                }
            default:
                for key in ["quorum", "ratio"] where parameters[key] != nil {
                    reader.report("\"\(key)\" applies only to rule \"quorum\"; the rule is \"\(rule)\"",
                                  at: JSONPath.root.appending(key))
                }
            }
            guard let departments, reader.problems.isEmpty else { return nil }
            return Parameters(departments: departments, rule: rule, needed: max(needed, 1), due: due,
                              noResponse: noResponse)
        }

        static func ceiling(_ value: Decimal) -> Int {
            var input = value
            var rounded = Decimal()
            NSDecimalRound(&rounded, &input, 0, .up)
            return NSDecimalNumber(decimal: rounded).intValue
        }
    }

    /// One department's opinion.
    struct Opinion: Codable, Equatable {
        let department: String
        let actor: String?
        /// "approve", "reject" or "abstain".
        let outcome: String
        let comment: String?
    }

    /// What the stage keeps between calls.
    public struct State: Codable, Sendable {
        var opinions: [Opinion] = []
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["approved", "rejected"] }

    static func taskKey(_ department: String) -> String { "opinion:\(department)" }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        var actions: [Action] = [.setState(State())]
        for department in parameters.departments {
            actions.append(.openTask(TaskRequest(
                key: Self.taskKey(department), title: "\(context.nodeName): \(department) 出具审查意见",
                assignee: .department(department), outcomes: ["approve", "reject"], due: parameters.due)))
        }
        if parameters.noResponse != "leave-open", let due = parameters.due {
            actions.append(.scheduleTimer(key: Self.dueTimer, after: due))
        }
        return actions
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        guard let department = parameters.departments.first(where: { Self.taskKey($0) == decision.task.key }) else {
            throw StageRefusal("task \"\(decision.task.key)\" is not a department's opinion")
        }
        var state = context.state ?? State()
        state.opinions.append(Opinion(department: department, actor: decision.actor.id, outcome: decision.outcome,
                                      comment: decision.comment))
        return settle(state, parameters: parameters, context: context, answered: [decision.task.key])
    }

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        guard timer == .own(Self.dueTimer) else { return DeadlineNotes.actions(for: timer, in: context) }
        let parameters = context.parameters
        var state = context.state ?? State()
        var actions: [Action] = []
        var closed: Set<String> = []
        for task in context.openTasks {
            guard let department = parameters.departments.first(where: { Self.taskKey($0) == task.key }) else {
                continue
            }
            state.opinions.append(Opinion(department: department, actor: nil, outcome: parameters.noResponse,
                                          comment: "逾期未出具意见"))
            actions.append(.closeTask(key: task.key, reason: "no opinion by the due date; counted as "
                                        + parameters.noResponse))
            closed.insert(task.key)
        }
        return actions + settle(state, parameters: parameters, context: context, answered: closed)
    }

    /// Saves the opinions and completes when the rule has decided, closing the tasks that became moot.
    private func settle(_ state: State, parameters: Parameters, context: Context,
                        answered: Set<String>) -> [Action] {
        var actions: [Action] = [.setState(state)]
        let opinions = StageJSON.json(state.opinions)
        guard let result = Self.result(of: state.opinions, parameters: parameters) else { return actions }
        for task in context.openTasks where !answered.contains(task.key) {
            actions.append(.closeTask(key: task.key, reason: "moot: the joint review is already \(result)"))
        }
        actions.append(.recordFact(name: context.fact("opinions"), value: opinions))
        actions.append(.recordFact(name: context.fact("result"), value: .string(result)))
        actions.append(.complete(outcome: result))
        return actions
    }

    /// The result once decided ("approved" or "rejected"), or `nil` while it still depends on pending opinions.
    static func result(of opinions: [Opinion], parameters: Parameters) -> String? {
        let approvals = opinions.filter { $0.outcome == "approve" }.count
        let rejections = opinions.filter { $0.outcome == "reject" }.count
        let pending = parameters.departments.count - opinions.count
        switch parameters.rule {
        case "all":
            if approvals == parameters.departments.count { return "approved" }
            return approvals + pending < parameters.departments.count ? "rejected" : nil
        case "veto":
            if rejections > 0 { return "rejected" }
            return pending == 0 ? "approved" : nil
        case "any":
            if approvals > 0 { return "approved" }
            return pending == 0 ? "rejected" : nil
        default:
            if approvals >= parameters.needed { return "approved" }
            return approvals + pending < parameters.needed ? "rejected" : nil
        }
    }
}
