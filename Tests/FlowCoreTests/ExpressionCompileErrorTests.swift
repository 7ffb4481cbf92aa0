import FlowCore
import Foundation
import Testing

/// The error `Expression.compile` throws for `source`, or `nil` when it compiles.
func compileError(_ source: String, symbols: SymbolTable = projectSymbols) -> ExpressionError? {
    do {
        _ = try Expression.compile(source, symbols: symbols)
        return nil
    } catch {
        return error
    }
}

/// Expects compiling `source` to fail with exactly this message, offset and length.
func expectCompileError(
    _ source: String, _ message: String, offset: Int, length: Int, symbols: SymbolTable = projectSymbols,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let expected = ExpressionError(message: message, offset: offset, length: length)
    #expect(compileError(source, symbols: symbols) == expected, sourceLocation: sourceLocation)
}

@Suite struct ExpressionCompileErrorTests {
    // MARK: - Names

    @Test func unknownNameSuggestsTheNearestKnownPath() {
        expectCompileError("project.amout > 1", "unknown name \"project.amout\"; did you mean \"project.amount\"?",
                           offset: 0, length: 13)
        expectCompileError("project.amuont > 1", "unknown name \"project.amuont\"; did you mean \"project.amount\"?",
                           offset: 0, length: 14)
        expectCompileError("1 < project.budgte", "unknown name \"project.budgte\"; did you mean \"project.budget\"?",
                           offset: 4, length: 14)
    }

    @Test func unknownNameWithoutItsPrefixSuggestsTheFullPath() {
        expectCompileError("amount >= 500", "unknown name \"amount\"; did you mean \"project.amount\"?",
                           offset: 0, length: 6)
    }

    @Test func unknownNameFarFromEveryPathHasNoSuggestion() {
        expectCompileError("applicant.city == \"上饶\"", "unknown name \"applicant.city\"", offset: 0, length: 14)
        expectCompileError("x", "unknown name \"x\"; no names can be used here", offset: 0, length: 1,
                           symbols: SymbolTable())
    }

    // MARK: - Types

    @Test func comparingDifferentTypesIsRejected() {
        expectCompileError("project.amount > \"500\"", "cannot compare decimal with string", offset: 15, length: 1)
        expectCompileError("project.amount == true", "cannot compare decimal with boolean", offset: 15, length: 2)
        expectCompileError("project.receivedOn > 5", "cannot compare date with decimal", offset: 19, length: 1)
        expectCompileError("project.category != 1", "cannot compare enum with decimal", offset: 17, length: 2)
    }

    @Test func orderingNeedsDecimalsOrDates() {
        expectCompileError("project.name < \"b\"", "\"<\" needs two decimals or two dates, found string and string",
                           offset: 13, length: 1)
        expectCompileError("true >= false", "\">=\" needs two decimals or two dates, found boolean and boolean",
                           offset: 5, length: 2)
    }

    @Test func stringLiteralOutsideEnumIsRejectedWithItsValues() {
        let message =
            "\"新建项目\" is not a value of project.category; expected one of \"新建\", \"升级改造\", \"运维\""
        expectCompileError("project.category == \"新建项目\"", message, offset: 20, length: 6)
        expectCompileError("\"新建项目\" != project.category", message, offset: 0, length: 6)
    }

    @Test func stringLiteralInListOutsideEnumIsRejectedWithItsValues() {
        expectCompileError(
            "project.category in [\"新建\", \"扩建\"]",
            "\"扩建\" is not a value of project.category; expected one of \"新建\", \"升级改造\", \"运维\"",
            offset: 27, length: 4)
    }

    @Test func listValuesMustShareOneType() {
        expectCompileError("project.amount in [1, \"2\"]",
                           "list values must all have one type: the first is decimal, this one is string",
                           offset: 22, length: 3)
    }

    @Test func membershipNeedsAListOfTheLeftSidesType() {
        expectCompileError("project.amount in [\"1\"]",
                           "\"in\" needs a list of decimal on the right, found list of string", offset: 18, length: 5)
        expectCompileError("project.amount in 5", "\"in\" needs a list on the right, found decimal",
                           offset: 18, length: 1)
        expectCompileError("project.amount not in project.departments",
                           "\"not in\" needs a list of decimal on the right, found list of string",
                           offset: 22, length: 19)
    }

