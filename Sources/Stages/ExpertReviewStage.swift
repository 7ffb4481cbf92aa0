import FlowCore
import Foundation

/// `expert-review` 联合评审 / 专家评审: a panel of experts each gives an opinion (approve/reject) or a score, and a
/// rule turns them into the panel's result; written opinions and suggested budgets are recorded.
///
/// Serves 盐城市亭湖区 第十一条（四） ("联合评审小组由技术专家和财政专家组成，在5个工作日内……出具专家评审意见"),
/// 杭州市上城区 第五章 专家评审 ("出具评审意见，明确项目通过或不通过，提出项目预算建议"), 玉山县 第八条 and
/// 双鸭山市尖山区 二、3 (技术论证).
///
/// Parameters:
/// - `members`: the seats, each `{"actor": "wang.li", "field": "technical"}` or
///   `{"role": "finance-expert", "field": "finance", "count": 2}` (`"department"` also works; `count` only with a
///   role or department). Or, instead of `members`:
/// - `size` and `assignee`: `size` seats open to `assignee` (fields unknown).
/// - `minimumSize`: the smallest panel allowed (default 1).
/// - `oddSize`: `true` where a regulation demands an odd number of experts (单数).
/// - `requiredFields`: fields that need at least one member, e.g. `["technical", "finance"]` (needs `members`).
/// - `rule`: `"majority"` (default: more than half approve) or `"averageScore"` (the mean score must reach
///   `threshold`).
/// - `threshold` (with `"averageScore"`): the passing mean score, 0 to 100.
/// - `due`: each expert's period, shown as the task's due date (亭湖区: `"5 workdays"`).
///
/// Tasks: `expert:<n>` (one per seat; `approve`/`reject`, or `score` with `data: {"score": 85}`); a decision may
/// carry `data.suggestedBudget` (万元). One person cannot take two seats. Under `"majority"` the stage completes as
/// soon as the result is certain. Facts: `<node>.opinions`, `<node>.result`, `<node>.averageScore`,
/// `<node>.suggestedBudget` (the mean of the suggestions, 2 decimals). Outcomes: `approved`, `rejected`.
public struct ExpertReviewStage: StageKind {
    public let identifier = "expert-review"
    public let summary = "专家评审: a panel's opinions or scores decide by majority or average score"

