import FlowCore
import Foundation

/// `procurement` 采购: chooses the procurement method by the project's amount, has the procurement intention
/// published in time (采购意向公开), and waits for the contract; a contract before the intention's lead time
/// has run is refused.
///
/// Serves 上饶市 第二十七条 ("500万元（含500万）以上的不得晚于采购活动开始前45日；500万元以下的不得晚于采购活动开始
/// 前30日"), 玉山县 第八条 ("50万元以下的项目由建设单位在江西省政府采购电子卖场……进行采购"), 杭州市上城区 第六章.
///
/// Parameters:
/// - `amountVariable`: the decimal project variable holding the amount in 万元, default `"amount"`.
/// - `methods` (required): `[{"below": 50, "method": "电子卖场"}, {"method": "公开招标"}]`: bounds ascending and
///   non-negative; the last entry has no bound.
/// - `intentionLeadTimes`: `[{"atLeast": 0, "leadTime": "30 days"}, {"atLeast": 500, "leadTime": "45 days"}]`:
///   how long before procurement starts the intention must be public; amounts below the first bound publish none.
/// - `purchaser`: who procures, default `{"role": "project-unit"}`.
/// - `recordStart` (default false): the purchaser reports the start of procurement activities (task `start`,
///   outcome `started`) before the contract task opens; it is refused before the earliest start, which is the date
///   上饶市 第二十七条 binds ("不得晚于采购活动开始前45日"). Fact `<node>.procurementStartedOn`.
///
/// Tasks: `publish-intention` (purchaser: `published`, when a lead time applies), `start` (with `recordStart`),
/// then `procure` (purchaser:
/// `contract-signed`, with optional `data` such as `{"contractNumber": …, "supplier": …, "contractAmount": …}`,
/// or `failed`). The earliest start is counted as docs/calendar.md counts a lead time ("不得晚于采购活动开始前45日"):
/// the publication day is not counted (民法典 第二百零一条), and procurement may start on the day `leadTime` after
/// it at the earliest (published 2024-09-27 with 45 days: from 2024-11-11), in the definition's calendar, with no
/// rest-day extension (第二百零三条 lengthens a time limit, not a wait).
/// Facts: `<node>.method`, `<node>.intentionPublishedOn`, `<node>.earliestStart`, `<node>.procurementStartedOn`,
/// `<node>.contractSignedOn`, `<node>.contract`. Outcomes: `contracted`, `failed`.
public struct ProcurementStage: StageKind {
    public let identifier = "procurement"
    public let summary = "采购: method by amount, intention published in time, contract"

