/// Writes a BPMN process and its layout as a BPMN 2.0 XML document with diagram interchange (BPMNDI), the form
/// Camunda Modeler and bpmn.io open.
///
/// The process is not executable (`isExecutable="false"`): conditions are GovFlow expressions and working-day
/// timers have no ISO 8601 form, so the document describes the process for people and modelers.
enum BPMNWriter {
    static let modelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL"

    static func render(_ process: BPMNProcess) -> String {
        let layout = BPMNLayout(process)
        var incoming: [String: [String]] = [:]
        var outgoing: [String: [String]] = [:]
        for flow in process.flows {
            outgoing[flow.source, default: []].append(flow.id)
            incoming[flow.target, default: []].append(flow.id)
        }
        var out = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<bpmn:definitions xmlns:bpmn="\#(modelNamespace)""#
                + #" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI""#
                + #" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC""#
                + #" xmlns:di="http://www.omg.org/spec/DD/20100524/DI""#
                + #" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#
                + #" id="Definitions_1" targetNamespace="urn:govflow:workflow:\#(escape(process.workflowID))""#
                + #" exporter="GovFlow" exporterVersion="1">"#,
            #"  <bpmn:process id="\#(process.processID)" name="\#(escape(process.name))" isExecutable="false">"#,
        ]
        out += documentation(process.documentation, indent: "    ")
        for element in process.elements {
            var attributes = #"id="\#(element.id)" name="\#(escape(element.name))""#
            if let attached = element.attachedTo {
                attributes += #" cancelActivity="\#(element.cancelActivity)" attachedToRef="\#(attached)""#
            }
            if let fallback = element.defaultFlow { attributes += #" default="\#(fallback)""# }
            out.append("    <bpmn:\(element.kind.tag) \(attributes)>")
            out += documentation(element.documentation, indent: "      ")
            out += (incoming[element.id] ?? []).map { "      <bpmn:incoming>\($0)</bpmn:incoming>" }
            out += (outgoing[element.id] ?? []).map { "      <bpmn:outgoing>\($0)</bpmn:outgoing>" }
            if let timer = element.timer {
                let tag = timer.isDuration ? "timeDuration" : "timeDate"
                out.append("      <bpmn:timerEventDefinition id=\"\(element.id)_timer\">")
                out.append(#"        <bpmn:\#(tag) xsi:type="bpmn:tFormalExpression">"#
                           + "\(escape(timer.text))</bpmn:\(tag)>")
                out.append("      </bpmn:timerEventDefinition>")
            }
            out.append("    </bpmn:\(element.kind.tag)>")
        }
        for flow in process.flows {
            var attributes = #"id="\#(flow.id)""#
            if let name = flow.name { attributes += #" name="\#(escape(name))""# }
            attributes += #" sourceRef="\#(flow.source)" targetRef="\#(flow.target)""#
            guard let condition = flow.condition else {
                out.append("    <bpmn:sequenceFlow \(attributes) />")
                continue
            }
            out.append("    <bpmn:sequenceFlow \(attributes)>")
            out.append(#"      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">"#
                       + "\(escape(condition))</bpmn:conditionExpression>")
            out.append("    </bpmn:sequenceFlow>")
        }
        out.append("  </bpmn:process>")
        out.append(#"  <bpmndi:BPMNDiagram id="BPMNDiagram_1">"#)
        out.append(#"    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="\#(process.processID)">"#)
        for element in process.elements {
            guard let bounds = layout.shapes[element.id] else { continue }
            let marker = element.kind == .exclusiveGateway ? #" isMarkerVisible="true""# : ""
            out.append(#"      <bpmndi:BPMNShape id="\#(element.id)_di" bpmnElement="\#(element.id)"\#(marker)>"#)
            out.append(#"        <dc:Bounds x="\#(bounds.x)" y="\#(bounds.y)" width="\#(bounds.width)""#
                       + #" height="\#(bounds.height)" />"#)
            out.append("      </bpmndi:BPMNShape>")
        }
        for flow in process.flows {
            guard let points = layout.waypoints[flow.id] else { continue }
            out.append(#"      <bpmndi:BPMNEdge id="\#(flow.id)_di" bpmnElement="\#(flow.id)">"#)
            out += points.map { #"        <di:waypoint x="\#($0.x)" y="\#($0.y)" />"# }
            out.append("      </bpmndi:BPMNEdge>")
        }
        out += ["    </bpmndi:BPMNPlane>", "  </bpmndi:BPMNDiagram>", "</bpmn:definitions>"]
        return out.joined(separator: "\n") + "\n"
    }

    private static func documentation(_ paragraphs: [String], indent: String) -> [String] {
        guard !paragraphs.isEmpty else { return [] }
        let text = paragraphs.map(escapeText).joined(separator: "\n")
        return ["\(indent)<bpmn:documentation>\(text)</bpmn:documentation>"]
    }

    /// Attribute values and one-line text.
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    /// Multi-line character data: as `escape`, with line breaks kept.
    private static func escapeText(_ text: String) -> String {
        XMLText.escape(text).replacingOccurrences(of: "&#10;", with: "\n")
    }
}