    @Test func logicalOperatorsNeedBooleans() {
        expectCompileError("project.amount and true", "\"and\" needs boolean operands, found decimal on the left",
                           offset: 0, length: 14)
        expectCompileError("true or 1", "\"or\" needs boolean operands, found decimal on the right",
                           offset: 8, length: 1)
        expectCompileError("true and true and \"x\"", "\"and\" needs boolean operands, found string on the right",
                           offset: 18, length: 3)
        expectCompileError("not project.amount", "\"not\" needs a boolean operand, found decimal",
                           offset: 4, length: 14)
    }

    @Test func arithmeticNeedsDecimals() {
        expectCompileError("project.amount + \"1\"", "\"+\" needs decimal operands, found string on the right",
                           offset: 17, length: 3)
        expectCompileError("project.receivedOn - 1", "\"-\" needs decimal operands, found date on the left",
                           offset: 0, length: 18)
        expectCompileError("2 * 3 / project.secret", "\"/\" needs decimal operands, found boolean on the right",
                           offset: 8, length: 14)
        expectCompileError("-project.name", "\"-\" needs a decimal operand, found string", offset: 1, length: 12)
    }

    // MARK: - Syntax

    @Test func emptySourceNeedsAnExpression() {
        expectCompileError("", "expected an expression", offset: 0, length: 0)
        expectCompileError("   ", "expected an expression", offset: 3, length: 0)
    }

    @Test func missingOperandIsReportedAfterTheOperator() {
        expectCompileError("1 +", "expected an expression after \"+\"", offset: 3, length: 0)
        expectCompileError("1 + * 2", "expected an expression, found \"*\"", offset: 4, length: 1)
        expectCompileError("and true", "expected an expression, found \"and\"", offset: 0, length: 3)
        expectCompileError("1 == not true",
                           "\"not\" cannot stand here; put the negated condition in parentheses: (not ...)",
                           offset: 5, length: 3)
    }

    @Test func trailingTokensAreRejected() {
        expectCompileError("project.amount > 1 2",
                           "expected an operator or the end of the expression, found \"2\"", offset: 19, length: 1)
        expectCompileError("project.secret project.secret",
                           "expected an operator or the end of the expression, found \"project.secret\"",
                           offset: 15, length: 14)
    }

    @Test func unbalancedParenthesesPointAtTheUnmatchedOne() {
        expectCompileError("(1 + 2", "unclosed \"(\"; add a matching \")\"", offset: 0, length: 1)
        expectCompileError("1 + 2)", "unmatched \")\"; remove it or add a \"(\" before it", offset: 5, length: 1)
        expectCompileError("(1 + 2 3", "expected \")\" to close the \"(\" at offset 0, found \"3\"",
                           offset: 7, length: 1)
    }

    @Test func unbalancedBracketsPointAtTheUnmatchedOne() {
        expectCompileError("[1, 2", "unclosed \"[\"; add a matching \"]\"", offset: 0, length: 1)
        expectCompileError("[1 2]", "expected \",\" or \"]\" to close the \"[\" at offset 0, found \"2\"",
                           offset: 3, length: 1)
        expectCompileError("1 in []", "a list needs at least one value, e.g. [\"新建\"]", offset: 5, length: 2)
    }

    @Test func chainedComparisonsAreRejected() {
        let message = "comparisons cannot be chained; join them with \"and\", e.g. \"a < b and b < c\""
        expectCompileError("1 < 2 < 3", message, offset: 6, length: 1)
        expectCompileError("project.secret == true == false", message, offset: 23, length: 2)
        expectCompileError("1 == 1 not in [true]", message, offset: 7, length: 6)
    }

    @Test func operatorsFromOtherLanguagesNameTheRightSpelling() {
        expectCompileError("project.secret && true", "\"&&\" is not an operator; write \"and\"", offset: 15, length: 2)
        expectCompileError("true || false", "\"||\" is not an operator; write \"or\"", offset: 5, length: 2)
        expectCompileError("!project.secret", "\"!\" is not an operator; write \"not\"", offset: 0, length: 1)
        expectCompileError("project.amount = 5", "\"=\" is not an operator; write \"==\" to compare",
                           offset: 15, length: 1)
        expectCompileError("1 <> 2", "\"<>\" is not an operator; write \"!=\"", offset: 2, length: 2)
        expectCompileError("true & false", "\"&\" is not an operator; write \"and\"", offset: 5, length: 1)
    }

    @Test func uppercaseKeywordsNameTheLowercaseSpelling() {
        expectCompileError("true AND false", "\"AND\" is not an operator; write \"and\"", offset: 5, length: 3)
        expectCompileError("Not true", "\"Not\" is not an operator; write \"not\"", offset: 0, length: 3)
        expectCompileError("project.category IN [\"新建\"]", "\"IN\" is not an operator; write \"in\"",
                           offset: 17, length: 2)
        expectCompileError("TRUE", "\"TRUE\" is not a value; write \"true\"", offset: 0, length: 4)
    }