    public init() {}

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let seats: [PanelSeat]
        let rule: String
        let threshold: Decimal
        let due: Period?

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            let parameters = reader.parameters
            reader.rejectUnknown(allowed: ["members", "size", "assignee", "minimumSize", "oddSize", "requiredFields",
                                           "rule", "threshold", "due"])
            var seats: [PanelSeat] = []
            var sizePath = JSONPath.root.appending("members")
            switch (parameters["members"], parameters["size"]) {
            case (_?, _?):
                reader.report("give either \"members\" or \"size\" with \"assignee\", not both",
                              at: JSONPath.root.appending("size"))
            case (let members?, nil):
                seats = readMembers(members, reader: &reader)
            case (nil, _?):
                sizePath = JSONPath.root.appending("size")
                let size = reader.integer("size", required: true, in: 1...Int.max)
                let assignee = reader.assignee("assignee", required: true)
                if let size, let assignee {
                    seats = PanelSeat.seats(prefix: "expert", assignee: assignee, field: nil, count: size)
                }
            case (nil, nil):
                reader.report("missing parameter \"members\" (or \"size\" with \"assignee\")", at: .root)
            }
            let minimum = reader.integer("minimumSize", required: false, in: 1...Int.max) ?? 1
            let odd = reader.bool("oddSize", default: false)
            let required = reader.strings("requiredFields", required: false)
            if !seats.isEmpty {
                if seats.count < minimum {
                    reader.report("the panel has \(seats.count) experts but \"minimumSize\" is \(minimum)", at: sizePath)
                }
                if odd, seats.count % 2 == 0 {
                    reader.report("\"oddSize\" requires an odd number of experts, but the panel has \(seats.count)",
                                  at: sizePath)
                }
            }
            if let required {
                if parameters["members"] == nil {
                    reader.report("\"requiredFields\" needs \"members\" with a \"field\" for each seat",
                                  at: JSONPath.root.appending("requiredFields"))
                } else if !seats.isEmpty {
                    for field in required where !seats.contains(where: { $0.field == field }) {
                        reader.report("the panel has no \"\(field)\" member; \"requiredFields\" asks for at least one",
                                      at: JSONPath.root.appending("members"))
                    }
                }
            }
            let rule = reader.choice("rule", of: ["majority", "averageScore"], default: "majority")
            var threshold: Decimal = 0
            if rule == "averageScore" {
                threshold = reader.decimal("threshold", required: true, in: 0...100) ?? 0
            } else if parameters["threshold"] != nil {
                reader.report("\"threshold\" applies only to rule \"averageScore\"", at: JSONPath.root.appending("threshold"))
            }
            let due = reader.period("due", required: false)
            guard reader.problems.isEmpty, !seats.isEmpty else { return nil }
            return Parameters(seats: seats, rule: rule, threshold: threshold, due: due)
        }

        private static func readMembers(_ members: JSONValue, reader: inout ParameterReader) -> [PanelSeat] {
            let path = JSONPath.root.appending("members")
            guard let entries = members.arrayValue, !entries.isEmpty else {
                reader.report("\"members\" must be a non-empty list of {\"actor\"|\"role\"|\"department\": …, "
                                  + "\"field\": …}, found \(members)", at: path)
                return []
            }
            var seats: [PanelSeat] = []
            var actors: Set<String> = []
            for (index, entry) in entries.enumerated() {
                let entryPath = path.appending(index)
                var member = ParameterReader(entry)
                member.rejectUnknown(allowed: ["actor", "role", "department", "field", "count"])
                let kinds = ["actor", "role", "department"].filter { entry[$0] != nil }
                let field = member.string("field", required: false)
                let count = member.integer("count", required: false, in: 1...Int.max)
                var assignee: Assignee?
                if kinds.count != 1 {
                    member.report("each member needs exactly one of \"actor\", \"role\" or \"department\"", at: .root)
                } else if let name = member.string(kinds[0], required: true) {
                    switch kinds[0] {
                    case "actor":
                        assignee = .actor(name)
                        if count != nil {
                            member.report("\"count\" applies only to a role or department", at: JSONPath.root.appending("count"))
                        }
                        if !actors.insert(name).inserted {
                            member.report("\"\(name)\" is listed twice; each expert has one seat",
                                          at: JSONPath.root.appending("actor"))
                        }
                    case "role": assignee = .role(name)
                    default: assignee = .department(name)
                    }
                }
                for problem in member.problems {
                    reader.report(problem.message, at: entryPath.appending(problem.path))
                }
                if let assignee, member.problems.isEmpty {
                    seats += PanelSeat.seats(prefix: "expert", assignee: assignee, field: field, count: count ?? 1,
                                             from: seats.count + 1)
                }
            }
            return seats
        }
    }

    struct Opinion: Codable {
        let seat: String
        let expert: String
        let field: String?
        let outcome: String
        let score: Decimal?
        let suggestedBudget: Decimal?
        let comment: String?
    }

    /// What the stage keeps between calls.
    public struct State: Codable, Sendable {
        var opinions: [Opinion] = []
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["approved", "rejected"] }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        let outcomes = parameters.rule == "averageScore" ? ["score"] : ["approve", "reject"]
        return [.setState(State())] + parameters.seats.map { seat in
            let field = seat.field.map { "（\($0)）" } ?? ""
            return .openTask(TaskRequest(key: seat.key, title: "\(context.nodeName): 专家评审意见\(field)",
                                         assignee: seat.assignee, outcomes: outcomes, due: parameters.due,
                                         exampleData: parameters.rule == "averageScore" ? .object(["score": .number(80)]) : .null))
        }
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        var state = context.state ?? State()
        guard let seat = parameters.seats.first(where: { $0.key == decision.task.key }) else {
            throw StageRefusal("task \"\(decision.task.key)\" is not a seat of this panel")
        }
        try PanelSeat.refuseSecondOpinion(by: decision.actor, seat: seat.key,
                                          earlier: state.opinions.map { ($0.seat, $0.expert) })
        var score: Decimal?
        if parameters.rule == "averageScore" {
            guard let value = decision.data["score"]?.decimalValue, value >= 0, value <= 100 else {
                throw StageRefusal("a score from 0 to 100 is needed in the decision data, e.g. {\"score\": 85}; found "
                                       + (decision.data["score"]?.description ?? "none"))
            }
            score = value
        }
        var budget: Decimal?
        if let raw = decision.data["suggestedBudget"] {
            guard let value = raw.decimalValue, value >= 0 else {
                throw StageRefusal("\"suggestedBudget\" must be a non-negative amount in 万元, found \(raw)")
            }
            budget = value
        }
        state.opinions.append(Opinion(seat: seat.key, expert: decision.actor.id, field: seat.field,
                                      outcome: decision.outcome, score: score, suggestedBudget: budget,
                                      comment: decision.comment))
        var actions: [Action] = [.setState(state)]
        guard let result = result(state.opinions, parameters: parameters) else { return actions }
        for task in context.openTasks where task.key != decision.task.key {
            actions.append(.closeTask(key: task.key, reason: "moot: the panel's majority is already \(result)"))
        }
        actions.append(.recordFact(name: context.fact("opinions"), value: StageJSON.json(state.opinions)))
        let scores = state.opinions.compactMap(\.score)
        if !scores.isEmpty {
            let mean = (scores.reduce(0, +) / Decimal(scores.count)).rounded(2)
            actions.append(.recordFact(name: context.fact("averageScore"), value: .number(mean)))
        }
        let budgets = state.opinions.compactMap(\.suggestedBudget)
        if !budgets.isEmpty {
            let mean = (budgets.reduce(0, +) / Decimal(budgets.count)).rounded(2)
            actions.append(.recordFact(name: context.fact("suggestedBudget"), value: .number(mean)))
        }
        actions.append(.recordFact(name: context.fact("result"), value: .string(result)))
        actions.append(.complete(outcome: result))
        return actions
    }

    /// The panel's result once certain.
    private func result(_ opinions: [Opinion], parameters: Parameters) -> String? {
        let size = parameters.seats.count
        let pending = size - opinions.count
        if parameters.rule == "averageScore" {
            guard pending == 0 else { return nil }
            let mean = opinions.compactMap(\.score).reduce(0, +) / Decimal(size)
            return mean >= parameters.threshold ? "approved" : "rejected"
        }
        let approvals = opinions.filter { $0.outcome == "approve" }.count
        if approvals * 2 > size { return "approved" }
        return (approvals + pending) * 2 <= size ? "rejected" : nil
    }

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        DeadlineNotes.actions(for: timer, in: context)
    }
}
