import FlowCore
import Foundation
import Testing

/// The symbols of a typical approval definition.
let projectSymbols = SymbolTable(types: [
    "project.amount": .decimal,
    "project.budget": .decimal,
    "project.category": .enumeration(["新建", "升级改造", "运维"]),
    "project.secret": .bool,
    "project.receivedOn": .date,
    "project.name": .string,
    "project.missingValue": .decimal,
    "project.departments": .list(.string),
])

/// Values for `projectSymbols` (without `project.missingValue`).
let projectValues: [String: Value] = [
    "project.amount": .decimal(Decimal(string: "800.5", locale: Locale(identifier: "en_US_POSIX")) ?? 0),
    "project.budget": .decimal(1000),
    "project.category": .string("升级改造"),
    "project.secret": .bool(false),
    "project.receivedOn": .date(CivilDate(year: 2024, month: 10, day: 8) ?? CivilDate(dayNumber: 0)),
    "project.name": .string("市政务云扩容"),
    "project.departments": .list([.string("发改委"), .string("财政局")]),
]

/// Compiles against `projectSymbols` and evaluates with `values`.
func evaluate(_ source: String, _ values: [String: Value] = projectValues) throws -> Value {
    try Expression.compile(source, symbols: projectSymbols).evaluate(values)
}

func decimal(_ text: String) -> Value {
    .decimal(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan)
}

func date(_ iso: String) -> Value {
    CivilDate(iso: iso).map(Value.date) ?? .bool(false)
}

@Suite struct ExpressionTests {
    @Test func thresholdOf500WanIsInclusive() throws {
        let rule = try Expression.compile("project.amount >= 500", symbols: projectSymbols)
        #expect(rule.resultType == .bool)
        #expect(try rule.evaluate(["project.amount": .decimal(500)]) == .bool(true))
        #expect(try rule.evaluate(["project.amount": decimal("499.99")]) == .bool(false))
        #expect(rule.referencedSymbols == ["project.amount"])
        #expect(rule.description == "project.amount >= 500")
        #expect(rule.source == "project.amount >= 500")
    }

    @Test func regulationExamplesFromTheDocsCompileAsConditions() throws {
        let examples: [(String, Bool)] = [
            ("project.amount >= 500", true),
            ("project.category in [\"新建\", \"升级改造\"]", true),
            ("project.category == \"运维\"", false),
            ("project.secret", false),
            ("project.amount < 100 and project.category == \"运维\" and not project.secret", false),
            ("project.receivedOn > date(\"2024-10-07\")", true),
            ("(project.amount - project.budget) / project.budget > 0.1", false),
        ]
        for (source, expected) in examples {
            let rule = try Expression.compile(source, symbols: projectSymbols)
            #expect(rule.resultType == .bool, "\(source)")
            #expect(try rule.evaluate(projectValues) == .bool(expected), "\(source)")
        }
    }

    @Test func literalsEvaluateToTheirValues() throws {
        #expect(try evaluate("500") == .decimal(500))
        #expect(try evaluate("12.5") == decimal("12.5"))
        #expect(try evaluate("\"新建\"") == .string("新建"))
        #expect(try evaluate(#""say \"hi\" \\ bye""#) == .string(#"say "hi" \ bye"#))
        #expect(try evaluate("true") == .bool(true))
        #expect(try evaluate("false") == .bool(false))
        #expect(try evaluate("date(\"2024-10-01\")") == date("2024-10-01"))
        #expect(try evaluate("[1, 2, 3]") == .list([.decimal(1), .decimal(2), .decimal(3)]))
        #expect(try evaluate("[\"新建\", \"升级改造\"]") == .list([.string("新建"), .string("升级改造")]))
    }

    @Test func resultTypesAreInferredAtCompileTime() throws {
        func type(_ source: String) throws -> ValueType {
            try Expression.compile(source, symbols: projectSymbols).resultType
        }
        #expect(try type("project.amount * 2") == .decimal)
        #expect(try type("project.category") == .enumeration(["新建", "升级改造", "运维"]))
        #expect(try type("date(\"2024-10-01\")") == .date)
        #expect(try type("[1, 2]") == .list(.decimal))
        #expect(try type("[project.category, \"新建\"]") == .list(.string))
        #expect(try type("\"a\"") == .string)
        #expect(try type("not project.secret") == .bool)
    }

