import FlowCore
import Foundation

/// `acceptance` 验收: initial acceptance (初验) by an expert group, then final acceptance (终验/竣工验收) on the
/// applicant's application once its preconditions hold; a failure opens a rectification window (整改) after which
/// the failed phase is repeated, or the stage fails when the window expires.
///
/// Serves 杭州市上城区 第八章 ("专家3人（含）以上单数成立验收专家组……验收不合格的，可在2个月内进行整改再提请验收"),
/// 玉山县 第十二条 ("验收小组不少于3人"), 上饶市 第三十三条, 盐城市亭湖区 第二十七条、第二十九条 (等保测评、密评、档案
/// 验收不合格的不得申请竣工验收), 双鸭山市尖山区 五、18.
///
/// Parameters:
/// - `phases`: `["initial", "final"]` (default), `["initial"]` or `["final"]` — split them to put a `trial-run`
///   between (上城区: 初验 → 试运行 → 验收).
/// - `experts` (with `"initial"`): who sits on the initial acceptance group, e.g. `{"role": "acceptance-expert"}`.
/// - `panelSize`: the group's size (default `minimumPanelSize`); `minimumPanelSize` (default 3); `oddPanel`
///   (default false; 上城区: true). The group passes by majority.
/// - `acceptor` (with `"final"`): who decides final acceptance, e.g. `{"department": "区数据资源局"}`.
/// - `applicant`: who applies and rectifies, default `{"role": "project-unit"}`.
/// - `preconditions`: fact names that must be `true` before final acceptance may be applied for, e.g.
///   `["securityAssessmentPassed", "archiveAcceptancePassed"]`; the application is refused listing the missing ones.
/// - `rectificationWindow`: the period to rectify and re-apply after a failure (上城区: `"2 months"`); without it a
///   failure ends the stage `failed` at once.
///
/// Tasks: `initial:<n>` (experts: `pass`/`fail`), `apply` (applicant: `apply`), `final` (acceptor: `pass`/`fail`),
/// `rectify` (applicant: `reapply`). Own timer: `rectification`. Facts: `<node>.initialOpinions`,
/// `<node>.rectifications`, `<node>.acceptedOn`, `<node>.result`. Outcomes: `accepted`, `failed`.
public struct AcceptanceStage: StageKind {
    public let identifier = "acceptance"
    public let summary = "验收: expert initial acceptance, final acceptance on preconditions, rectification window"

    public init() {}

