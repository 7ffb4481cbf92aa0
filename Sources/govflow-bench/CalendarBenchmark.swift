import FlowCore
import Foundation

/// Adding N working days and counting working days between dates, at several N, to show the cost does not grow
/// with N.
struct CalendarBenchmark {
    let calendar: HolidayCalendar

    func run(quick: Bool) {
        let operations = quick ? 1_000_000 : 10_000_000
        let first = CivilDate(iso: "2020-01-01")!.dayNumber
        var rates: [Double] = []
        for n in [5, 50, 500] {
            var checksum = 0
            let seconds = measureSeconds {
                for index in 0..<operations {
                    let date = CivilDate(dayNumber: first + (index &* 7919) % 2500)
                    checksum &+= calendar.addingWorkingDays(n, after: date).dayNumber
                }
            }
            Measurement(name: "calendar.add-workdays", parameters: ["n": String(n)], operations: operations,
                        seconds: seconds, extra: ["checksum": Double(checksum % 1000)]).print()
            rates.append(Double(operations) / seconds)
        }
        Measurement(name: "calendar.add-workdays.growth", parameters: ["n": "5→500"], operations: 0, seconds: 0,
                    extra: ["rateRatio": rates[2] / rates[0]]).print()
        var checksum = 0
        let seconds = measureSeconds {
            for index in 0..<operations {
                let start = CivilDate(dayNumber: first + (index &* 7919) % 2500)
                let end = CivilDate(dayNumber: first + (index &* 104_729) % 2500)
                checksum &+= calendar.workingDays(after: start, through: end)
            }
        }
        Measurement(name: "calendar.count-workdays-between", parameters: [:], operations: operations,
                    seconds: seconds, extra: ["checksum": Double(checksum % 1000)]).print()
    }
}