    @Test func arithmeticOperatorsOnDecimals() throws {
        #expect(try evaluate("7 + 5") == .decimal(12))
        #expect(try evaluate("7 - 10") == .decimal(-3))
        #expect(try evaluate("7 * 5") == .decimal(35))
        #expect(try evaluate("7 / 2") == decimal("3.5"))
        #expect(try evaluate("-project.budget") == .decimal(-1000))
        #expect(try evaluate("- -3") == .decimal(3))
        #expect(try evaluate("project.budget - project.amount") == decimal("199.5"))
    }

    @Test func decimalArithmeticIsExact() throws {
        #expect(try evaluate("0.1 + 0.2 == 0.3") == .bool(true))
        #expect(try evaluate("0.1 + 0.2") == decimal("0.3"))
        #expect(try evaluate("1.10 == 1.1") == .bool(true))
        #expect(try evaluate("123456789012345678.25 * 4") == decimal("493827156049382713"))
    }

    @Test func multiplicationBindsTighterThanAddition() throws {
        #expect(try evaluate("1 + 2 * 3 == 7") == .bool(true))
        #expect(try evaluate("(1 + 2) * 3") == .decimal(9))
        #expect(try evaluate("10 - 4 - 3") == .decimal(3))
        #expect(try evaluate("12 / 2 / 3") == .decimal(2))
        #expect(try evaluate("-2 * 3 + 1") == .decimal(-5))
    }

    @Test func andBindsTighterThanOrAndNotTighterThanAnd() throws {
        #expect(try evaluate("true or true and false") == .bool(true))
        #expect(try evaluate("(true or true) and false") == .bool(false))
        #expect(try evaluate("not false and false") == .bool(false))
        #expect(try evaluate("not (false and false)") == .bool(true))
        #expect(try evaluate("not 1 > 2") == .bool(true))
        #expect(try evaluate("not not true") == .bool(true))
        #expect(try evaluate("1 + 1 == 2 and 2 * 2 == 4") == .bool(true))
    }

    @Test func comparisonsOfDecimals() throws {
        #expect(try evaluate("1 < 2") == .bool(true))
        #expect(try evaluate("2 < 2") == .bool(false))
        #expect(try evaluate("2 <= 2") == .bool(true))
        #expect(try evaluate("3 <= 2") == .bool(false))
        #expect(try evaluate("3 > 2") == .bool(true))
        #expect(try evaluate("2 > 2") == .bool(false))
        #expect(try evaluate("2 >= 2") == .bool(true))
        #expect(try evaluate("1 >= 2") == .bool(false))
        #expect(try evaluate("2 == 2.0") == .bool(true))
        #expect(try evaluate("2 != 2") == .bool(false))
        #expect(try evaluate("-1 < 0") == .bool(true))
    }

    @Test func comparisonsOfDates() throws {
        #expect(try evaluate("project.receivedOn >= date(\"2024-10-01\")") == .bool(true))
        #expect(try evaluate("project.receivedOn < date(\"2024-10-08\")") == .bool(false))
        #expect(try evaluate("project.receivedOn <= date(\"2024-10-08\")") == .bool(true))
        #expect(try evaluate("project.receivedOn > date(\"2024-12-31\")") == .bool(false))
        #expect(try evaluate("project.receivedOn == date(\"2024-10-08\")") == .bool(true))
        #expect(try evaluate("date(\"2023-12-31\") < date(\"2024-01-01\")") == .bool(true))
        #expect(try evaluate("date(\"2024-02-29\") != date(\"2024-03-01\")") == .bool(true))
    }

    @Test func equalityOfStringsBooleansAndEnums() throws {
        #expect(try evaluate("project.category == \"升级改造\"") == .bool(true))
        #expect(try evaluate("\"新建\" == project.category") == .bool(false))
        #expect(try evaluate("project.category != \"运维\"") == .bool(true))
        #expect(try evaluate("project.name == \"市政务云扩容\"") == .bool(true))
        #expect(try evaluate("project.name == project.category") == .bool(false))
        #expect(try evaluate("project.secret == false") == .bool(true))
        #expect(try evaluate("[1, 2] == [1, 2.0]") == .bool(true))
    }

