/// A stage node's parameters as its kind read them when the definition loaded, kept with the node so that no call
/// reads them again. Only the kind that made it can open it.
public struct StageParameters: Sendable {
    /// The identifier of the kind that read the parameters.
    public let kind: String
    /// The kind's `Parameters` value.
    let value: any Sendable

    init(kind: String, value: any Sendable) {
        self.kind = kind
        self.value = value
    }
}

extension StageKind {
    /// Reads a node's `"parameters"` with `readParameters(_:)`: the value to keep with the node, or every problem
    /// found. A kind that returns `nil` without reporting a problem is given one, so a node is never left without
    /// parameters and without a reason.
    public func readParameters(json parameters: JSONValue, symbols: SymbolTable? = nil)
        -> (StageParameters?, [ParameterProblem])
    {
        var reader = ParameterReader(parameters, symbols: symbols)
        let value = readParameters(&reader)
        guard let value, reader.problems.isEmpty else {
            let problems = reader.problems.isEmpty
                ? [ParameterProblem(path: .root, message: "the parameters could not be read")] : reader.problems
            return (nil, problems)
        }
        return (StageParameters(kind: identifier, value: value), [])
    }

    /// The outcomes the kind declares for parameters it read.
    public func outcomes(of parameters: StageParameters) -> [String] {
        outcomes(for: typed(parameters))
    }

    /// The kind's own `Parameters` inside the box. A box from another kind means the definition was loaded against
    /// another registry: a programming error.
    func typed(_ parameters: StageParameters) -> Parameters {
        guard let value = parameters.value as? Parameters else {
            preconditionFailure("parameters read by stage kind \"\(parameters.kind)\" handed to \"\(identifier)\"; "
                                    + "the definition was loaded against another registry")
        }
        return value
    }
}