    @Test func unterminatedStringPointsAtItsOpeningQuote() {
        expectCompileError("project.name == \"abc", "unterminated string; add a closing \" at its end",
                           offset: 16, length: 1)
        expectCompileError("project.name == \"abc\\\"", "unterminated string; add a closing \" at its end",
                           offset: 16, length: 1)
        expectCompileError("\"abc\\", "unterminated string; add a closing \" at its end", offset: 0, length: 1)
    }

    @Test func unknownEscapeIsRejected() {
        expectCompileError("\"a\\nb\"", "unknown escape \"\\n\"; only \\\" and \\\\ are allowed in strings",
                           offset: 2, length: 2)
    }

    @Test func charactersOutsideTheLanguageAreRejected() {
        expectCompileError("project.amount > 1 #", "unexpected character \"#\"", offset: 19, length: 1)
        expectCompileError("'新建'", "strings are written in double quotes: \"...\", not '...'", offset: 0, length: 1)
        expectCompileError("项目金额 > 5",
                           "unexpected character \"项\"; names use ASCII letters, digits and \"_\", "
                               + "and text must be in double quotes", offset: 0, length: 1)
    }

    @Test func fullWidthPunctuationNamesTheAsciiCharacter() {
        expectCompileError("project.category == “新建”",
                           "\"“\" is a full-width character; write the ASCII \" instead", offset: 20, length: 1)
        expectCompileError("（1 + 2）", "\"（\" is a full-width character; write the ASCII ( instead",
                           offset: 0, length: 1)
    }

    @Test func malformedNumbersAndPathsAreRejected() {
        expectCompileError("12abc", "\"12abc\" is not a number or a name; names cannot start with a digit",
                           offset: 0, length: 5)
        expectCompileError("1. + 2", "\"1.\" is not a number; write digits, a point, then digits: 12.5",
                           offset: 0, length: 2)
        expectCompileError("project..amount", "expected a name after \".\" in \"project.\"", offset: 7, length: 1)
        expectCompileError("project.amount.", "expected a name after \".\" in \"project.amount.\"",
                           offset: 14, length: 1)
        let digits = String(repeating: "9", count: 31)
        expectCompileError(digits, "\(digits) has too many digits; at most 30 are allowed", offset: 0, length: 31)
    }

    @Test func dateLiteralIsCheckedAtCompileTime() {
        expectCompileError("date(\"2024-02-30\")",
                           "\"2024-02-30\" is not a valid date; write date(\"YYYY-MM-DD\") with a real day",
                           offset: 5, length: 12)
        expectCompileError("date(\"2024-1-1\")",
                           "\"2024-1-1\" is not a valid date; write date(\"YYYY-MM-DD\") with a real day",
                           offset: 5, length: 10)
        expectCompileError("date(20241001)",
                           "date(...) needs a date in double quotes, e.g. date(\"2024-10-01\"), found \"20241001\"",
                           offset: 5, length: 8)
        expectCompileError("date(\"2024-10-01\"", "unclosed \"(\"; add a matching \")\"", offset: 4, length: 1)
    }

    @Test func callsOtherThanDateAreRejected() {
        expectCompileError("max(1, 2)", "\"max\" is not a function; the only function is date(\"YYYY-MM-DD\")",
                           offset: 0, length: 3)
    }

    // MARK: - Limits

    @Test func sourceLongerThan4096ScalarsIsRejected() {
        let source = String(repeating: "1", count: 4097)
        expectCompileError(source, "the expression is too long: 4097 characters, at most 4096 allowed",
                           offset: 4096, length: 1)
    }

    @Test func nestingDeeperThan64IsAnErrorNotAStackOverflow() {
        let message = "the expression is nested too deeply (more than 64 levels); simplify it"
        let parentheses = String(repeating: "(", count: 65) + "1" + String(repeating: ")", count: 65)
        expectCompileError(parentheses, message, offset: 64, length: 1)
        expectCompileError(String(repeating: "not ", count: 65) + "true", message, offset: 256, length: 3)
        expectCompileError(String(repeating: "-", count: 65) + "1", message, offset: 64, length: 1)
        expectCompileError(String(repeating: "[", count: 65) + "1" + String(repeating: "]", count: 65), message,
                           offset: 64, length: 1)
        let hostile = String(repeating: "(", count: 4000)
        expectCompileError(hostile, message, offset: 64, length: 1)
    }
}