    @Test func membershipInLists() throws {
        #expect(try evaluate("project.category in [\"新建\", \"升级改造\"]") == .bool(true))
        #expect(try evaluate("project.category not in [\"新建\", \"升级改造\"]") == .bool(false))
        #expect(try evaluate("project.category in [\"运维\"]") == .bool(false))
        #expect(try evaluate("project.amount in [500, 800.5]") == .bool(true))
        #expect(try evaluate("3 not in [1, 2]") == .bool(true))
        #expect(try evaluate("\"财政局\" in project.departments") == .bool(true))
        #expect(try evaluate("\"审计局\" not in project.departments") == .bool(true))
        #expect(try evaluate("project.receivedOn in [date(\"2024-10-08\")]") == .bool(true))
        #expect(try evaluate("not project.category in [\"新建\"]") == .bool(true))
    }

    @Test func andShortCircuitsSoAnAbsentValueIsNotRead() throws {
        #expect(try evaluate("false and project.missingValue > 1") == .bool(false))
        #expect(try evaluate("project.secret and project.missingValue > 1") == .bool(false))
    }

    @Test func orShortCircuitsSoAnAbsentValueIsNotRead() throws {
        #expect(try evaluate("true or project.missingValue > 1") == .bool(true))
        #expect(try evaluate("project.amount > 500 or project.missingValue > 1") == .bool(true))
    }

    @Test func referencedSymbolsListEveryNamedPath() throws {
        let rule = try Expression.compile(
            "project.amount > 1 and (project.category in [\"新建\"] or -project.budget < 0)", symbols: projectSymbols)
        #expect(rule.referencedSymbols == ["project.amount", "project.category", "project.budget"])
        #expect(try Expression.compile("1 + 1", symbols: projectSymbols).referencedSymbols.isEmpty)
    }

    @Test func whitespaceAndNewlinesAreIgnored() throws {
        #expect(try evaluate("  project.amount\n>=\t500  ") == .bool(true))
        #expect(try evaluate("1+2*3") == .decimal(7))
        #expect(try evaluate("project.category in[\"新建\",\"升级改造\"]") == .bool(true))
    }

    @Test func symbolTableAcceptsUnlabelledTypes() throws {
        let symbols = SymbolTable(["a.b": .decimal])
        #expect(try Expression.compile("a.b + 1", symbols: symbols).evaluate(["a.b": .decimal(1)]) == .decimal(2))
        #expect(SymbolTable().types.isEmpty)
    }

    @Test func keywordsMayBePathSegments() throws {
        let symbols = SymbolTable(types: ["form.in": .decimal, "date": .date, "form.date": .date])
        let rule = try Expression.compile("form.in > 1", symbols: symbols)
        #expect(try rule.evaluate(["form.in": .decimal(2)]) == .bool(true))
        let day = date("2024-10-01")
        let values = ["date": day, "form.date": day]
        #expect(try Expression.compile("date == form.date", symbols: symbols).evaluate(values) == .bool(true))
    }

    @Test func longFlatExpressionsWithinTheLengthLimitCompileAndEvaluate() throws {
        let source = Array(repeating: "1", count: 2048).joined(separator: "+")
        #expect(source.unicodeScalars.count == 4095)
        #expect(try evaluate(source) == .decimal(2048))
        let conditions = Array(repeating: "project.amount > 1", count: 150).joined(separator: " and ")
        #expect(try evaluate(conditions) == .bool(true))
    }

    @Test func nestingUpToTheDepthLimitIsAccepted() throws {
        let depth = Expression.maximumDepth
        let nested = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(try evaluate(nested) == .decimal(1))
        #expect(try evaluate(String(repeating: "not ", count: depth) + "true") == .bool(true))
        let mixed = String(repeating: "-(1 + 2 * ", count: depth / 2) + "1" + String(repeating: ")", count: depth / 2)
        #expect(try evaluate(mixed).type == .decimal)
        let lists = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        #expect(try evaluate("\(lists) == \(lists)") == .bool(true))
    }
}
