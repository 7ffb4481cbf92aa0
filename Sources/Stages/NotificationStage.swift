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

    /// The stage keeps no state.
    public typealias State = NoState

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let message: String
        let recipients: [String]
        let outcome: String
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? {
        reader.rejectUnknown(allowed: ["message", "recipients", "outcome"])
        let message = reader.string("message", required: true)
        let recipients = reader.strings("recipients", required: false)
        let outcome = reader.string("outcome", required: false)
        guard let message else { return nil }
        return Parameters(message: message, recipients: recipients ?? [], outcome: outcome ?? "notified")
    }

    public func outcomes(for parameters: Parameters) -> [String] { [parameters.outcome] }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        return [.note(kind: "notification", message: parameters.message,
                      data: .object(["recipients": .array(parameters.recipients.map(JSONValue.string))])),
                .complete(outcome: parameters.outcome)]
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        throw StageRefusal("a notification has no tasks to decide")
    }
}
