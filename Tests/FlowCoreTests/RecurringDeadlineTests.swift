import FlowCore
import Foundation
import Testing

/// Deadlines on a recurring due day: "每月20日前报送" is `"on": "monthly 20"`, due on the next 20th (moved past
/// rest days), counted afresh each time the stage is entered.
@Suite struct RecurringDeadlineTests {
    static func document(on: String) -> String {
        Fixtures.document(nodes: """
            \(Fixtures.task("review", outcomes: ["submit": "review", "finish": "done"],
                            deadlines: #"[{"id": "monthly-report", "on": "\#(on)", "interrupting": false, "remindBefore": ["1 workday"]}]"#)),
            {"id": "done", "type": "end", "result": "done"}
            """)
    }

    @Test func monthlyReportIsDueOnTheNextTwentiethAndAgainAfterEachSubmission() throws {
        let driver = try Driver(Self.document(on: "monthly 20"), startingOn: "2024-09-10")
        try driver.start()
        // Friday 2024-09-20; the reminder one working day before, Thursday 09-19.
        #expect(driver.pendingDue == ["review reminder(\"monthly-report\") 2024-09-19",
                                      "review deadline(\"monthly-report\") 2024-09-20"])
        try driver.advance(to: "2024-09-23")
        try driver.decide("review", "submit")
        // Re-entered on 2024-09-23: the next 20th is Sunday 2024-10-20, so Monday 2024-10-21.
        #expect(driver.pendingDue == ["review reminder(\"monthly-report\") 2024-10-18",
                                      "review deadline(\"monthly-report\") 2024-10-21"])
        #expect(driver.state.overdue.map(\.due.date) == [CivilDate(iso: "2024-09-20")!])
    }

    @Test func reportHandedInEarlyIsNextDueTheFollowingMonth() throws {
        let driver = try Driver(Self.document(on: "monthly 20"), startingOn: "2024-09-02")
        try driver.start()
        try driver.advance(to: "2024-09-10")
        try driver.decide("review", "submit")
        // September's report came on 09-10, before its due day 09-20: the next one is October's, Monday 10-21.
        #expect(driver.pendingDue.last == "review deadline(\"monthly-report\") 2024-10-21")
        #expect(driver.state.overdue.isEmpty)
        #expect(try InstanceState.replay(id: driver.projectID, history: driver.history) == driver.state)
    }

    @Test func aTwentiethOnASundayMovesToMondayByDefaultAndStaysWhenAsWritten() throws {
        // 2024-10-20 and 2025-04-20 are Sundays. By default the due day moves to the next working day (see
        // RecurringDueDay.RestDay for why); "as-written" keeps the day the text names.
        for (start, moved, written) in [("2024-10-08", "2024-10-21", "2024-10-20"),
                                         ("2025-04-01", "2025-04-21", "2025-04-20")] {
            let byDefault = try Driver(Self.document(on: "monthly 20"), startingOn: start)
            try byDefault.start()
            #expect(byDefault.pendingDue.last == "review deadline(\"monthly-report\") \(moved)")
            let asWritten = try Driver(Self.document(on: "monthly 20 as-written"), startingOn: start)
            try asWritten.start()
            #expect(asWritten.pendingDue.last == "review deadline(\"monthly-report\") \(written)")
            try asWritten.advance(to: moved)
            #expect(asWritten.state.overdue.map(\.due.date.iso) == [written])
        }
    }

    @Test func enteredOnTheDueDayItselfIsDueThatDay() throws {
        let driver = try Driver(Self.document(on: "yearly 12-31"), startingOn: "2024-12-31")
        try driver.start()
        #expect(driver.pendingDue == ["review deadline(\"monthly-report\") 2024-12-31"])
    }

    @Test func recurringDueDayNotationReadsBack() {
        for text in ["monthly 20", "monthly 1", "yearly 12-31", "yearly end-of-09", "yearly 02-29",
                     "monthly 20 as-written", "yearly end-of-09 as-written"] {
            #expect(RecurringDueDay.parse(text)?.notation == text)
        }
        #expect(RecurringDueDay.parse("monthly 20 next-working-day")?.notation == "monthly 20")
        #expect(RecurringDueDay.parse("monthly 20 as-written")?.onRestDay == .asWritten)
        #expect(RecurringDueDay.parse("monthly 20 sometimes") == nil)
        for text in ["monthly 32", "monthly 0", "yearly 13-01", "yearly 02-30", "weekly 1", "monthly", "yearly 9-30"] {
            #expect(RecurringDueDay.parse(text) == nil, "\(text)")
        }
    }

    @Test func badRecurringDueDayIsALoadErrorNamingTheForms() throws {
        do {
            _ = try Fixtures.load(Self.document(on: "monthly 32"))
            Issue.record("a bad recurring due day must be refused")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.invalidPeriod])
            #expect(error.diagnostics.first?.message == "\"monthly 32\" is not a recurring due day; write "
                        + RecurringDueDay.acceptedForms)
            #expect(error.diagnostics.first?.path.description == "$.nodes[0].deadlines[0].on")
        }
    }

    @Test func deadlineWithBothPeriodAndOnIsRefused() throws {
        let text = Self.document(on: "monthly 20").replacingOccurrences(
            of: #""on": "monthly 20""#, with: #""on": "monthly 20", "period": "5 days""#)
        do {
            _ = try Fixtures.load(text)
            Issue.record("a deadline with both forms must be refused")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["a deadline has either \"period\" or \"on\", not both"])
        }
    }
}
