import FlowCore

/// `notification` 通知: records a notice (to the applicant, to offices, to the public) and completes at once.
///
/// Used for the notices the regulations require without waiting for an answer, e.g. 上饶市 第二十一条 ("项目立项批复
/// 文件和经费预算文件抄送专班成员单位"), 杭州市上城区 ("专家评审未通过的，此项目本次申报结束" told to the unit).
///
/// Parameters:
/// - `message` (required): the notice's text.
/// - `recipients`: who is told, e.g. `["项目单位"]` (recorded with the note).
/// - `outcome`: the outcome to complete with, default `"notified"`.
///
/// Notes: one `notification` note. Facts: none. Outcome: `notified` (or `outcome`).
public struct NotificationStage: StageKind {
    public let identifier = "notification"
    public let summary = "通知: records a notice and completes at once"

    public init() {}

    public func validate(parameters: JSONValue) -> [ParameterProblem] {
        var reader = ParameterReader(parameters)
        reader.rejectUnknown(allowed: ["message", "recipients", "outcome"])
        _ = reader.string("message", required: true)
        _ = reader.strings("recipients", required: false)
        _ = reader.string("outcome", required: false)
        return reader.problems
    }

    public func outcomes(for parameters: JSONValue) -> [String] {
        [parameters["outcome"]?.stringValue ?? "notified"]
    }

    public func enter(_ context: StageContext) throws(StageRefusal) -> [StageAction] {
        guard let message = context.parameters["message"]?.stringValue else {
            throw StageRefusal("the node's parameters are invalid; run govflow validate")
        }
        let recipients = context.parameters["recipients"] ?? .array([])
        return [.note(kind: "notification", message: message, data: .object(["recipients": recipients])),
                .complete(outcome: outcomes(for: context.parameters)[0])]
    }

    public func decide(_ decision: TaskDecision, in context: StageContext) throws(StageRefusal) -> [StageAction] {
        throw StageRefusal("a notification has no tasks to decide")
    }
}
