import FlowCore
import Foundation
import Testing

/// Loading calendar directories: exact error messages with file, line and column, and `extends`.
@Suite struct CalendarLoadingTests {
    /// A fresh temporary directory holding `files` (name to text).
    private func directory(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("calendars-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    /// The error loading `files` reports, as its description.
    private func loadError(_ files: [String: String]) throws -> String {
        let url = try directory(files)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try CalendarLibrary.load(directory: url)
            return "loaded"
        } catch {
            return error.description.replacingOccurrences(of: url.standardizedFileURL.path + "/", with: "")
        }
    }

    /// A calendar file for 2024 whose year block has `body` as its remaining members.
    private func file2024(_ body: String, id: String = "x", year: Int = 2024) -> String {
        """
        {
            "id": "\(id)",
            "years": [
                {
                    "year": \(year),
        \(body)
                }
            ]
        }
        """
    }

    @Test func dateListedTwiceNamesBothLines() throws {
        let text = file2024("""
                    "holidays": [
                        {"name": "国庆节", "dates": ["2024-10-01", "2024-10-02"]},
                        {"name": "重阳节", "dates": ["2024-10-01"]}
                    ]
        """)
        #expect(try loadError(["x.json": text]) == "x.json:8:43: error: 2024-10-01 is listed twice (first at line 7)")
    }

    @Test func dateListedAsHolidayAndMakeUpDayIsListedTwice() throws {
        let text = file2024("""
                    "holidays": [{"name": "国庆节", "dates": ["2024-10-05"]}],
                    "workdays": [{"name": "国庆节", "dates": ["2024-10-05"]}]
        """)
        #expect(try loadError(["x.json": text]) == "x.json:7:52: error: 2024-10-05 is listed twice (first at line 6)")
    }

    @Test func makeUpWorkdayOnAWeekdayIsRefused() throws {
        let text = file2024("""
                    "workdays": [{"name": "国庆节", "dates": ["2024-10-08"]}]
        """)
        #expect(
            try loadError(["x.json": text])
                == "x.json:6:52: error: 2024-10-08 is listed as a make-up working day but is a Tuesday; "
                + "a make-up working day (调休) must be a Saturday or Sunday")
    }

