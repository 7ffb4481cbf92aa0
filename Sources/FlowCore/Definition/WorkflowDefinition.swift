/// A jurisdiction's approval process, loaded and validated from its JSON file.
///
/// A value of this type is always valid: `DefinitionLoader` returns one only when it found no problem, so the
/// engine never meets a dangling reference, an unknown stage kind or an expression that does not type-check.
public struct WorkflowDefinition: Sendable {
    /// The workflow's identifier, e.g. "tinghu"; with `version` it names one deployable definition.
    public let id: String
    /// The definition's version, a positive integer; running projects keep the version they started on.
    public let version: Int
    /// A title for people.
    public let title: String
    /// The county, district or city whose process this is.
    public let jurisdiction: Jurisdiction
    /// The regulation the process implements.
    public let regulation: Regulation
    /// The identifier of the working calendar its periods are counted in (e.g. "cn-mainland").
    public let calendar: String
    /// How an event on a rest day counts (see `RestDayConvention`).
    public let restDayConvention: RestDayConvention
    /// The project variables, in declaration order.
    public let variables: [VariableDeclaration]
    /// Values computed from the variables, in declaration order; expressions name them `computed.<name>`.
    public let computed: [ComputedValue]
    /// The node a project starts at.
    public let start: String
    /// The nodes in the order written.
    public let nodes: [Node]
    /// For each parallel split, the nodes inside its block (between the split and its join).
    public let parallelBlocks: ParallelBlocks

    private let nodeIndex: [String: Int]

    init(
        id: String, version: Int, title: String, jurisdiction: Jurisdiction, regulation: Regulation,
        calendar: String, restDayConvention: RestDayConvention, variables: [VariableDeclaration],
        computed: [ComputedValue], start: String, nodes: [Node], parallelBlocks: ParallelBlocks
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.jurisdiction = jurisdiction
        self.regulation = regulation
        self.calendar = calendar
        self.restDayConvention = restDayConvention
        self.variables = variables
        self.computed = computed
        self.start = start
        self.nodes = nodes
        self.parallelBlocks = parallelBlocks
        self.nodeIndex = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($0.element.id, $0.offset) })
    }

    /// The node with this id, if there is one.
    public func node(_ id: String) -> Node? {
        nodeIndex[id].map { nodes[$0] }
    }

    /// The declaration of a project variable, if there is one.
    public func variable(_ name: String) -> VariableDeclaration? {
        variables.first { $0.name == name }
    }

    /// The types expressions may name: `project.<variable>` and `computed.<name>`.
    public var symbols: SymbolTable {
        var types: [String: ValueType] = [:]
        for variable in variables { types["project.\(variable.name)"] = variable.type }
        for value in computed { types["computed.\(value.name)"] = value.expression.resultType }
        return SymbolTable(types)
    }
}

/// The administrative area whose process a definition is.
public struct Jurisdiction: Hashable, Sendable, Codable {
    /// The name, e.g. "盐城市亭湖区".
    public let name: String
    /// The six-digit administrative division code (行政区划代码), e.g. "320902".
    public let code: String
}

/// The regulation a definition implements.
public struct Regulation: Hashable, Sendable, Codable {
    /// The regulation's title, e.g. "盐城市亭湖区政务信息化项目建设管理办法（试行）".
    public let title: String
    /// Its document number (文号), if it has one.
    public let document: String?
    /// Where to read it, if published online.
    public let url: String?
}

/// A project variable the definition declares, such as the amount in 万元.
public struct VariableDeclaration: Hashable, Sendable {
    /// The name; expressions refer to it as `project.<name>`.
    public let name: String
    /// The type values must have.
    public let type: ValueType
    /// A description for people (e.g. "项目总投资").
    public let description: String?
    /// The unit of a number, e.g. "万元".
    public let unit: String?
    /// The smallest allowed value of a decimal, if any.
    public let minimum: Value?
    /// The largest allowed value of a decimal, if any.
    public let maximum: Value?
    /// The value used when a project does not give one; a variable without a default is required.
    public let defaultValue: Value?
}

/// A value computed from the variables when a project starts, e.g. `"large": "project.amount >= 500"`.
public struct ComputedValue: Sendable {
    public let name: String
    public let expression: Expression
}
