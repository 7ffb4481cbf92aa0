import FlowCore

/// A workflow definition as BPMN 2.0 flow elements and sequence flows, before layout and XML.
///
/// Stages are user tasks, exclusive gateways stay exclusive (conditions as expression text, the default flow
/// marked), a parallel split and its join are parallel gateways, waits are intermediate timer catch events,
/// deadlines are boundary timer events (interrupting or not), and ends are end events; one start event leads to
/// the definition's `start`. A stage with more than one way out leads to an exclusive gateway "<name>结果" whose
/// flows carry the outcome as condition (`outcome == "pass"`) and a return (退回) as `return to "node"`.
struct BPMNProcess: Sendable {
    /// What an element is in BPMN.
    enum Kind: Sendable, Equatable {
        case startEvent
        case userTask
        case exclusiveGateway
        case parallelGateway
        case timerCatchEvent
        case boundaryTimerEvent
        case endEvent

        /// The element's tag, without the `bpmn:` prefix.
        var tag: String {
            switch self {
            case .startEvent: return "startEvent"
            case .userTask: return "userTask"
            case .exclusiveGateway: return "exclusiveGateway"
            case .parallelGateway: return "parallelGateway"
            case .timerCatchEvent: return "intermediateCatchEvent"
            case .boundaryTimerEvent: return "boundaryEvent"
            case .endEvent: return "endEvent"
            }
        }
    }

    /// A timer: a duration (`timeDuration`) or a date (`timeDate`), as text.
    struct Timer: Sendable, Equatable {
        let isDuration: Bool
        let text: String
    }

    /// One flow element.
    struct Element: Sendable {
        /// The XML id (an NCName, unique in the document).
        let id: String
        let kind: Kind
        let name: String
        /// Paragraphs of `documentation`.
        let documentation: [String]
        var timer: Timer? = nil
        /// For a boundary event: the XML id of its task.
        var attachedTo: String? = nil
        /// For a boundary event: whether it interrupts the task.
        var cancelActivity = true
        /// For an exclusive gateway: the XML id of its default flow.
        var defaultFlow: String? = nil
    }

    /// One sequence flow.
    struct Flow: Sendable {
        let id: String
        let source: String
        let target: String
        let name: String?
        let condition: String?
    }

    let processID: String
    let name: String
    let documentation: [String]
    let workflowID: String
    let version: Int
    private(set) var elements: [Element] = []
    private(set) var flows: [Flow] = []

