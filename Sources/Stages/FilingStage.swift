import FlowCore

/// `filing` 备案: a record (a report, an approval) is filed with named offices; the stage either completes at once
/// (the filing is noted) or waits until every office acknowledges it.
///
/// Serves 上饶市 第二十三条 (立项后上报备案) and 第三十五条 (竣工验收报告报……备案), 盐城市亭湖区 第二十七条、第三十九条,
/// 玉山县 第七条 (送县委网信办备案审查), 双鸭山市尖山区 五、16.
///
/// Parameters:
/// - `offices` (required): the offices filed with, e.g. `["市政务服务管理局", "市发改委", "市财政局"]`.
/// - `document` (required): what is filed, e.g. `"竣工验收报告"`.
/// - `acknowledgement`: `true` to wait for each office to acknowledge (default `false`: complete at once).
/// - `due`: with acknowledgement, each office's period, shown as its task's due date.
///
/// Tasks (with acknowledgement): `acknowledge:<office>` (the office as a department: `acknowledge`).
/// Notes: one `filing` note per office. Facts: `<node>.filedOn`, `<node>.filedWith`. Outcome: `filed`.
public struct FilingStage: StageKind {
    public let identifier = "filing"
    public let summary = "备案: a record filed with offices, optionally acknowledged"

    public init() {}

    /// The stage keeps no state.
    public typealias State = NoState

    /// The node's parameters, as read when the definition loads.
    public struct Parameters: Sendable {
        let offices: [String]
        let document: String
        let acknowledgement: Bool
        let due: Period?

        static func read(_ reader: inout ParameterReader) -> Parameters? {
            reader.rejectUnknown(allowed: ["offices", "document", "acknowledgement", "due"])
            let offices = reader.strings("offices", required: true)
            let document = reader.string("document", required: true)
            let acknowledgement = reader.bool("acknowledgement", default: false)
            let due = reader.period("due", required: false)
            if due != nil, !acknowledgement {
                reader.report("\"due\" applies only with \"acknowledgement\": true", at: JSONPath.root.appending("due"))
            }
            guard let offices, let document, reader.problems.isEmpty else { return nil }
            return Parameters(offices: offices, document: document, acknowledgement: acknowledgement, due: due)
        }
    }

    public func readParameters(_ reader: inout ParameterReader) -> Parameters? { Parameters.read(&reader) }

    public func outcomes(for parameters: Parameters) -> [String] { ["filed"] }

    public func enter(_ context: Context) throws(StageRefusal) -> [Action] {
        let parameters = context.parameters
        var actions: [Action] = parameters.offices.map { office in
            .note(kind: "filing", message: "\(parameters.document) 报 \(office) 备案",
                  data: .object(["office": .string(office), "document": .string(parameters.document)]))
        }
        actions.append(.recordFact(name: context.fact("filedOn"), value: .string(context.today.iso)))
        actions.append(.recordFact(name: context.fact("filedWith"), value: .array(parameters.offices.map(JSONValue.string))))
        guard parameters.acknowledgement else { return actions + [.complete(outcome: "filed")] }
        return actions + parameters.offices.map { office in
            .openTask(TaskRequest(key: "acknowledge:\(office)", title: "\(context.nodeName): 确认收到\(parameters.document)备案",
                                  assignee: .department(office), outcomes: ["acknowledge"], due: parameters.due))
        }
    }

    public func decide(_ decision: TaskDecision, in context: Context) throws(StageRefusal) -> [Action] {
        let note = Action.note(kind: "acknowledged", message: "\(decision.task.key.dropFirst(12)) 已确认备案",
                                    data: .object(["actor": .string(decision.actor.id)]))
        // The decided task is no longer open: completion comes with the last acknowledgement.
        return context.openTasks.contains { $0.id != decision.task.id } ? [note] : [note, .complete(outcome: "filed")]
    }

    public func timerFired(_ timer: FiredTimer, in context: Context) -> [Action] {
        DeadlineNotes.actions(for: timer, in: context)
    }
}
