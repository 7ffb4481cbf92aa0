/// A layered left-to-right layout of a BPMN process for its diagram interchange (BPMNDI).
///
/// Every step is a bounded loop over the nodes and flows, never recursion: an iterative depth-first walk from the
/// start event marks the flows that lead back (returns, revision loops), each node's column is the longest path
/// to it over the other flows (in topological order), rows within a column are ordered by a fixed number of
/// barycentre sweeps, and flows are routed orthogonally: forward flows to the right through the gaps between
/// columns and rows, backward flows over the top, deadline flows from the boundary event down and along the gap
/// below its row.
struct BPMNLayout: Sendable {
    /// A rectangle in diagram coordinates (pixels, y downwards).
    struct Bounds: Sendable, Equatable {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        var midX: Int { x + width / 2 }
        var midY: Int { y + height / 2 }
        var right: Int { x + width }
        var bottom: Int { y + height }
    }

    /// A waypoint of a flow.
    struct Point: Sendable, Equatable {
        let x: Int
        let y: Int
    }

    /// The bounds of each element, by XML id.
    private(set) var shapes: [String: Bounds] = [:]
    /// The waypoints of each flow, by XML id.
    private(set) var waypoints: [String: [Point]] = [:]

    static let columnWidth = 200
    static let rowHeight = 160
    static let origin = Point(x: 200, y: 160)
    /// Barycentre sweeps (alternating down and up the columns) that order each column's rows.
    static let sweeps = 4

    init(_ process: BPMNProcess) {
        let nodes = process.elements.filter { $0.kind != .boundaryTimerEvent }
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() { index[node.id] = position }
        var host: [String: Int] = [:]
        for element in process.elements where element.kind == .boundaryTimerEvent {
            if let attached = element.attachedTo, let position = index[attached] { host[element.id] = position }
        }
        // Flows as edges between layout nodes: a boundary event's flow leaves from its task.
        var edges: [(from: Int, to: Int)] = []
        var edgeOfFlow: [Int?] = []
        for flow in process.flows {
            if let from = index[flow.source] ?? host[flow.source], let to = index[flow.target] {
                edgeOfFlow.append(edges.count)
                edges.append((from, to))
            } else {
                edgeOfFlow.append(nil)
            }
        }
        let count = nodes.count
        var outgoing = [[Int]](repeating: [], count: count)
        for (number, edge) in edges.enumerated() { outgoing[edge.from].append(number) }

        let back = Self.backEdges(count: count, edges: edges, outgoing: outgoing)
        let column = Self.columns(count: count, edges: edges, back: back)
        let row = Self.rows(count: count, edges: edges, back: back, column: column)

        for (position, node) in nodes.enumerated() {
            let (width, height) = Self.size(node.kind)
            let centre = Point(x: Self.origin.x + column[position] * Self.columnWidth,
                               y: Self.origin.y + row[position] * Self.rowHeight)
            shapes[node.id] = Bounds(x: centre.x - width / 2, y: centre.y - height / 2, width: width, height: height)
        }
        var attachedCount: [String: Int] = [:]
        for element in process.elements where element.kind == .boundaryTimerEvent {
            guard let attached = element.attachedTo, let task = shapes[attached] else { continue }
            let slot = attachedCount[attached, default: 0]
            attachedCount[attached] = slot + 1
            shapes[element.id] = Bounds(x: task.x + 2 + (slot % 3) * 40, y: task.bottom - 18, width: 36, height: 36)
        }
        for (number, flow) in process.flows.enumerated() {
            guard let edge = edgeOfFlow[number], let source = shapes[flow.source], let target = shapes[flow.target],
                  let from = index[flow.source] ?? host[flow.source], let to = index[flow.target]
            else { continue }
            let lane = number % 5 * 8
            if host[flow.source] != nil {
                // From a boundary event: down into the gap below the row, along it, then in from the left or below.
                let gap = Self.gapBelow(row[from]) + lane
                if column[to] > column[from] {
                    let entry = target.x - 20
                    waypoints[flow.id] = [Point(x: source.midX, y: source.bottom), Point(x: source.midX, y: gap),
                                          Point(x: entry, y: gap), Point(x: entry, y: target.midY),
                                          Point(x: target.x, y: target.midY)]
                } else {
                    waypoints[flow.id] = [Point(x: source.midX, y: source.bottom), Point(x: source.midX, y: gap),
                                          Point(x: target.midX, y: gap), Point(x: target.midX, y: target.bottom)]
                }
            } else if back.contains(edge) {
                // Back over the top of both rows.
                let over = Self.gapAbove(min(row[from], row[to])) - lane
                waypoints[flow.id] = [Point(x: source.midX, y: source.y), Point(x: source.midX, y: over),
                                      Point(x: target.midX, y: over), Point(x: target.midX, y: target.y)]
            } else if source.midY == target.midY && column[to] == column[from] + 1 {
                waypoints[flow.id] = [Point(x: source.right, y: source.midY), Point(x: target.x, y: target.midY)]
            } else if column[to] == column[from] + 1 {
                let middle = (source.right + target.x) / 2
                waypoints[flow.id] = [Point(x: source.right, y: source.midY), Point(x: middle, y: source.midY),
                                      Point(x: middle, y: target.midY), Point(x: target.x, y: target.midY)]
            } else {
                // Several columns ahead: along the gap below the lower row, clear of the shapes in between.
                let gap = Self.gapBelow(max(row[from], row[to])) + lane
                let exit = source.right + 20
                let entry = target.x - 20
                waypoints[flow.id] = [Point(x: source.right, y: source.midY), Point(x: exit, y: source.midY),
                                      Point(x: exit, y: gap), Point(x: entry, y: gap), Point(x: entry, y: target.midY),
                                      Point(x: target.x, y: target.midY)]
            }
        }
    }

