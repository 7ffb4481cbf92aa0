/// Checks an expression's syntax tree against a symbol table when the definition loads, so that a definition
/// which loads never fails on a type at run time.
///
/// Enum-typed names compare with strings, but a string literal compared with (or looked for in) an enum must be one
/// of the enum's values: `project.category == "新建项目"` is a typo caught here.
struct ExpressionTypeChecker {
    let symbols: SymbolTable

    /// The type `node` evaluates to.
    func type(of node: ExpressionNode) throws(ExpressionError) -> ValueType {
        switch node {
        case .number: return .decimal
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        case .path(let path, let span):
            return try type(ofPath: path, at: span)
        case .list(let elements, _):
            return try type(ofList: elements)
        case .unary(let unary, let operand, _):
            let operandType = try type(of: operand)
            let expected: ValueType = unary == .not ? .bool : .decimal
            guard operandType == expected else {
                let article = unary == .not ? "a boolean" : "a decimal"
                throw ExpressionError(
                    "\"\(unary.rawValue)\" needs \(article) operand, found \(Self.name(of: operandType))",
                    at: operand.span)
            }
            return expected
        case .comparison(let binary, let left, let right, let operatorSpan):
            return try type(ofComparison: binary, left, right, operatorSpan: operatorSpan)
        case .chain(let first, let links):
            return try type(ofChain: first, links)
        }
    }

    private func type(ofPath path: String, at span: ExpressionSpan) throws(ExpressionError) -> ValueType {
        if let type = symbols[path] { return type }
        if let suggestion = symbols.suggestion(for: path) {
            throw ExpressionError("unknown name \"\(path)\"; did you mean \"\(suggestion)\"?", at: span)
        }
        let hint = symbols.types.isEmpty ? "; no names can be used here" : ""
        throw ExpressionError("unknown name \"\(path)\"\(hint)", at: span)
    }

    private func type(ofList elements: [ExpressionNode]) throws(ExpressionError) -> ValueType {
        var elementType: ValueType?
        for element in elements {
            let found = try type(of: element)
            guard let expected = elementType else {
                elementType = found
                continue
            }
            guard Self.areComparable(expected, found) else {
                throw ExpressionError(
                    "list values must all have one type: the first is \(Self.name(of: expected)), "
                        + "this one is \(Self.name(of: found))", at: element.span)
            }
            if expected != found { elementType = .string }  // Different enums, or enum and string, mix as strings.
        }
        return .list(elementType ?? .string)
    }

    // MARK: - Binary operators

    /// `a and b and c`, `a + b - c`: every operand must be a boolean (logical) or a decimal (arithmetic).
    private func type(
        ofChain first: ExpressionNode, _ links: [ExpressionNode.Link]
    ) throws(ExpressionError) -> ValueType {
        guard let firstLink = links.first else { return try type(of: first) }
        let expected: ValueType = firstLink.binary.isLogical ? .bool : .decimal
        try expect(expected, of: first, operator: firstLink.binary, side: "left")
        for link in links {
            try expect(expected, of: link.operand, operator: link.binary, side: "right")
        }
        return expected
    }

    /// Checks that an operand of `binary` has the `expected` type.
    private func expect(
        _ expected: ValueType, of operand: ExpressionNode, operator binary: ExpressionNode.BinaryOperator,
        side: String
    ) throws(ExpressionError) {
        let found = try type(of: operand)
        guard found == expected else {
            throw ExpressionError(
                "\"\(binary.rawValue)\" needs \(expected) operands, found \(Self.name(of: found)) on the \(side)",
                at: operand.span)
        }
    }

    private func type(
        ofComparison binary: ExpressionNode.BinaryOperator, _ left: ExpressionNode, _ right: ExpressionNode,
        operatorSpan: ExpressionSpan
    ) throws(ExpressionError) -> ValueType {
        let leftType = try type(of: left)
        let rightType = try type(of: right)
        let symbol = binary.rawValue
        if binary.isMembership {
            try checkMembership(symbol, left, leftType, right, rightType)
            return .bool
        }
        guard Self.areComparable(leftType, rightType) else {
            throw ExpressionError(
                "cannot compare \(Self.name(of: leftType)) with \(Self.name(of: rightType))", at: operatorSpan)
        }
        if binary.isOrdering, !(leftType == .decimal || leftType == .date) {
            throw ExpressionError(
                "\"\(symbol)\" needs two decimals or two dates, found \(Self.name(of: leftType)) and "
                    + "\(Self.name(of: rightType))", at: operatorSpan)
        }
        try checkEnumLiteral(left, against: rightType, named: right)
        try checkEnumLiteral(right, against: leftType, named: left)
        return .bool
    }

    private func checkMembership(
        _ symbol: String, _ left: ExpressionNode, _ leftType: ValueType, _ right: ExpressionNode,
        _ rightType: ValueType
    ) throws(ExpressionError) {
        guard case .list(let elementType) = rightType else {
            throw ExpressionError(
                "\"\(symbol)\" needs a list on the right, found \(Self.name(of: rightType))", at: right.span)
        }
        guard Self.areComparable(leftType, elementType) else {
            throw ExpressionError(
                "\"\(symbol)\" needs a list of \(Self.name(of: leftType)) on the right, found "
                    + "\(Self.name(of: rightType))", at: right.span)
        }
        if case .list(let elements, _) = right {
            for element in elements {
                try checkEnumLiteral(element, against: leftType, named: left)
            }
        }
        try checkEnumLiteral(left, against: elementType, named: right)
    }

    /// When `node` is a string literal and `type` an enum, the literal must be one of the enum's values.
    private func checkEnumLiteral(
        _ node: ExpressionNode, against type: ValueType, named owner: ExpressionNode
    ) throws(ExpressionError) {
        guard case .string(let text, let span) = node, case .enumeration(let values) = type,
              !values.contains(text)
        else { return }
        let ownerName: String
        if case .path(let path, _) = owner {
            ownerName = path
        } else {
            ownerName = "the enumeration"
        }
        let expected = values.map { "\"\($0)\"" }.joined(separator: ", ")
        throw ExpressionError("\"\(text)\" is not a value of \(ownerName); expected one of \(expected)", at: span)
    }

    // MARK: - Type relations

    /// Whether values of the two types can be compared with `==`: equal types, or strings and enums.
    static func areComparable(_ left: ValueType, _ right: ValueType) -> Bool {
        switch (left, right) {
        case (.string, .string), (.string, .enumeration), (.enumeration, .string), (.enumeration, .enumeration):
            return true
        case (.list(let leftElement), .list(let rightElement)):
            return areComparable(leftElement, rightElement)
        default:
            return left == right
        }
    }

    /// A short name of a type for messages: `decimal`, `enum`, `list of string`.
    static func name(of type: ValueType) -> String {
        switch type {
        case .enumeration: return "enum"
        case .list(let element): return "list of \(name(of: element))"
        default: return type.description
        }
    }
}
