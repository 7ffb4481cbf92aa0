import FlowCore
import Foundation
import Stages

/// `swift run -c release govflow-bench [engine|durable|http|abuse|reads|recovery|calendar|timers|validate|all]
/// [--quick]`: prints one JSON line per measurement. See docs/performance.md.
let arguments = Array(CommandLine.arguments.dropFirst())
let quick = arguments.contains("--quick")
let selected = arguments.first { !$0.hasPrefix("--") } ?? "all"
let calendarsDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    .appendingPathComponent("workflows/calendars")

do {
    let calendars = try CalendarLibrary.load(directory: calendarsDirectory)
    guard let calendar = calendars["cn-mainland"] else {
        FileHandle.standardError.write(Data("govflow-bench: no cn-mainland calendar in \(calendarsDirectory.path)\n".utf8))
        exit(1)
    }
    if selected == "all" || selected == "calendar" {
        CalendarBenchmark(calendar: calendar).run(quick: quick)
    }
    if selected == "all" || selected == "timers" {
        TimerBenchmark().run(quick: quick)
    }
    if selected == "all" || selected == "validate" {
        ValidationBenchmark(calendar: calendar).run(quick: quick)
    }
    if selected == "all" || selected == "engine" {
        try EngineBenchmark(calendar: calendar).run(quick: quick)
    }
    if selected == "all" || selected == "durable" {
        try DurableBenchmark(calendar: calendar).run(quick: quick)
    }
    if selected == "all" || selected == "http" {
        try HTTPBenchmark(calendar: calendar).run(quick: quick)
    }
    if selected == "all" || selected == "abuse" {
        try AbuseBenchmark().run(quick: quick)
    }
    if selected == "all" || selected == "reads" {
        try ReadsBenchmark(calendar: calendar).run(quick: quick)
    }
    if selected == "all" || selected == "recovery" {
        try RecoveryBenchmark(calendarsDirectory: calendarsDirectory).run(quick: quick)
    }
} catch {
    FileHandle.standardError.write(Data("govflow-bench: \(error)\n".utf8))
    exit(1)
}
