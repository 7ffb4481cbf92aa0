extension WorkflowDefinition {
    /// The project's variables checked against the declarations: every required one present, each of its type
    /// and within its bounds, no undeclared one. Defaults fill in what is missing.
    public func bind(variables: [String: JSONValue]) throws(EngineError) -> [String: Value] {
        var problems: [String] = []
        var values: [String: Value] = [:]
        for name in variables.keys.sorted() where variable(name) == nil {
            problems.append("\"\(name)\" is not a declared variable\(Suggestion.hint(for: name, in: self.variables.map(\.name)))")
        }
        for declaration in self.variables {
            guard let json = variables[declaration.name] else {
                if let defaultValue = declaration.defaultValue {
                    values[declaration.name] = defaultValue
                } else {
                    problems.append("\"\(declaration.name)\" is required (\(declaration.type))")
                }
                continue
            }
            guard let value = Value(json: json, as: declaration.type) else {
                problems.append("\"\(declaration.name)\" must be \(Self.expectation(declaration.type)), found \(json)")
                continue
            }
            if case .decimal(let number) = value {
                if case .decimal(let minimum)? = declaration.minimum, number < minimum {
                    problems.append("\"\(declaration.name)\" must be at least \(minimum), found \(number)")
                    continue
                }
                if case .decimal(let maximum)? = declaration.maximum, number > maximum {
                    problems.append("\"\(declaration.name)\" must be at most \(maximum), found \(number)")
                    continue
                }
            }
            values[declaration.name] = value
        }
        guard problems.isEmpty else { throw .invalidVariables(problems) }
        return values
    }

    /// "a decimal", "a list of string", or for an enumeration `one of "a", "b"`.
    static func expectation(_ type: ValueType) -> String {
        switch type {
        case .enumeration(let values): return "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        case .list(let element):
            if case .enumeration = element { return "a list whose items are each " + expectation(element) }
            return "a \(type)"
        default: return "a \(type)"
        }
    }
}
