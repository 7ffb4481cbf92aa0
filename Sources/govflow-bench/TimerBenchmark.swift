import FlowCore
import Foundation

/// Schedules many pending deadlines, then fires them all in due order: rates, bytes per pending timer, and how
/// the cost grows.
struct TimerBenchmark {
    func run(quick: Bool) {
        var rates: [Double] = []
        for count in quick ? [100_000, 1_000_000] : [100_000, 1_000_000] {
            rates.append(measure(count: count))
        }
        Measurement(name: "timers.growth", parameters: ["sizes": "100k→1M"], operations: 0, seconds: 0,
                    extra: ["scheduleRateRatio": rates[1] / rates[0]]).print()
    }

    private func measure(count: Int) -> Double {
        let origin = CivilDate(iso: "2025-01-01")!.startInChina
        var queue = TimerQueue()
        let before = ProcessMemory.residentBytes()
        let scheduling = measureSeconds {
            for index in 0..<count {
                // Spread over about a year, in no particular order; project ids like real ones.
                let offset = Double((index &* 2_654_435_761) % 31_536_000)
                queue.insert(ScheduledTimer(projectID: "p\(index / 4)", timerID: index % 4,
                                            fireAt: origin.addingTimeInterval(offset)))
            }
        }
        let bytesPerTimer = Double(ProcessMemory.residentBytes() - before) / Double(count)
        var fired = 0
        var last = Date.distantPast
        var ordered = true
        let firing = measureSeconds {
            while let timer = queue.popFirst() {
                if timer.fireAt < last { ordered = false }
                last = timer.fireAt
                fired += 1
            }
        }
        Measurement(name: "timers.schedule", parameters: ["pending": String(count)], operations: count,
                    seconds: scheduling, extra: ["bytesPerPendingTimer": bytesPerTimer]).print()
        Measurement(name: "timers.fire-in-order", parameters: ["pending": String(count)], operations: fired,
                    seconds: firing, extra: ["inOrder": ordered ? 1 : 0]).print()
        return Double(count) / scheduling
    }
}
