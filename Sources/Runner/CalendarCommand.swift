import FlowCore
import Foundation

/// `govflow calendar …`: due dates, working-day counts and month sheets from the command line.
///
/// The logic lives in FlowCore (`PeriodCalculator`, `CalendarLibrary`, `MonthGrid`); this type only reads
/// arguments and writes text. Exit status: 0 success, 1 a failed batch line or an unusable calendar directory,
/// 2 a usage error.
public enum CalendarCommand {
    /// The usage text printed with every usage error.
    public static let usage = """
        usage: govflow calendar add DATE PERIOD [--calendar ID] [--convention event-date|next-working-day]
               govflow calendar add --batch [--calendar ID] [--convention event-date|next-working-day]
                   (reads lines DATE<TAB>PERIOD from standard input, writes one due date per line)
               govflow calendar month YYYY-MM [--calendar ID]
               govflow calendar between DATE DATE [--calendar ID]
        DATE is YYYY-MM-DD; PERIOD is \(Period.acceptedForms); the default calendar is cn-mainland.
        """

    /// The calendar used when `--calendar` is not given.
    public static let defaultCalendarID = "cn-mainland"

    /// Runs `calendar` with `arguments` (the words after "calendar") and returns the exit status.
    public static func run(
        _ arguments: [String], calendarsDirectory: URL, io: CommandIO = .standard
    ) -> Int32 {
        let console = Console(io: io)
        let options: Options
        do {
            options = try Options(arguments)
        } catch {
            return console.usageError(error.message)
        }
        let calendar: HolidayCalendar
        do {
            let library = try CalendarLibrary.load(directory: calendarsDirectory)
            guard let found = library[options.calendarID] else {
                let known = library.ids.joined(separator: ", ")
                return console.usageError("unknown calendar \"\(options.calendarID)\"; the calendars are \(known)")
            }
            calendar = found
        } catch {
            console.error("error: \(error)")
            return 1
        }
        let calculator = PeriodCalculator(calendar: calendar, convention: options.convention)
        switch (options.command, options.positional.count, options.batch) {
        case ("add", 0, true):
            return addBatch(calculator, console: console)
        case ("add", 2, false):
            guard let date = CivilDate(iso: options.positional[0]) else {
                return console.usageError("\"\(options.positional[0])\" is not a date; write YYYY-MM-DD")
            }
            do {
                console.print(describe(calculator.due(try Period.parse(options.positional[1]), after: date)))
                return 0
            } catch {
                return console.usageError(error.description)
            }
        case ("month", 1, false):
            let parts = options.positional[0].split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
                  let month = Int(parts[1]), let grid = MonthGrid(year: year, month: month, calendar: calendar)
            else { return console.usageError("\"\(options.positional[0])\" is not a month; write YYYY-MM") }
            console.write(grid.render())
            return 0
        case ("between", 2, false):
            guard let start = CivilDate(iso: options.positional[0]), let end = CivilDate(iso: options.positional[1])
            else { return console.usageError("expected two dates as YYYY-MM-DD") }
            let count = calendar.workingDays(after: start, through: end)
            let years = min(start.year, end.year)...max(start.year, end.year)
            let provisional = years.contains { !calendar.coveredYears.contains($0) }
            console.print("\(count)" + (provisional ? " (provisional)" : ""))
            return 0
        default:
            return console.usageError("wrong arguments for \"\(options.command)\"")
        }
    }

    /// The due date as printed: "2024-10-10", or "2027-01-08 (provisional)".
    static func describe(_ due: DueDate) -> String {
        due.date.iso + (due.provisional ? " (provisional)" : "")
    }

    /// Due dates for lines `DATE<TAB>PERIOD`; a bad line is reported on `errors` and leaves an empty output line,
    /// so output lines stay aligned with input lines. Blank input lines are skipped.
    private static func addBatch(_ calculator: PeriodCalculator, console: Console) -> Int32 {
        let text = String(decoding: console.io.input(), as: UTF8.self)
        var failed = false
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let problem: String
            if fields.count != 2 {
                problem = "expected DATE<TAB>PERIOD, found \(fields.count) tab-separated fields"
            } else if let date = CivilDate(iso: fields[0].trimmingCharacters(in: .whitespaces)) {
                do {
                    console.print(describe(calculator.due(try Period.parse(String(fields[1])), after: date)))
                    continue
                } catch {
                    problem = error.description
                }
            } else {
                problem = "\"\(fields[0])\" is not a date; write YYYY-MM-DD"
            }
            console.error("error: line \(index + 1): \(problem)")
            console.print("")
            failed = true
        }
        return failed ? 1 : 0
    }
}

/// The parsed words after "calendar".
private struct Options {
    struct UsageError: Error {
        let message: String
    }

    var command = ""
    var positional: [String] = []
    var calendarID = CalendarCommand.defaultCalendarID
    var convention = RestDayConvention.eventDate
    var batch = false

    init(_ arguments: [String]) throws(UsageError) {
        guard let first = arguments.first else { throw UsageError(message: "missing subcommand") }
        guard ["add", "month", "between"].contains(first) else {
            throw UsageError(message: "unknown subcommand \"\(first)\"")
        }
        command = first
        var rest = arguments.dropFirst()
        while let word = rest.popFirst() {
            switch word {
            case "--calendar":
                guard let value = rest.popFirst() else { throw UsageError(message: "--calendar needs an identifier") }
                calendarID = value
            case "--convention" where command == "add":
                let names = RestDayConvention.allCases.map(\.rawValue).joined(separator: " or ")
                guard let value = rest.popFirst(), let parsed = RestDayConvention(rawValue: value) else {
                    throw UsageError(message: "--convention needs \(names)")
                }
                convention = parsed
            case "--batch" where command == "add":
                batch = true
            default:
                if word.hasPrefix("--") { throw UsageError(message: "unknown option \(word) for \"\(command)\"") }
                positional.append(word)
            }
        }
    }
}

/// Text output to the command's two streams.
private struct Console {
    let io: CommandIO

    func write(_ text: String) { io.output(text) }

    func print(_ line: String) { io.print(line) }

    func error(_ line: String) { io.error(line) }

    func usageError(_ message: String) -> Int32 {
        error("error: \(message)\n\(CalendarCommand.usage)")
        return 2
    }
}
