/// An expression that does not parse, does not type-check, or cannot be evaluated.
///
/// `offset` and `length` point at the offending text so that the definition loader can report a file
/// line and column: `offset` counts Unicode scalars from 0 within the expression's source.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, and how to fix it.
    public let message: String
    /// Where in the source the problem starts, in Unicode scalars from 0.
    public let offset: Int
    /// How many scalars the problem spans (at least 1 where there is text to point at; 0 at the end of the source).
    public let length: Int

    /// Creates an error pointing at `length` scalars from `offset`.
    public init(message: String, offset: Int, length: Int) {
        self.message = message
        self.offset = offset
        self.length = length
    }

    /// `at offset 4: <message>`.
    public var description: String { "at offset \(offset): \(message)" }
}

extension ExpressionError {
    /// An error pointing at a span of the source.
    init(_ message: String, at span: ExpressionSpan) {
        self.init(message: message, offset: span.offset, length: span.length)
    }
}
