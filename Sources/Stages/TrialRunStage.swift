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
/// The minimum is counted as the law counts a period (docs/calendar.md, "Minimum duration"): the day the stage is
/// entered is not counted (民法典 第二百零一条: 开始的当日不计入), so a trial entered on 15 April at 10:00 with a
/// minimum of 6 months must run through the whole of 15 October (the corresponding day, 第二百零二条; no rest-day
/// extension, since a minimum that ends on a rest day has already lasted its full length), and completion can be
/// reported from 16 October. Counted in the definition's calendar.
/// Task: `report` (reporter: `completed`, or `log-problem` — recorded as a note with the comment and data; the
/// task opens again). Facts: `<node>.startedOn`, `<node>.earliestEnd` (the first day completion can be reported),
/// `<node>.completedOn`, `<node>.problems` (how many were logged). Outcome: `completed`.
public struct TrialRunStage: StageKind {
    public let identifier = "trial-run"
    public let summary = "试运行: a minimum duration, problems logged, completion reported"

    public init() {}

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let fixed: Period?
        let table: AmountTiers<Period>?
        let amountVariable: String
        let reporter: Assignee

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            let parameters = reader.parameters
            let symbols = reader.symbols
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
            guard fixed != nil || table != nil, reader.problems.isEmpty else { return nil }
            return Parameters(fixed: fixed, table: table, amountVariable: variable, reporter: reporter)
        }
    }

    /// What the stage keeps between calls.
    public struct State: Codable, Sendable {
        let minimum: String
        let startedOn: CivilDate
        let earliestEnd: CivilDate
        var problems = 0
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["completed"] }

    private func reportTask(_ parameters: Parameters, _ state: State, context: Context) -> Action {
        .openTask(TaskRequest(key: "report", title: "\(context.nodeName): 试运行（不少于\(Self.chinese(state.minimum))，"
                                  + "\(state.earliestEnd.iso) 起可报告完成）",
                              assignee: parameters.reporter, outcomes: ["completed", "log-problem"]))
    }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        var minimum = parameters.fixed
        if let table = parameters.table {
            minimum = table.value(for: try context.amount(parameters.amountVariable))
        }
        guard let minimum else { throw StageRefusal("no minimum trial period covers this project") }
        // The trial must last through the whole of its last day; completion is reported from the next day.
        let lastDay = context.periods.earliestEnd(ofAtLeast: minimum, startingAfter: context.today).date
        let earliest = lastDay.adding(days: 1)
        let state = State(minimum: minimum.description, startedOn: context.today, earliestEnd: earliest)
        return [.setState(state),
                .recordFact(name: context.fact("startedOn"), value: .string(context.today.iso)),
                .recordFact(name: context.fact("earliestEnd"), value: .string(earliest.iso)),
                // Fires at 24:00 of the last day, as the earliest day begins, to tell the project unit.
                .scheduleTimerOn(key: Self.minimumReachedTimer, date: lastDay),
                reportTask(parameters, state, context: context)]
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        guard var state = context.state else {
            throw StageRefusal("the trial run has lost its state")
        }
        if decision.outcome == "log-problem" {
            state.problems += 1
            return [.note(kind: "problem", message: decision.comment ?? "试运行问题", data: decision.data),
                    .setState(state),
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

    /// A stored period ("6 months") in the regulations' words ("6个月").
    static func chinese(_ stored: String) -> String {
        (try? Period.parse(stored))?.chinese ?? stored
    }

    /// The own timer that fires when the minimum duration has passed.
    static let minimumReachedTimer = "minimum-reached"

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        guard timer == .own(Self.minimumReachedTimer) else { return DeadlineNotes.actions(for: timer, in: context) }
        return [.note(kind: "minimum-reached", message: "\(context.nodeName): 试运行已满最短期限，可以报告完成",
                      data: .object(["date": .string(context.today.iso)]))]
    }
}
