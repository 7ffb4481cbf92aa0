import Foundation

extension DefinitionLoader {
    static let variableTypes = ["decimal", "string", "boolean", "date", "enum"]

    /// Reads `"variables"`: each member declares one project variable.
    func readVariables(_ reader: ObjectReader) -> [VariableDeclaration] {
        guard let object = reader.object("variables", required: false, what: "\"variables\"") else { return [] }
        var declarations: [VariableDeclaration] = []
        for member in object.element.members ?? [] {
            let path = object.path.appending(member.key)
            guard DefinitionLoader.isVariableName(member.key) else {
                reader.sink.report(.invalidValue,
                                   "\"\(member.key)\" is not a valid variable name: use ASCII letters, digits and "
                                       + "underscores, starting with a letter (e.g. \"amount\")",
                                   at: member.keyLocation, path: path)
                continue
            }
            if let declaration = readVariable(member.key, member.value, path: path, sink: reader.sink) {
                declarations.append(declaration)
            }
        }
        return declarations
    }

    private func readVariable(_ name: String, _ element: JSONElement, path: JSONPath, sink: DiagnosticSink)
        -> VariableDeclaration?
    {
        guard let reader = ObjectReader(element, path: path, what: "variable \"\(name)\"", sink: sink) else {
            return nil
        }
        reader.rejectUnknownFields(allowed: ["type", "values", "description", "unit", "minimum", "maximum", "default"])
        guard let typeName = reader.string("type", required: true) else { return nil }
        let type: ValueType
        switch typeName {
        case "decimal": type = .decimal
        case "string": type = .string
        case "boolean": type = .bool
        case "date": type = .date
        case "enum":
            guard let elements = reader.array("values", required: true) else { return nil }
            let values = elements.compactMap(\.string)
            guard values.count == elements.count, !values.isEmpty, Set(values).count == values.count else {
                sink.report(.invalidValue, "\"values\" of an enum must be a non-empty list of distinct strings",
                            at: reader.element("values", required: false) ?? element, path: path.appending("values"))
                return nil
            }
            type = .enumeration(values)
        default:
            if let typeElement = reader.element("type", required: false) {
                sink.report(.invalidValue,
                            Suggestion.unknown("variable type", typeName, among: DefinitionLoader.variableTypes,
                                               plural: "types"),
                            at: typeElement, path: path.appending("type"))
            }
            return nil
        }
        if typeName != "enum", let values = reader.element("values", required: false) {
            sink.report(.invalidValue, "\"values\" applies only to variables of type \"enum\"",
                        at: values, path: path.appending("values"))
        }
        let minimum = readBound("minimum", of: type, reader)
        let maximum = readBound("maximum", of: type, reader)
        let defaultValue = reader.element("default", required: false).flatMap {
            DefinitionLoader.value(of: $0, as: type, path: path.appending("default"), sink: sink)
        }
        return VariableDeclaration(
            name: name, type: type, description: reader.string("description", required: false),
            unit: reader.string("unit", required: false), minimum: minimum, maximum: maximum,
            defaultValue: defaultValue)
    }

    private func readBound(_ key: String, of type: ValueType, _ reader: ObjectReader) -> Value? {
        guard let element = reader.element(key, required: false) else { return nil }
        guard type == .decimal else {
            reader.sink.report(.invalidValue, "\"\(key)\" applies only to variables of type \"decimal\"",
                               at: element, path: reader.path.appending(key))
            return nil
        }
        return DefinitionLoader.value(of: element, as: .decimal, path: reader.path.appending(key), sink: reader.sink)
    }

    /// Reads `"computed"`: each member is an expression over the variables.
    func readComputed(_ reader: ObjectReader, symbols: SymbolTable) -> [ComputedValue] {
        guard let object = reader.object("computed", required: false, what: "\"computed\"") else { return [] }
        var values: [ComputedValue] = []
        for member in object.element.members ?? [] {
            let path = object.path.appending(member.key)
            guard DefinitionLoader.isVariableName(member.key) else {
                reader.sink.report(.invalidValue, "\"\(member.key)\" is not a valid computed value name: use ASCII "
                                       + "letters, digits and underscores, starting with a letter",
                                   at: member.keyLocation, path: path)
                continue
            }
            if let expression = DefinitionLoader.expression(in: member.value, path: path, symbols: symbols,
                                                            expecting: nil, sink: reader.sink) {
                values.append(ComputedValue(name: member.key, expression: expression))
            }
        }
        return values
    }

    /// Compiles the expression written in a string element, reporting problems at their exact column.
    static func expression(in element: JSONElement, path: JSONPath, symbols: SymbolTable, expecting: ValueType?,
                           sink: DiagnosticSink) -> Expression?
    {
        guard let source = element.string else {
            sink.report(.wrongType, "an expression must be written as a string, found \(element.value.kindDescription)",
                        at: element, path: path)
            return nil
        }
        do {
            let expression = try Expression.compile(source, symbols: symbols)
            if let expecting, expression.resultType != expecting {
                sink.report(.invalidExpression,
                            "\"\(Excerpt.of(source))\" is a \(expression.resultType) expression; a \(expecting) is "
                                + "needed here",
                            at: element, path: path)
                return nil
            }
            return expression
        } catch {
            // The opening quote is one column; the offset counts scalars inside the string.
            sink.report(.invalidExpression, "in \"\(Excerpt.of(source))\": \(error.message)",
                        at: element.location.advanced(byColumns: 1 + error.offset), path: path)
            return nil
        }
    }

    /// A JSON value converted to a value of `type`, or `nil` after reporting a mismatch.
    static func value(of element: JSONElement, as type: ValueType, path: JSONPath, sink: DiagnosticSink) -> Value? {
        if let value = Value(json: element.value, as: type) { return value }
        sink.report(.wrongType, "expected a \(type) value, found \(Excerpt.of("\(element.value)"))", at: element,
                    path: path)
        return nil
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first,
              ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}

extension Value {
    /// The JSON value read as a value of `type`: a number for a decimal, a `YYYY-MM-DD` string for a date, one of
    /// the listed strings for an enum; `nil` when it does not fit.
    public init?(json: JSONValue, as type: ValueType) {
        switch (type, json) {
        case (.decimal, .number):
            guard let number = json.decimalValue else { return nil }
            self = .decimal(number)
        case (.string, .string(let text)):
            self = .string(text)
        case (.enumeration(let values), .string(let text)):
            guard values.contains(text) else { return nil }
            self = .string(text)
        case (.bool, .bool(let flag)):
            self = .bool(flag)
        case (.date, .string(let text)):
            guard let date = CivilDate(iso: text) else { return nil }
            self = .date(date)
        case (.list(let elementType), .array(let elements)):
            var values: [Value] = []
            for element in elements {
                guard let value = Value(json: element, as: elementType) else { return nil }
                values.append(value)
            }
            self = .list(values)
        default:
            return nil
        }
    }
}


