import FlowCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GovFlowTestSupport
@testable import Runner
import Stages
import Testing

/// `govflow graph --format bpmn`: BPMN 2.0 XML with diagram interchange. Tests/BPMN/run.sh checks every bundled
/// workflow's export with an independent parser (SpiffWorkflow, against the BPMN 2.0 schema).
@Suite struct GraphBPMNTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Every node kind, a recurring and a calendar-day deadline, a date wait, and `<&>"'` in names.
    static let allKinds = root.appendingPathComponent("Tests/BPMN/all-kinds.json").path

    static func load(_ path: String) throws -> WorkflowDefinition {
        try DefinitionLoader(registry: BuiltInStages.registry()).load(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func bpmnOfEveryNodeKindIsTheGoldenFile() throws {
        let run = SimulationFixture.run(["graph", Self.allKinds, "--format", "bpmn"])
        #expect(run.status == 0)
        #expect(run.errors == "")
        try GoldenFile.check(String(run.output.dropLast()), "graph-all-kinds.bpmn")
    }

    @Test func tinghuExportIsWellFormedWithEveryElementDrawn() throws {
        let run = SimulationFixture.run(["graph", Scenario.path("tinghu"), "--format", "bpmn"])
        #expect(run.status == 0)
        let document = try XMLDocumentSummary(run.output)
        // The counts SpiffWorkflow finds in the same export (Tests/BPMN/run.sh), and what the definition implies.
        #expect(document.counts["startEvent"] == 1)
        #expect(document.counts["userTask"] == 26)
        #expect(document.counts["exclusiveGateway"] == 18)
        #expect(document.counts["parallelGateway"] == 6)
        #expect(document.counts["boundaryEvent"] == 8)
        #expect(document.counts["endEvent"] == 7)
        #expect(document.counts["sequenceFlow"] == 75)
        #expect(document.counts["BPMNShape"] == 1 + 26 + 18 + 6 + 8 + 7)
        #expect(document.counts["BPMNEdge"] == 75)
        #expect(document.namespaces.contains(BPMNWriter.modelNamespace))
    }

    @Test func namesWithMarkupCharactersReadBackExactly() throws {
        let run = SimulationFixture.run(["graph", Self.allKinds, "--format", "bpmn"])
        #expect(run.output.contains(#"name="金额 &lt;&amp;&gt; &quot;类别&quot; &apos;甲&apos;""#))
        let document = try XMLDocumentSummary(run.output)
        #expect(document.names["Gateway_amount-gate"] == #"金额 <&> "类别" '甲'"#)
        #expect(document.names["Process_all-kinds"] == #"全部节点 <&> "测试" '流程'"#)
        #expect(document.names["Task_pre-review"] == #"预审 "初审""#)
        #expect(document.conditions.contains("project.amount < 1"))
    }

    @Test func xmlEscapingCoversMarkupAndForbiddenCharacters() {
        #expect(XMLText.escape(#"<&>"'"#) == "&lt;&amp;&gt;&quot;&apos;")
        #expect(XMLText.escape("a\nb\u{1}c") == "a&#10;b\u{FFFD}c")
        var ids = XMLIdentifiers()
        #expect(ids.make("Task_预审") == "Task___")
        #expect(ids.make("Task_预审") == "Task____2")
        #expect(ids.make("1st") == "_1st")
    }

    @Test(arguments: ScenarioBundledDefinitionsTests.ids)
    func bundledLayoutPlacesEveryElementWithoutOverlap(id: String) throws {
        let process = BPMNProcess(try Self.load(Scenario.path(id)))
        let layout = BPMNLayout(process)
        for element in process.elements { #expect(layout.shapes[element.id] != nil, "\(element.id) has no shape") }
        for flow in process.flows { #expect((layout.waypoints[flow.id]?.count ?? 0) >= 2, "\(flow.id) unrouted") }
        let placed = process.elements.filter { $0.kind != .boundaryTimerEvent }.compactMap { layout.shapes[$0.id] }
        for (index, a) in placed.enumerated() {
            for b in placed[(index + 1)...] {
                #expect(a.right <= b.x || b.right <= a.x || a.bottom <= b.y || b.bottom <= a.y, "\(a) overlaps \(b)")
            }
        }
    }

    @Test func layoutOfALongChainWithALoopIsIterative() throws {
        // 3000 stages in a chain, the last returning to the first: a recursive walk would go 3000 calls deep.
        let count = 3000
        var nodes = (1...count).map { number in
            #"{"id": "s\#(number)", "type": "stage", "stage": "automatic", "outcomes": {"done": "#
                + (number == count ? #""gate"}}"# : #""s\#(number + 1)"}}"#)
        }
        nodes.append(#"{"id": "gate", "type": "exclusive", "branches": [{"when": "project.again", "to": "s1"}], "#
                     + #""default": "end"}"#)
        nodes.append(#"{"id": "end", "type": "end", "result": "approved"}"#)
        let text = #"{"id": "long", "version": 1, "title": "长链", "jurisdiction": {"name": "测试区", "code": "320902"}, "#
            + #""regulation": {"title": "测试"}, "calendar": "cn-mainland", "#
            + #""variables": {"again": {"type": "boolean"}}, "start": "s1", "nodes": ["#
            + nodes.joined(separator: ",\n") + "]}"
        let process = BPMNProcess(try DefinitionLoader(registry: BuiltInStages.registry()).load(text, file: "long"))
        let layout = BPMNLayout(process)
        #expect(layout.shapes["StartEvent_1"]?.midX == 200)
        #expect(layout.shapes["Task_s1"]?.midX == 400)
        #expect(layout.shapes["End_end"]?.midX == 200 + (count + 2) * 200)
        // The loop back from the gateway goes over the top of the row.
        let back = try #require(process.flows.first { $0.target == "Task_s1" && $0.source == "Gateway_gate" })
        let ys = try #require(layout.waypoints[back.id]?.map(\.y))
        #expect(ys.count == 4 && ys.first == 135 && ys.last == 120)
        #expect(ys[1] == ys[2] && ys[1] < 120 && ys[1] >= BPMNLayout.gapAbove(0) - 32)
    }

    @Test(arguments: ScenarioBundledDefinitionsTests.ids)
    func everyBundledOutcomeAndResultHasAChineseWord(id: String) throws {
        for node in try Self.load(Scenario.path(id)).nodes {
            switch node.kind {
            case .stage(let stage):
                #expect(DiagramWords.stageKinds[stage.stageKind] != nil, "\(node.id): \(stage.stageKind)")
                for route in stage.outcomes {
                    #expect(DiagramWords.outcome(route.outcome, kind: stage.stageKind) != route.outcome,
                            "\(id) \(node.id): outcome \(route.outcome)")
                }
            case .end(let end):
                #expect(DiagramWords.result(end.result) != end.result, "\(id) \(node.id): result \(end.result)")
            default: break
            }
        }
    }

    @Test func outcomeWordsDependOnTheStageKindAndFallBackToTheID() {
        #expect(DiagramWords.outcome("approved", kind: "expert-review") == "通过")
        #expect(DiagramWords.outcome("approved", kind: "project-approval") == "批准")
        #expect(DiagramWords.outcome("approved", kind: "human-task") == "批准")
        #expect(DiagramWords.outcome("revise", kind: "human-task") == "退回修改")
        #expect(DiagramWords.outcome("made-up", kind: "human-task") == "made-up")
        #expect(DiagramWords.result("made-up") == "made-up")
    }
}

/// What an XML parser reads from a document: element counts by local name, the namespaces used, `name` attributes
/// by `id`, and the text of condition expressions. Throws when the document is not well-formed.
final class XMLDocumentSummary: NSObject, XMLParserDelegate {
    struct NotWellFormed: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var counts: [String: Int] = [:]
    private(set) var namespaces: Set<String> = []
    private(set) var names: [String: String] = [:]
    private(set) var conditions: [String] = []
    private var text: String?

    init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        guard parser.parse() else {
            throw NotWellFormed(description: "line \(parser.lineNumber): \(String(describing: parser.parserError))")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
        if let namespaceURI { namespaces.insert(namespaceURI) }
        if let id = attributes["id"], let name = attributes["name"] { names[id] = name }
        text = elementName == "conditionExpression" ? "" : nil
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "conditionExpression", let text { conditions.append(text) }
        text = nil
    }
}
