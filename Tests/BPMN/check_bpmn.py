"""Checks GovFlow's BPMN export with an independent parser (SpiffWorkflow, which validates against the BPMN 2.0
schema it ships).

Usage: check_bpmn.py DEFINITION.json EXPORT.bpmn [DEFINITION.json EXPORT.bpmn ...]

For each pair: the export must be valid BPMN 2.0 (XML Schema), SpiffWorkflow must build the process from it, the
number of each kind of element and of sequence flows must be what the definition (read here from its JSON, not from
GovFlow) implies, every element and flow the parser reached must be the ones written, and every element and flow
must have a shape or edge in the diagram. Exits 1 on the first failing file, after printing what differs.
"""
import collections
import json
import sys

from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser, BpmnValidator

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
KINDS = ["startEvent", "userTask", "exclusiveGateway", "parallelGateway", "intermediateCatchEvent",
         "boundaryEvent", "endEvent"]


def expected_counts(definition):
    """What the export must hold, from the definition alone."""
    counts = collections.Counter(startEvent=1)
    flows = 1  # start event -> start node
    for node in definition["nodes"]:
        kind = node["type"]
        if kind == "stage":
            counts["userTask"] += 1
            ways = len(node.get("outcomes", {})) + len(node.get("returnTo", []))
            if ways > 1:  # the task's outcome gateway and the flow into it
                counts["exclusiveGateway"] += 1
                flows += 1
            flows += ways
            deadlines = node.get("deadlines", [])
            counts["boundaryEvent"] += len(deadlines)
            flows += sum(1 for deadline in deadlines if deadline.get("interrupting"))
        elif kind == "exclusive":
            counts["exclusiveGateway"] += 1
            flows += len(node["branches"]) + (1 if "default" in node else 0)
        elif kind == "parallel":
            counts["parallelGateway"] += 1
            flows += len(node["branches"])
        elif kind == "join":
            counts["parallelGateway"] += 1
            flows += 1
        elif kind == "wait":
            counts["intermediateCatchEvent"] += 1
            flows += 1
        elif kind == "end":
            counts["endEvent"] += 1
        else:
            raise ValueError(f"unknown node type {kind!r}")
    return counts, flows


def check(definition_path, export_path):
    problems = []
    with open(definition_path, encoding="utf-8") as file:
        definition = json.load(file)
    root = etree.parse(export_path).getroot()
    validator = BpmnValidator()
    validator.validate(root, export_path)  # raises ValidationException with the line on a schema violation

    process = root.find("bpmn:process", NS)
    written = collections.Counter(etree.QName(child).localname for child in process)
    want, want_flows = expected_counts(definition)
    for kind in KINDS:
        if written[kind] != want[kind]:
            problems.append(f"{kind}: {written[kind]} written, the definition implies {want[kind]}")
    if written["sequenceFlow"] != want_flows:
        problems.append(f"sequenceFlow: {written['sequenceFlow']} written, the definition implies {want_flows}")

    # SpiffWorkflow builds specs of executable processes only; the export is descriptive (isExecutable="false").
    process.set("isExecutable", "true")
    parser = BpmnParser(validator=validator)
    parser.add_bpmn_xml(root, filename=export_path)
    spec = parser.get_spec(process.get("id"))
    parsed = collections.Counter()
    edges = set()
    for task in spec.task_specs.values():
        if task.bpmn_id is None:
            continue
        parsed[task.__class__.__name__] += 1
        for output in task.outputs:
            target = output.bpmn_id
            if target is None and output.name.endswith(".BoundaryEventSplit"):
                target = output.name[: -len(".BoundaryEventSplit")]
            if target is not None:
                edges.add((task.bpmn_id, target))
    spiff_names = {"startEvent": "StartEvent", "userTask": "UserTask", "exclusiveGateway": "ExclusiveGateway",
                   "parallelGateway": "ParallelGateway", "intermediateCatchEvent": "IntermediateCatchEvent",
                   "boundaryEvent": "BoundaryEvent", "endEvent": "EndEvent"}
    for kind, name in spiff_names.items():
        if parsed[name] != want[kind]:
            problems.append(f"SpiffWorkflow parsed {parsed[name]} {name}, the definition implies {want[kind]}")
    written_edges = {(flow.get("sourceRef"), flow.get("targetRef"))
                     for flow in process.findall("bpmn:sequenceFlow", NS)}
    if edges != written_edges:
        problems.append(f"flows SpiffWorkflow followed differ: missing {sorted(written_edges - edges)}, "
                        f"extra {sorted(edges - written_edges)}")

    shapes = {shape.get("bpmnElement") for shape in root.iterfind(".//bpmndi:BPMNShape", NS)}
    lines = {edge.get("bpmnElement"): len(edge.findall("di:waypoint", NS))
             for edge in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    for child in process:
        name = etree.QName(child).localname
        if name in KINDS and child.get("id") not in shapes:
            problems.append(f"{name} {child.get('id')} has no BPMNShape")
        if name == "sequenceFlow" and lines.get(child.get("id"), 0) < 2:
            problems.append(f"sequenceFlow {child.get('id')} has no BPMNEdge with two waypoints")

    summary = ", ".join(f"{written[kind]} {kind}" for kind in KINDS if written[kind])
    return problems, f"{summary}, {written['sequenceFlow']} sequenceFlow"


def main(arguments):
    if len(arguments) == 0 or len(arguments) % 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    failed = 0
    for definition_path, export_path in zip(arguments[0::2], arguments[1::2]):
        try:
            problems, summary = check(definition_path, export_path)
        except Exception as error:  # a schema violation or a parse failure is a failed check, never a skip
            problems, summary = [f"{type(error).__name__}: {error}"], ""
        if problems:
            failed += 1
            print(f"{export_path}: FAILED")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"{export_path}: valid BPMN 2.0; {summary}")
    passed = len(arguments) // 2 - failed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