    static let rectificationTimer = "rectification"

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let initial: Bool
        let final: Bool
        let seats: [PanelSeat]
        let acceptor: Assignee?
        let applicant: Assignee
        let preconditions: [String]
        let rectificationWindow: Period?

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            let parameters = reader.parameters
            reader.rejectUnknown(allowed: ["phases", "experts", "panelSize", "minimumPanelSize", "oddPanel",
                                           "acceptor", "applicant", "preconditions", "rectificationWindow"])
            let phases = reader.strings("phases", required: false) ?? ["initial", "final"]
            if phases != ["initial", "final"], phases != ["initial"], phases != ["final"] {
                reader.report("\"phases\" must be [\"initial\", \"final\"], [\"initial\"] or [\"final\"], found "
                                  + "\(parameters["phases"] ?? .null)", at: JSONPath.root.appending("phases"))
            }
            let initial = phases.contains("initial")
            let final = phases.contains("final")
            let minimum = reader.integer("minimumPanelSize", required: false, in: 1...Int.max) ?? 3
            let size = reader.integer("panelSize", required: false, in: 1...Int.max) ?? minimum
            if size < minimum {
                reader.report("\"panelSize\" is \(size) but the group needs at least \(minimum) experts "
                                  + "(\"minimumPanelSize\")", at: JSONPath.root.appending("panelSize"))
            }
            if reader.bool("oddPanel", default: false), size % 2 == 0 {
                reader.report("\"oddPanel\" requires an odd number of experts, but \"panelSize\" is \(size)",
                              at: JSONPath.root.appending(parameters["panelSize"] == nil ? "minimumPanelSize" : "panelSize"))
            }
            let experts = reader.assignee("experts", required: initial)
            let acceptor = reader.assignee("acceptor", required: final)
            for (key, applies, phase) in [("experts", initial, "initial"), ("acceptor", final, "final")]
            where !applies && parameters[key] != nil {
                reader.report("\"\(key)\" applies only with the \"\(phase)\" phase", at: JSONPath.root.appending(key))
            }
            let applicant = reader.assignee("applicant", required: false) ?? .role("project-unit")
            let preconditions = reader.strings("preconditions", required: false) ?? []
            let window = reader.period("rectificationWindow", required: false)
            guard reader.problems.isEmpty else { return nil }
            let seats = experts.map { PanelSeat.seats(prefix: "initial", assignee: $0, field: nil, count: size) } ?? []
            return Parameters(initial: initial, final: final, seats: seats, acceptor: acceptor,
                              applicant: applicant, preconditions: preconditions, rectificationWindow: window)
        }
    }

    struct Opinion: Codable {
        let seat: String
        let expert: String
        let outcome: String
        let comment: String?
    }

    /// What the stage keeps between calls.
    public struct State: Codable, Sendable {
        /// "initial", "apply", "final" or "rectify".
        var phase: String
        /// The phase to repeat after rectification.
        var failedPhase: String?
        var opinions: [Opinion] = []
        var rectifications = 0
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["accepted", "failed"] }

    /// Opens the tasks of `phase` and saves the state.
    private func begin(_ phase: String, _ state: State, _ parameters: Parameters, context: Context)
        -> [Action] {
        var state = state
        state.phase = phase
        state.opinions = []
        let name = context.nodeName
        switch phase {
        case "initial":
            return [.setState(state)] + parameters.seats.map {
                .openTask(TaskRequest(key: $0.key, title: "\(name): 初验专家意见", assignee: $0.assignee,
                                      outcomes: ["pass", "fail"]))
            }
        case "apply":
            return [.setState(state),
                    .openTask(TaskRequest(key: "apply", title: "\(name): 提出验收申请", assignee: parameters.applicant,
                                          outcomes: ["apply"]))]
        default:
            guard let acceptor = parameters.acceptor else { return [] }
            return [.setState(state),
                    .openTask(TaskRequest(key: "final", title: "\(name): 验收", assignee: acceptor,
                                          outcomes: ["pass", "fail"]))]
        }
    }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        let first = parameters.initial ? "initial" : "apply"
        return begin(first, State(phase: first), parameters, context: context)
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        guard var state = context.state else {
            throw StageRefusal("the acceptance stage has lost its state")
        }
        switch decision.task.key {
        case "apply":
            let missing = parameters.preconditions.filter { context.facts[$0] != .bool(true) }
            guard missing.isEmpty else {
                throw StageRefusal("final acceptance cannot be applied for yet; these preconditions are not met: "
                                       + missing.map { "\"\($0)\"" }.joined(separator: ", ")
                                       + " (each must be recorded as the fact true)")
            }
            return begin("final", state, parameters, context: context)
        case "final":
            return decision.outcome == "pass" ? accept(state, context: context)
                : fail("final", state, parameters, comment: decision.comment, context: context)
        case "rectify":
            state.rectifications += 1
            let again = state.failedPhase == "initial" ? "initial" : "apply"
            return [.cancelTimer(key: Self.rectificationTimer),
                    .recordFact(name: context.fact("rectifications"), value: .number(state.rectifications))]
                + begin(again, state, parameters, context: context)
        default:
            return try initialOpinion(decision, state, parameters, context: context)
        }
    }

    private func initialOpinion(_ decision: TaskDecision, _ state: State, _ parameters: Parameters,
                                context: Context) throws(StageRefusal) -> [Action] {
        var state = state
        try PanelSeat.refuseSecondOpinion(by: decision.actor, seat: decision.task.key,
                                          earlier: state.opinions.map { ($0.seat, $0.expert) })
        state.opinions.append(Opinion(seat: decision.task.key, expert: decision.actor.id, outcome: decision.outcome,
                                      comment: decision.comment))
        let size = parameters.seats.count
        let passes = state.opinions.filter { $0.outcome == "pass" }.count
        let pending = size - state.opinions.count
        let passed = passes * 2 > size
        guard passed || (passes + pending) * 2 <= size else { return [.setState(state)] }
        var actions: [Action] = context.openTasks.filter { $0.key != decision.task.key }.map {
            .closeTask(key: $0.key, reason: "moot: the initial acceptance group's majority has decided")
        }
        actions.append(.recordFact(name: context.fact("initialOpinions"), value: StageJSON.json(state.opinions)))
        if !passed {
            return actions + fail("initial", state, parameters, comment: "初验未通过", context: context)
        }
        actions.append(.note(kind: "initial-acceptance", message: "\(context.nodeName): 初验通过", data: .null))
        return actions + (parameters.final ? begin("apply", state, parameters, context: context)
                                           : accept(state, context: context))
    }

    private func accept(_ state: State, context: Context) -> [Action] {
        [.recordFact(name: context.fact("acceptedOn"), value: .string(context.today.iso)),
         .recordFact(name: context.fact("result"), value: .string("accepted")),
         .complete(outcome: "accepted")]
    }

    private func fail(_ phase: String, _ state: State, _ parameters: Parameters, comment: String?,
                      context: Context) -> [Action] {
        let label = phase == "initial" ? "初验" : "验收"
        guard let window = parameters.rectificationWindow else {
            return [.note(kind: "failed", message: "\(context.nodeName): \(label)不合格" + (comment.map { " — \($0)" } ?? ""),
                          data: .null),
                    .recordFact(name: context.fact("result"), value: .string("failed")),
                    .complete(outcome: "failed")]
        }
        var state = state
        state.phase = "rectify"
        state.failedPhase = phase
        return [.setState(state),
                .note(kind: "rectification", message: "\(context.nodeName): \(label)不合格，限\(window.chinese)内整改后再提请验收"
                        + (comment.map { " — \($0)" } ?? ""), data: .object(["phase": .string(phase)])),
                .openTask(TaskRequest(key: "rectify", title: "\(context.nodeName): 整改后再提请\(label)",
                                      assignee: parameters.applicant, outcomes: ["reapply"], due: window)),
                .scheduleTimer(key: Self.rectificationTimer, after: window)]
    }

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        guard timer == .own(Self.rectificationTimer) else { return DeadlineNotes.actions(for: timer, in: context) }
        return [.note(kind: "failed", message: "\(context.nodeName): 整改期限已过，验收不合格", data: .null),
                .recordFact(name: context.fact("result"), value: .string("failed")),
                .complete(outcome: "failed")]
    }
}