    init(_ definition: WorkflowDefinition) {
        workflowID = definition.id
        version = definition.version
        name = definition.title
        documentation = ["\(definition.jurisdiction.name)：\(definition.regulation.title)",
                         "GovFlow workflow \(definition.id) version \(definition.version)"]
        var ids = XMLIdentifiers()
        processID = ids.make("Process_" + definition.id)
        var nodeIDs: [String: String] = [:]
        for node in definition.nodes { nodeIDs[node.id] = ids.make(Self.prefix(node.kind) + node.id) }
        func ref(_ node: String) -> String { nodeIDs[node] ?? node }

        let start = ids.make("StartEvent_1")
        elements.append(Element(id: start, kind: .startEvent, name: "开始", documentation: []))
        addFlow(&ids, from: start, to: ref(definition.start), name: nil, condition: nil)

        for node in definition.nodes {
            let id = ref(node.id)
            var notes = [node.basis.map { "依据：\($0)" }, node.note].compactMap { $0 }
            switch node.kind {
            case .stage(let stage):
                notes.insert("环节类型：\(DiagramWords.stageKind(stage.stageKind))（\(stage.stageKind)）", at: 0)
                elements.append(Element(id: id, kind: .userTask, name: node.name, documentation: notes))
                // More than one way out: the task leads to a gateway that chooses by the outcome.
                var exit = id
                if stage.outcomes.count + stage.returnTo.count > 1 {
                    exit = ids.make("Gateway_\(node.id)_outcome")
                    elements.append(Element(id: exit, kind: .exclusiveGateway, name: "\(node.name)结果",
                                            documentation: []))
                    addFlow(&ids, from: id, to: exit, name: nil, condition: nil)
                }
                for route in stage.outcomes {
                    addFlow(&ids, from: exit, to: ref(route.target),
                            name: DiagramWords.outcome(route.outcome, kind: stage.stageKind),
                            condition: exit == id ? nil : "outcome == \"\(route.outcome)\"")
                }
                for target in stage.returnTo {
                    addFlow(&ids, from: exit, to: ref(target), name: ProcessGraph.returnLabel,
                            condition: "return to \"\(target)\"")
                }
                for deadline in stage.deadlines {
                    let boundary = ids.make("Timer_\(node.id)_\(deadline.id)")
                    elements.append(Element(
                        id: boundary, kind: .boundaryTimerEvent, name: deadline.due.chinese,
                        documentation: Self.deadlineNotes(deadline), timer: Self.timer(deadline.due), attachedTo: id,
                        cancelActivity: deadline.interrupting))
                    if deadline.interrupting, let target = deadline.target {
                        addFlow(&ids, from: boundary, to: ref(target), name: DiagramWords.deadlineEdge(deadline.due),
                                condition: nil)
                    }
                }
            case .exclusive(let gateway):
                var element = Element(id: id, kind: .exclusiveGateway, name: node.name, documentation: notes)
                for branch in gateway.branches {
                    addFlow(&ids, from: id, to: ref(branch.target), name: branch.label ?? branch.condition.source,
                            condition: branch.condition.source)
                }
                if let fallback = gateway.defaultTarget {
                    element.defaultFlow = addFlow(&ids, from: id, to: ref(fallback), name: DiagramWords.otherwise,
                                                  condition: nil)
                }
                elements.append(element)
            case .parallel(let split):
                elements.append(Element(id: id, kind: .parallelGateway,
                                        name: Self.named(node, DiagramWords.parallelSplit), documentation: notes))
                for branch in split.branches {
                    addFlow(&ids, from: id, to: ref(branch), name: nil, condition: nil)
                }
            case .join(let join):
                elements.append(Element(id: id, kind: .parallelGateway,
                                        name: Self.named(node, DiagramWords.parallelJoin), documentation: notes))
                addFlow(&ids, from: id, to: ref(join.next), name: nil, condition: nil)
            case .wait(let wait):
                let timer: Timer
                switch wait.until {
                case .period(let period):
                    timer = Self.timer(.period(period))
                    if case .workdays = period { notes.append(Self.workdayNote) }
                case .date(let expression): timer = Timer(isDuration: false, text: expression.source)
                }
                let name = Self.named(node, DiagramWords.wait(wait.until))
                elements.append(Element(id: id, kind: .timerCatchEvent, name: name, documentation: notes, timer: timer))
                addFlow(&ids, from: id, to: ref(wait.next), name: nil, condition: nil)
            case .end(let end):
                elements.append(Element(id: id, kind: .endEvent,
                                        name: DiagramWords.endLines(node, end).joined(separator: " "),
                                        documentation: ["结果：\(end.result)"] + notes))
            }
        }
    }

    /// "名称（等待6个月）", or the role alone for a node without a name of its own.
    private static func named(_ node: Node, _ role: String) -> String {
        node.name == node.id ? role : "\(node.name)（\(role)）"
    }

    /// The note on working days in deadline documentation.
    static let workdayNote = "按工作日计算：不含周末和法定节假日，调休上班日计入（国务院办公厅放假通知）。"

    @discardableResult
    private mutating func addFlow(_ ids: inout XMLIdentifiers, from source: String, to target: String, name: String?,
                                  condition: String?) -> String {
        let id = ids.make("Flow_\(flows.count + 1)")
        flows.append(Flow(id: id, source: source, target: target, name: name, condition: condition))
        return id
    }

    private static func prefix(_ kind: NodeKind) -> String {
        switch kind {
        case .stage: return "Task_"
        case .exclusive, .parallel, .join: return "Gateway_"
        case .wait: return "Wait_"
        case .end: return "End_"
        }
    }

    /// `timeDuration` for a period (ISO 8601 where one exists; working days have none and are written in
    /// Chinese), `timeDate` for a recurring due day.
    static func timer(_ due: DeadlineDue) -> Timer {
        switch due {
        case .period(.workdays(let n)): return Timer(isDuration: true, text: "\(n)个工作日")
        case .period(.days(let n)): return Timer(isDuration: true, text: "P\(n)D")
        case .period(.months(let n)): return Timer(isDuration: true, text: "P\(n)M")
        case .period(.years(let n)): return Timer(isDuration: true, text: "P\(n)Y")
        case .recurring(let day): return Timer(isDuration: false, text: day.chinese)
        }
    }

    private static func deadlineNotes(_ deadline: Deadline) -> [String] {
        let from = deadline.task.map { "自任务 \($0) 开启之日起算" } ?? "自进入本环节之日起算"
        var notes = ["期限：\(deadline.due.chinese)（\(deadline.id)），\(from)；"
                     + (deadline.interrupting ? "到期即离开本环节。" : "到期记为逾期，本环节继续办理。")]
        if case .period(.workdays) = deadline.due { notes.append(workdayNote) }
        if !deadline.remindBefore.isEmpty {
            notes.append("提前" + deadline.remindBefore.map(\.chinese).joined(separator: "、") + "催办。")
        }
        if let basis = deadline.basis { notes.append("依据：\(basis)") }
        return notes
    }
}
