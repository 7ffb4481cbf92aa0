import FlowCore
import Foundation

/// `trial-run` 试运行: the system runs on trial for a minimum duration; the project unit logs problems and reports
/// completion, which is refused before the minimum has passed.
///
/// Serves 上饶市 第三十三条 ("500万元（含500万）以上的试运行不少于6个月；500万元以下的试运行不少于3个月") and
/// 杭州市上城区 第八章 ("项目初验通过后开展不少于30天的试运行").
///
/// Parameters:
/// - `minimum` (required): a period (`"30 days"`), or a table by amount like procurement's methods:
///   `[{"below": 500, "period": "3 months"}, {"period": "6 months"}]`.
/// - `amountVariable`: the decimal project variable the table reads, default `"amount"`.
/// - `reporter`: who runs the trial and reports, default `{"role": "project-unit"}`.
///
/// The earliest completion is `minimum` counted from the day the stage is entered, in the definition's calendar.
/// Task: `report` (reporter: `completed`, or `log-problem` — recorded as a note with the comment and data; the
/// task opens again). Facts: `<node>.startedOn`, `<node>.earliestEnd`, `<node>.completedOn`, `<node>.problems`
/// (how many were logged). Outcome: `completed`.
public struct TrialRunStage: StageKind {
    public let identifier = "trial-run"
    public let summary = "试运行: a minimum duration, problems logged, completion reported"

    public init() {}

    struct Parameters {
        let fixed: Period?
        let table: AmountTiers<Period>?
        let amountVariable: String
        let reporter: Assignee

        static func read(_ parameters: JSONValue, symbols: SymbolTable?) -> (Parameters?, [ParameterProblem]) {
            var reader = ParameterReader(parameters)
            reader.rejectUnknown(allowed: ["minimum", "amountVariable", "reporter"])
            var fixed: Period?
            var table: AmountTiers<Period>?
            let variable = reader.string("amountVariable", required: false) ?? "amount"
            switch parameters["minimum"] {
            case nil:
                reader.report("missing parameter \"minimum\"", at: .root)
            case .array?:
                table = AmountTiers<Period>.read("minimum", form: .below, valueKey: "period",
                                                 expected: "a period such as \"6 months\"", from: &reader,
                                                 parse: Period.from)
                reader.checkDecimalVariable(variable, key: "amountVariable", symbols: symbols)
            default:
                fixed = reader.period("minimum", required: true)
                if parameters["amountVariable"] != nil {
                    reader.report("\"amountVariable\" applies only when \"minimum\" is a table by amount",
                                  at: JSONPath.root.appending("amountVariable"))
                }
            }
            let reporter = reader.assignee("reporter", required: false) ?? .role("project-unit")
            guard fixed != nil || table != nil, reader.problems.isEmpty else { return (nil, reader.problems) }
            return (Parameters(fixed: fixed, table: table, amountVariable: variable, reporter: reporter), [])
        }
    }

    struct State: Codable {
        let minimum: String
        let startedOn: CivilDate
        let earliestEnd: CivilDate
        var problems = 0
    }

    public func validate(parameters: JSONValue) -> [ParameterProblem] { Parameters.read(parameters, symbols: nil).1 }

    public func validate(parameters: JSONValue, symbols: SymbolTable) -> [ParameterProblem] {
        Parameters.read(parameters, symbols: symbols).1
    }

    public func outcomes(for parameters: JSONValue) -> [String] { ["completed"] }

    private func parameters(_ context: StageContext) throws(StageRefusal) -> Parameters {
        try context.validParameters { Parameters.read($0, symbols: nil) }
    }

    private func reportTask(_ parameters: Parameters, _ state: State, context: StageContext) -> StageAction {
        .openTask(TaskRequest(key: "report", title: "\(context.nodeName): 试运行（不少于\(state.minimum)，"
                                  + "\(state.earliestEnd.iso) 起可报告完成）",
                              assignee: parameters.reporter, outcomes: ["completed", "log-problem"]))
    }

    public func enter(_ context: StageContext) throws(StageRefusal) -> [StageAction] {
        let parameters = try parameters(context)
        var minimum = parameters.fixed
        if let table = parameters.table {
            minimum = table.value(for: try context.amount(parameters.amountVariable))
        }
        guard let minimum else { throw StageRefusal("no minimum trial period covers this project") }
        let earliest = context.periods.due(minimum, after: context.today).date
        let state = State(minimum: minimum.description, startedOn: context.today, earliestEnd: earliest)
        return [StageState.save(state),
                .recordFact(name: context.fact("startedOn"), value: .string(context.today.iso)),
                .recordFact(name: context.fact("earliestEnd"), value: .string(earliest.iso)),
                // Fires as the earliest day begins, to tell the project unit completion can be reported.
                .scheduleTimerOn(key: Self.minimumReachedTimer, date: earliest.adding(days: -1)),
                reportTask(parameters, state, context: context)]
    }

    public func decide(_ decision: TaskDecision, in context: StageContext) throws(StageRefusal) -> [StageAction] {
        let parameters = try parameters(context)
        guard var state = StageState.load(State.self, from: context.state) else {
            throw StageRefusal("the trial run has lost its state")
        }
        if decision.outcome == "log-problem" {
            state.problems += 1
            return [.note(kind: "problem", message: decision.comment ?? "试运行问题", data: decision.data),
                    StageState.save(state),
                    .recordFact(name: context.fact("problems"), value: .number(state.problems)),
                    reportTask(parameters, state, context: context)]
        }
        guard context.today >= state.earliestEnd else {
            throw StageRefusal("the trial run started on \(state.startedOn.iso) must last at least \(state.minimum): "
                                   + "completion can be reported from \(state.earliestEnd.iso)")
        }
        return [.recordFact(name: context.fact("completedOn"), value: .string(context.today.iso)),
                .recordFact(name: context.fact("problems"), value: .number(state.problems)),
                .complete(outcome: "completed")]
    }

    /// The own timer that fires when the minimum duration has passed.
    static let minimumReachedTimer = "minimum-reached"

    public func timerFired(_ timer: FiredTimer, in context: StageContext) -> [StageAction] {
        guard timer == .own(Self.minimumReachedTimer) else { return DeadlineNotes.actions(for: timer, in: context) }
        return [.note(kind: "minimum-reached", message: "\(context.nodeName): 试运行已满最短期限，可以报告完成",
                      data: .object(["date": .string(context.today.iso)]))]
    }
}