    public init() {}

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let amountVariable: String
        let methods: AmountTiers<String>
        let leadTimes: AmountTiers<Period>?
        let purchaser: Assignee
        let recordStart: Bool

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            let parameters = reader.parameters
            let symbols = reader.symbols
            reader.rejectUnknown(allowed: ["amountVariable", "methods", "intentionLeadTimes", "purchaser",
                                           "recordStart"])
            let variable = reader.string("amountVariable", required: false) ?? "amount"
            reader.checkDecimalVariable(variable, key: "amountVariable", symbols: symbols)
            if parameters["methods"] == nil { reader.report("missing parameter \"methods\"", at: .root) }
            let methods = AmountTiers<String>.read("methods", form: .below, valueKey: "method",
                                                   expected: "a non-empty string", from: &reader) {
                $0.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            }
            let leadTimes = AmountTiers<Period>.read("intentionLeadTimes", form: .atLeast, valueKey: "leadTime",
                                                     expected: "a period such as \"45 days\"", from: &reader,
                                                     parse: Period.from)
            let purchaser = reader.assignee("purchaser", required: false) ?? .role("project-unit")
            let recordStart = reader.bool("recordStart", default: false)
            guard let methods, reader.problems.isEmpty else { return nil }
            return Parameters(amountVariable: variable, methods: methods, leadTimes: leadTimes,
                              purchaser: purchaser, recordStart: recordStart)
        }
    }

    /// What the stage keeps between calls.
    public struct State: Codable, Sendable {
        let method: String
        let leadTime: String?
        var publishedOn: CivilDate?
        var earliestStart: CivilDate?
        /// When procurement activities started, with `recordStart`.
        var startedOn: CivilDate?
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["contracted", "failed"] }

    private func procureTask(_ parameters: Parameters, _ state: State, context: Context) -> Action {
        let from = state.earliestStart.map { "（采购活动不早于 \($0.iso)）" } ?? ""
        return .openTask(TaskRequest(key: "procure", title: "\(context.nodeName): 以\(state.method)方式采购并签订合同\(from)",
                                     assignee: parameters.purchaser, outcomes: ["contract-signed", "failed"]))
    }

    /// The task after the intention: the start of procurement activities with `recordStart`, else the contract.
    private func nextTask(_ parameters: Parameters, _ state: State, context: Context) -> Action {
        guard parameters.recordStart else { return procureTask(parameters, state, context: context) }
        let from = state.earliestStart.map { "（不早于 \($0.iso)）" } ?? ""
        return .openTask(TaskRequest(key: "start", title: "\(context.nodeName): 开展采购活动\(from)",
                                     assignee: parameters.purchaser, outcomes: ["started"]))
    }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        let amount = try context.amount(parameters.amountVariable)
        guard let method = parameters.methods.value(for: amount) else {
            throw StageRefusal("no procurement method covers the amount \(amount)")
        }
        let leadTime = parameters.leadTimes?.value(for: amount)
        let state = State(method: method, leadTime: leadTime?.description)
        var actions: [Action] = [
            .setState(state),
            .recordFact(name: context.fact("method"), value: .string(method)),
            .note(kind: "method", message: "采购金额 \(amount) 万元，采购方式：\(method)", data: .object([
                "amount": .number(amount), "method": .string(method)])),
        ]
        if let leadTime {
            actions.append(.openTask(TaskRequest(
                key: "publish-intention", title: "\(context.nodeName): 公开采购意向（至少提前\(leadTime.chinese)）",
                assignee: parameters.purchaser, outcomes: ["published"])))
        } else {
            actions.append(nextTask(parameters, state, context: context))
        }
        return actions
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        guard var state = context.state else {
            throw StageRefusal("the procurement stage has lost its state")
        }
        switch (decision.task.key, decision.outcome) {
        case ("publish-intention", _):
            guard let text = state.leadTime, let leadTime = try? Period.parse(text) else {
                throw StageRefusal("no intention lead time applies to this project")
            }
            let earliest = context.periods.earliestLaterStep(leadTime: leadTime, after: context.today).date
            state.publishedOn = context.today
            state.earliestStart = earliest
            return [.setState(state),
                    .recordFact(name: context.fact("intentionPublishedOn"), value: .string(context.today.iso)),
                    .recordFact(name: context.fact("earliestStart"), value: .string(earliest.iso)),
                    // Fires as the earliest day begins, to tell the purchaser procurement may start.
                    .scheduleTimerOn(key: Self.earliestStartTimer, date: earliest.adding(days: -1)),
                    nextTask(parameters, state, context: context)]
        case ("start", _):
            if let earliest = state.earliestStart, context.today < earliest, let published = state.publishedOn,
               let leadTime = state.leadTime {
                throw StageRefusal("procurement activities cannot start before \(earliest.iso): the procurement "
                                       + "intention was published on \(published.iso) and must be public \(leadTime) "
                                       + "before procurement starts")
            }
            state.startedOn = context.today
            return [.setState(state),
                    .recordFact(name: context.fact("procurementStartedOn"), value: .string(context.today.iso)),
                    procureTask(parameters, state, context: context)]
        case ("procure", "contract-signed"):
            if let earliest = state.earliestStart, context.today < earliest, let published = state.publishedOn,
               let leadTime = state.leadTime {
                throw StageRefusal("the contract cannot be signed before \(earliest.iso): the procurement intention was "
                                       + "published on \(published.iso) and must be public \(leadTime) before "
                                       + "procurement starts")
            }
            var actions: [Action] = [
                .recordFact(name: context.fact("contractSignedOn"), value: .string(context.today.iso)),
            ]
            if decision.data != .null {
                actions.append(.recordFact(name: context.fact("contract"), value: decision.data))
            }
            return actions + [.complete(outcome: "contracted")]
        case ("procure", _):
            return [.note(kind: "procurement-failed", message: "\(context.nodeName): 采购失败"
                            + (decision.comment.map { " — \($0)" } ?? ""), data: .null),
                    .complete(outcome: "failed")]
        default:
            throw StageRefusal("task \"\(decision.task.key)\" is not a procurement task")
        }
    }

    /// The own timer that fires when the intention's lead time has passed.
    static let earliestStartTimer = "earliest-start"

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        guard timer == .own(Self.earliestStartTimer) else { return DeadlineNotes.actions(for: timer, in: context) }
        return [.note(kind: "earliest-start", message: "\(context.nodeName): 采购意向公开期满，可以开展采购活动",
                      data: .object(["date": .string(context.today.iso)]))]
    }
}
