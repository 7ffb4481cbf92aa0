/// The naming of values for expressions: variables as `project.<name>`, computed values as `computed.<name>`.
enum ExpressionValues {
    static func make(variables: [String: Value], computed: [String: Value]) -> [String: Value] {
        var values: [String: Value] = [:]
        for (name, value) in variables { values["project.\(name)"] = value }
        for (name, value) in computed { values["computed.\(name)"] = value }
        return values
    }
}
