import FlowCore

/// `pre-review` 预审: one office reviews the application; it may pass it, reject it, or send it back for
/// revision, and the applicant must resubmit within a revision window or the application is returned (退回).
///
/// Serves 盐城市亭湖区 第十一条（二）: "区数据局……进行预审，在5个工作日内给予初审意见。项目单位应在15个工作日内
/// 针对初审意见完善修改申报材料，否则将退回申请", and the 初审 of 杭州市上城区 第五章.
///
/// Parameters:
/// - `reviewer` (required): the reviewing office, e.g. `{"department": "区数据局"}`.
/// - `applicant`: who revises, default `{"role": "project-unit"}`.
/// - `revisionWindow` (required): how long the applicant has to resubmit, e.g. `"15 workdays"`.
/// - `reviewPeriod`: the review period shown as the review task's due date, e.g. `"5 workdays"` (enforce it
///   with a deadline on the node).
/// - `maxRevisions`: how many times the application may be sent back; when reached, "revise" is no longer offered.
///
/// Tasks: `review` (reviewer: `pass`, `revise`, `reject`); `revision` (applicant: `resubmit`).
/// Own timer: `revision-window`. Facts: `<node>.revisions` (how many times it was sent back).
/// Outcomes: `pass`, `reject`, `returned` (the window expired without a resubmission).
public struct PreReviewStage: StageKind {
    public let identifier = "pre-review"
    public let summary = "预审: one office passes, rejects or sends back for revision within a window"

    public init() {}

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let reviewer: Assignee
        let applicant: Assignee
        let revisionWindow: Period
        let reviewPeriod: Period?
        let maxRevisions: Int?

        static let names = ["reviewer", "applicant", "revisionWindow", "reviewPeriod", "maxRevisions"]

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            reader.rejectUnknown(allowed: names)
            let reviewer = reader.assignee("reviewer", required: true)
            let applicant = reader.assignee("applicant", required: false) ?? .role("project-unit")
            let window = reader.period("revisionWindow", required: true)
            let reviewPeriod = reader.period("reviewPeriod", required: false)
            let maxRevisions = reader.integer("maxRevisions", required: false, in: 0...Int.max)
            guard let reviewer, let window, reader.problems.isEmpty else { return nil }
            return Parameters(reviewer: reviewer, applicant: applicant, revisionWindow: window,
                              reviewPeriod: reviewPeriod, maxRevisions: maxRevisions)
        }
    }

    /// What the stage keeps between calls.
    public struct State: Codable, Sendable {
        var revisions = 0
    }

    static let windowTimer = "revision-window"

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["pass", "reject", "returned"] }

    private func reviewTask(_ parameters: Parameters, state: State, context: Context) -> Action {
        let mayRevise = parameters.maxRevisions.map { state.revisions < $0 } ?? true
        let title = state.revisions == 0 ? "\(context.nodeName): 审查申报材料并出具初审意见"
            : "\(context.nodeName): 审查修改后的申报材料（第\(state.revisions + 1)次）"
        return .openTask(TaskRequest(key: "review", title: title, assignee: parameters.reviewer,
                                     outcomes: mayRevise ? ["pass", "revise", "reject"] : ["pass", "reject"],
                                     due: parameters.reviewPeriod))
    }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        let state = State()
        return [.setState(state), reviewTask(parameters, state: state, context: context)]
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        var state = context.state ?? State()
        let opinion = Action.note(
            kind: "opinion", message: "\(decision.actor.id): \(decision.outcome)"
                + (decision.comment.map { " — \($0)" } ?? ""),
            data: .object(["task": .string(decision.task.key), "outcome": .string(decision.outcome),
                           "comment": decision.comment.map(JSONValue.string) ?? .null]))
        switch (decision.task.key, decision.outcome) {
        case ("review", "pass"), ("review", "reject"):
            return [opinion, .recordFact(name: context.fact("revisions"), value: .number(state.revisions)),
                    .complete(outcome: decision.outcome)]
        case ("review", "revise"):
            state.revisions += 1
            return [opinion, .setState(state),
                    .openTask(TaskRequest(key: "revision", title: "\(context.nodeName): 根据初审意见完善修改申报材料",
                                          assignee: parameters.applicant, outcomes: ["resubmit"],
                                          due: parameters.revisionWindow)),
                    .scheduleTimer(key: PreReviewStage.windowTimer, after: parameters.revisionWindow)]
        case ("revision", "resubmit"):
            return [opinion, .cancelTimer(key: PreReviewStage.windowTimer),
                    reviewTask(parameters, state: state, context: context)]
        default:
            throw StageRefusal("task \"\(decision.task.key)\" has no outcome \"\(decision.outcome)\" in a pre-review")
        }
    }

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        guard timer == .own(PreReviewStage.windowTimer) else { return DeadlineNotes.actions(for: timer, in: context) }
        let state = context.state ?? State()
        return [.note(kind: "returned", message: "\(context.nodeName): 项目单位未在期限内完善修改申报材料，退回申请",
                      data: .null),
                .recordFact(name: context.fact("revisions"), value: .number(state.revisions)),
                .complete(outcome: "returned")]
    }
}
