/// One problem found in a definition: where it is, what is wrong, and a stable code tools can rely on.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Stable identifiers of the problems the loader and validator report.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        case malformedJSON = "malformed-json"
        case duplicateKey = "duplicate-key"
        case unknownField = "unknown-field"
        case missingField = "missing-field"
        case wrongType = "wrong-type"
        case invalidValue = "invalid-value"
        case duplicateID = "duplicate-id"
        case missingNode = "missing-node"
        case unreachableNode = "unreachable-node"
        case noPathToEnd = "no-path-to-end"
        case joinDeadlock = "join-deadlock"
        case joinNeverFires = "join-never-fires"
        case gatewayFallThrough = "gateway-fall-through"
        case automaticCycle = "automatic-cycle"
        case unknownStageKind = "unknown-stage-kind"
        case invalidParameter = "invalid-parameter"
        case unroutedOutcome = "unrouted-outcome"
        case unknownOutcome = "unknown-outcome"
        case invalidPeriod = "invalid-period"
        case invalidExpression = "invalid-expression"
        case unknownCalendar = "unknown-calendar"
    }

    /// What kind of problem this is.
    public let code: Code
    /// What is wrong and how to fix it.
    public let message: String
    /// The file, as the caller named it.
    public let file: String
    /// Where in the file.
    public let location: SourceLocation
    /// Where in the document.
    public let path: JSONPath

    public init(code: Code, message: String, file: String, location: SourceLocation, path: JSONPath) {
        self.code = code
        self.message = message
        self.file = file
        self.location = location
        self.path = path
    }

    /// The compiler-style line: `file:line:col: error: message [code] at $.path`.
    public var description: String {
        "\(file):\(location.line):\(location.column): error: \(message) [\(code.rawValue)] at \(path)"
    }
}

/// A definition that could not be loaded, with every problem found (never only the first).
public struct DefinitionError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
