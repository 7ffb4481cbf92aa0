import FlowCore
import Foundation
import Testing

/// The error evaluating `source` with `values` throws, or `nil` when it succeeds (or does not compile).
func evaluationError(_ source: String, _ values: [String: Value] = projectValues) -> ExpressionError? {
    guard let expression = try? Expression.compile(source, symbols: projectSymbols) else { return nil }
    do {
        _ = try expression.evaluate(values)
        return nil
    } catch {
        return error
    }
}

@Suite struct ExpressionEvaluationErrorTests {
    @Test func divisionByZeroPointsAtTheDivision() {
        let expected = ExpressionError(message: "division by zero: the right side of \"/\" is 0", offset: 15, length: 1)
        #expect(evaluationError("project.amount / (project.budget - 1000)") == expected)
        #expect(evaluationError("1 / 0.0") == ExpressionError(
            message: "division by zero: the right side of \"/\" is 0", offset: 2, length: 1))
    }

    @Test func missingValueNamesThePath() {
        #expect(evaluationError("project.missingValue > 1") == ExpressionError(
            message: "project.missingValue has no value", offset: 0, length: 20))
        #expect(evaluationError("true and project.missingValue > 1") == ExpressionError(
            message: "project.missingValue has no value", offset: 9, length: 20))
        #expect(evaluationError("project.amount > 1", [:]) == ExpressionError(
            message: "project.amount has no value", offset: 0, length: 14))
    }

    @Test func valueOfTheWrongTypeIsRejected() {
        #expect(evaluationError("project.amount > 1", ["project.amount": .string("八百")]) == ExpressionError(
            message: "project.amount has the value \"八百\", but its type is decimal", offset: 0, length: 14))
        let values: [String: Value] = ["project.departments": .list([.decimal(1)])]
        #expect(evaluationError("\"财政局\" in project.departments", values) == ExpressionError(
            message: "project.departments has the value [1], but its type is list of string", offset: 9, length: 19))
    }

    @Test func enumValueOutsideItsValuesIsRejected() {
        let values: [String: Value] = ["project.category": .string("扩建")]
        #expect(evaluationError("project.category == \"新建\"", values) == ExpressionError(
            message: "project.category has the value \"扩建\", which is not one of \"新建\", \"升级改造\", \"运维\"",
            offset: 0, length: 16))
    }

    @Test func decimalOverflowIsAnErrorNotNaN() {
        let factor = String(repeating: "9", count: 29)
        let source = Array(repeating: factor, count: 7).joined(separator: " * ")
        let error = evaluationError(source)
        #expect(error?.message == "the result of \"*\" is too large for a decimal")
        #expect(error?.length == 1)
        if let offset = error?.offset {
            let scalars = Array(source.unicodeScalars)
            #expect(scalars[offset] == "*")
        }
    }

    @Test func divisionRoundsToThirtyEightSignificantDigits() throws {
        let third = try evaluate("1 / 3")
        #expect(third == decimal("0.33333333333333333333333333333333333333"))
        #expect(try evaluate("1 / 3 * 3 == 1") == .bool(false))
        #expect(try evaluate("10 / 4 == 2.5") == .bool(true))
    }
}