    /// The y of the free band below row `row` (between its boundary events and the next row).
    static func gapBelow(_ row: Int) -> Int { origin.y + row * rowHeight + 70 }

    /// The y of the free band above row `row`.
    static func gapAbove(_ row: Int) -> Int { origin.y + row * rowHeight - 50 }

    /// The size of an element's shape, as BPMN modelers draw it.
    static func size(_ kind: BPMNProcess.Kind) -> (width: Int, height: Int) {
        switch kind {
        case .userTask: return (120, 80)
        case .exclusiveGateway, .parallelGateway: return (50, 50)
        case .startEvent, .endEvent, .timerCatchEvent, .boundaryTimerEvent: return (36, 36)
        }
    }

    /// The edges that close a cycle, found by an iterative depth-first walk from node 0 (the start event), then from
    /// any node not yet reached, in order.
    static func backEdges(count: Int, edges: [(from: Int, to: Int)], outgoing: [[Int]]) -> Set<Int> {
        var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on the path, 2 finished
        var back: Set<Int> = []
        for root in 0..<count where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edge = outgoing[top.node][top.next]
                    let target = edges[edge].to
                    switch state[target] {
                    case 0:
                        state[target] = 1
                        stack.append((target, 0))
                    case 1: back.insert(edge)
                    default: break
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return back
    }

    /// Each node's column: the length of the longest path to it over the edges that are not back edges.
    static func columns(count: Int, edges: [(from: Int, to: Int)], back: Set<Int>) -> [Int] {
        var indegree = [Int](repeating: 0, count: count)
        var forward = [[Int]](repeating: [], count: count)
        for (number, edge) in edges.enumerated() where !back.contains(number) {
            forward[edge.from].append(edge.to)
            indegree[edge.to] += 1
        }
        var column = [Int](repeating: 0, count: count)
        var ready = (0..<count).filter { indegree[$0] == 0 }
        var cursor = 0
        while cursor < ready.count {
            let node = ready[cursor]
            cursor += 1
            for target in forward[node] {
                column[target] = max(column[target], column[node] + 1)
                indegree[target] -= 1
                if indegree[target] == 0 { ready.append(target) }
            }
        }
        return column
    }

    /// Each node's row within its column, after `sweeps` barycentre sweeps starting from the order written.
    static func rows(count: Int, edges: [(from: Int, to: Int)], back: Set<Int>, column: [Int]) -> [Int] {
        let columns = (column.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: columns)
        for node in 0..<count { members[column[node]].append(node) }
        var predecessors = [[Int]](repeating: [], count: count)
        var successors = [[Int]](repeating: [], count: count)
        for (number, edge) in edges.enumerated() where !back.contains(number) {
            predecessors[edge.to].append(edge.from)
            successors[edge.from].append(edge.to)
        }
        var row = [Int](repeating: 0, count: count)
        for list in members { for (position, node) in list.enumerated() { row[node] = position } }
        for sweep in 0..<sweeps {
            let downwards = sweep % 2 == 0
            let order = downwards ? Array(1..<max(columns, 1)) : Array((0..<max(columns - 1, 0)).reversed())
            for current in order {
                let keyed = members[current].map { node -> (node: Int, key: Double) in
                    let neighbours = downwards ? predecessors[node] : successors[node]
                    guard !neighbours.isEmpty else { return (node, Double(row[node])) }
                    return (node, Double(neighbours.map { row[$0] }.reduce(0, +)) / Double(neighbours.count))
                }
                members[current] = keyed.enumerated().sorted {
                    ($0.element.key, $0.offset) < ($1.element.key, $1.offset)
                }.map(\.element.node)
                for (position, node) in members[current].enumerated() { row[node] = position }
            }
        }
        return row
    }
}
