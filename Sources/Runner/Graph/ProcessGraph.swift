import FlowCore

/// A workflow definition as a diagram, independent of the output format: shaped vertices with label lines and
/// styled, labelled edges, both in the order the definition is written.
struct ProcessGraph: Sendable {
    /// How a vertex is drawn.
    enum Shape: Sendable {
        /// A stage: a rectangle.
        case stage
        /// An exclusive gateway: a diamond.
        case gateway
        /// A parallel split: a hexagon.
        case parallel
        /// A parallel join: a hexagon.
        case join
        /// A wait: a stadium.
        case wait
        /// An end: a double circle.
        case end
    }

    /// One node of the definition.
    struct Vertex: Sendable {
        /// The node's id in the definition.
        let id: String
        let shape: Shape
        /// The label, one entry per line.
        let lines: [String]
    }

    /// How an edge is drawn.
    enum Style: Sendable {
        /// An outcome, a gateway branch, the way on after a split, join or wait.
        case solid
        /// An interrupting deadline.
        case dashed
        /// A return to an earlier node (退回).
        case dotted
    }

    struct Edge: Sendable {
        let from: String
        let to: String
        let label: String?
        let style: Style
    }

    let workflowID: String
    let version: Int
    let vertices: [Vertex]
    let edges: [Edge]

    /// The label on edges a stage's assignee may take to return the project.
    static let returnLabel = "退回"

    init(_ definition: WorkflowDefinition) {
        workflowID = definition.id
        version = definition.version
        var vertices: [Vertex] = []
        var edges: [Edge] = []
        for node in definition.nodes {
            switch node.kind {
            case .stage(let stage):
                let notes = stage.deadlines.filter { !$0.interrupting }.map { DiagramWords.deadlineNote($0.due) }
                let kind = DiagramWords.stageKind(stage.stageKind)
                vertices.append(Vertex(id: node.id, shape: .stage,
                                       lines: (node.name == kind ? [kind] : [node.name, kind]) + notes))
                for route in stage.outcomes {
                    edges.append(Edge(from: node.id, to: route.target,
                                      label: DiagramWords.outcome(route.outcome, kind: stage.stageKind), style: .solid))
                }
                for deadline in stage.deadlines where deadline.interrupting {
                    guard let target = deadline.target else { continue }
                    edges.append(Edge(from: node.id, to: target, label: DiagramWords.deadlineEdge(deadline.due),
                                      style: .dashed))
                }
                for target in stage.returnTo {
                    edges.append(Edge(from: node.id, to: target, label: Self.returnLabel, style: .dotted))
                }
            case .exclusive(let gateway):
                vertices.append(Vertex(id: node.id, shape: .gateway, lines: [node.name]))
                for branch in gateway.branches {
                    edges.append(Edge(from: node.id, to: branch.target, label: branch.label ?? branch.condition.source,
                                      style: .solid))
                }
                if let fallback = gateway.defaultTarget {
                    edges.append(Edge(from: node.id, to: fallback, label: DiagramWords.otherwise, style: .solid))
                }
            case .parallel(let split):
                vertices.append(Vertex(id: node.id, shape: .parallel,
                                       lines: Self.named(node, DiagramWords.parallelSplit)))
                for branch in split.branches {
                    edges.append(Edge(from: node.id, to: branch, label: nil, style: .solid))
                }
            case .join(let join):
                vertices.append(Vertex(id: node.id, shape: .join, lines: Self.named(node, DiagramWords.parallelJoin)))
                edges.append(Edge(from: node.id, to: join.next, label: nil, style: .solid))
            case .wait(let wait):
                vertices.append(Vertex(id: node.id, shape: .wait, lines: [node.name, DiagramWords.wait(wait.until)]))
                edges.append(Edge(from: node.id, to: wait.next, label: nil, style: .solid))
            case .end(let end):
                vertices.append(Vertex(id: node.id, shape: .end, lines: DiagramWords.endLines(node, end)))
            }
        }
        self.vertices = vertices
        self.edges = edges
    }

    /// The node's name and `role`, or the role alone when the node has no name of its own.
    private static func named(_ node: Node, _ role: String) -> [String] {
        node.name == node.id ? [role] : [node.name, role]
    }
}