    @Test func dateThatDoesNotExistIsRefused() throws {
        let text = file2024("""
                    "holidays": [{"name": "春节", "dates": ["2024-02-30"]}]
        """)
        #expect(
            try loadError(["x.json": text])
                == "x.json:6:51: error: 2024-02-30 is not a date that exists: February 2024 has 29 days")
        let malformed = file2024("""
                    "holidays": [{"name": "春节", "dates": ["2024/02/10"]}]
        """)
        #expect(
            try loadError(["x.json": malformed])
                == #"x.json:6:51: error: "2024/02/10" is not a date; write YYYY-MM-DD"#)
    }

    @Test func yearListedTwiceIsRefused() throws {
        let text = """
        {
            "id": "x",
            "years": [
                {"year": 2024},
                {"year": 2025},
                {"year": 2024}
            ]
        }
        """
        #expect(try loadError(["x.json": text]) == "x.json:6:18: error: year 2024 is listed twice (first at line 4)")
    }

    @Test func unknownFieldsAreRefusedWithTheExpectedOnes() throws {
        let inYear = file2024("""
                    "holiday": []
        """)
        #expect(
            try loadError(["x.json": inYear])
                == #"x.json:6:13: error: unknown field "holiday" in a year; expected "year", "notices", "holidays", "#
                + #""workdays""#)
        let atTop = #"{"id": "x", "years": [], "timezone": "Asia/Shanghai"}"#
        #expect(
            try loadError(["x.json": atTop])
                == #"x.json:1:26: error: unknown field "timezone" in a calendar; expected "id", "name", "extends", "#
                + #""source", "years""#)
    }

    @Test func dateFarOutsideItsYearIsRefused() throws {
        let text = file2024("""
                    "holidays": [{"name": "元旦", "dates": ["2026-01-01"]}]
        """)
        #expect(
            try loadError(["x.json": text])
                == "x.json:6:51: error: 2026-01-01 is outside the year 2024; a year may list only its own dates and "
                + "days of an adjoining year within 31 days of it (2023-12-01 to 2025-01-31)")
    }

    @Test func dayOfAdjoiningYearNearTheBoundaryIsAccepted() throws {
        let text = file2024("""
                    "holidays": [{"name": "元旦", "dates": ["2022-12-31", "2023-01-01", "2023-01-02"]}]
        """, year: 2023)
        let url = try directory(["x.json": text])
        defer { try? FileManager.default.removeItem(at: url) }
        let calendar = try #require(try CalendarLibrary.load(directory: url)["x"])
        #expect(calendar.dayKind(of: day("2022-12-31")) == .holiday("元旦"))
        // The day is known, but 2022 has no notice of its own in this calendar.
        #expect(calendar.isProvisional(day("2022-12-31")))
        #expect(!calendar.isProvisional(day("2023-01-01")))
    }

    @Test func invalidJSONIsReportedAtItsPosition() throws {
        #expect(try loadError(["x.json": "{\n    \"id\": \"x\",\n}"]) == "x.json:3:1: error: trailing comma before '}'")
    }

    @Test func missingFieldAndDuplicateIdentifierAreRefused() throws {
        #expect(try loadError(["x.json": #"{"id": "x"}"#]) == #"x.json:1:1: error: a calendar needs a field "years""#)
        let one = #"{"id": "same", "years": []}"#
        #expect(
            try loadError(["a.json": one, "b.json": one])
                == #"b.json:1:8: error: calendar "same" is also defined in a.json"#)
    }

    @Test func extendsNamingMissingCalendarIsRefused() throws {
        let local = #"{"id": "local", "extends": "cn-mainlnd", "years": []}"#
        #expect(
            try loadError(["local.json": local])
                == #"local.json:1:28: error: calendar "local" extends "cn-mainlnd", which is not defined; "#
                + #"the calendars found are "local""#)
    }

    @Test func extendsCycleIsRefused() throws {
        let first = #"{"id": "a", "extends": "b", "years": []}"#
        let second = #"{"id": "b", "extends": "a", "years": []}"#
        #expect(
            try loadError(["a.json": first, "b.json": second])
                == #"b.json:1:24: error: calendars extend each other in a cycle: "a" → "b" → "a"; "#
                + "one of them must extend none")
    }

    @Test func localCalendarAddsRestDayToNationalOne() throws {
        let national = try String(
            contentsOf: CalendarFixture.directory.appendingPathComponent("cn-mainland.json"), encoding: .utf8)
        let local = """
        {
            "id": "cn-example-city",
            "name": "Example city: national holidays and a local rest day",
            "extends": "cn-mainland",
            "years": [
                {"year": 2024, "holidays": [{"name": "地方纪念日", "dates": ["2024-10-09"]}]}
            ]
        }
        """
        let url = try directory(["cn-mainland.json": national, "cn-example-city.json": local])
        defer { try? FileManager.default.removeItem(at: url) }
        let library = try CalendarLibrary.load(directory: url)
        let city = try #require(library["cn-example-city"])
        #expect(library.ids == ["cn-example-city", "cn-mainland"])
        #expect(city.ancestry == ["cn-mainland"])
        #expect(city.coveredYears == Set(2020...2026))
        #expect(city.dayKind(of: day("2024-10-09")) == .holiday("地方纪念日"))
        #expect(city.dayKind(of: day("2024-10-01")) == .holiday("国庆节"))
        #expect(PeriodCalculator(calendar: city).due(.workdays(5), after: day("2024-09-27")).date == day("2024-10-11"))
        #expect(due("2024-09-27", .workdays(5)) == "2024-10-10")
    }

    @Test func errorsNameTheFileAsGivenWithLineAndColumn() {
        let file = CalendarLibrary.SourceFile(
            path: "workflows/calendars/x.json",
            text: """
                {
                    "id": "x",
                    "years": [
                        {
                            "year": 2024,
                            "holidays": [
                                {"name": "国庆节", "dates": ["2024-10-01"]}
                            ],
                            "workdays": [
                                {"name": "国庆节", "dates": ["2024-10-01"]}
                            ]
                        }
                    ]
                }
                """)
        #expect(throws: CalendarLoadError(
            path: "workflows/calendars/x.json", location: SourceLocation(line: 10, column: 43),
            message: "2024-10-01 is listed twice (first at line 7)")) {
            try CalendarLibrary.load(files: [file])
        }
    }
}
