import FlowCore
import Foundation
import Testing

@Suite struct CivilDateTests {
    @Test func dayNumberRoundTripsAcrossCenturies() {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate(dayNumber: dayNumber)
            #expect(date.dayNumber == dayNumber)
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
        }
    }

    @Test func epochIsThursdayFirstOfJanuary1970() {
        let epoch = CivilDate(dayNumber: 0)
        #expect(epoch.iso == "1970-01-01")
        #expect(epoch.isoWeekday == 4)
    }

    @Test func weekdayOfNationalDay2024IsTuesday() {
        #expect(CivilDate(iso: "2024-10-01")?.isoWeekday == 2)
        #expect(CivilDate(iso: "2024-09-29")?.isWeekend == true)
    }

    @Test func isoParsingRejectsImpossibleAndMalformedDates() {
        #expect(CivilDate(iso: "2025-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(CivilDate(iso: "2024-13-01") == nil)
        #expect(CivilDate(iso: "2024-1-01") == nil)
        #expect(CivilDate(iso: "2024-01-01T00:00") == nil)
        #expect(CivilDate(iso: "１２３４-01-01") == nil)
    }

    @Test func endOfDayIsMidnightChinaStandardTime() {
        let date = CivilDate(iso: "2024-10-10")!
        // 2024-10-11 00:00 +08:00 is 2024-10-10 16:00 UTC.
        #expect(date.endInChina == Date(timeIntervalSince1970: 1_728_576_000))
        #expect(CivilDate(chinaDateOf: date.endInChina) == CivilDate(iso: "2024-10-11"))
        #expect(CivilDate(chinaDateOf: date.endInChina.addingTimeInterval(-1)) == date)
    }
}
