import FlowCore
import Foundation

/// `govflow calendar …`: due dates, working-day counts and month sheets from the command line.
///
/// The logic lives in FlowCore (`PeriodCalculator`, `CalendarLibrary`, `MonthGrid`); this type only reads
/// arguments and writes text. Exit status: 0 success, 1 a failed batch line or an unusable calendar directory,
/// 2 a usage error.
public enum CalendarCommand {
    /// The usage text printed with every usage error.
    public static var usage: String { CommandTable.calendar.usage }

    /// The calendar used when `--calendar` is not given.
    public static let defaultCalendarID = "cn-mainland"

    /// Runs `calendar` with `arguments` (the words after "calendar") and returns the exit status. Calendars are the
    /// built-in ones plus those of `--calendars DIR` (default: `calendars/` of the workflows folder).
    public static func run(_ arguments: [String], io: CommandIO = .standard) -> Int32 {
        let console = Console(io: io)
        guard let first = arguments.first, !ArgumentParser.helpNames.contains(first) else {
            if arguments.isEmpty { return console.usageError("missing subcommand: add, month or between") }
            io.print(CommandTable.calendar.help)
            return 0
        }
        guard let spec = CommandTable.calendarSubcommands.first(where: { $0.name == "calendar \(first)" }) else {
            let names = CommandTable.calendarSubcommands.map { String($0.name.dropFirst("calendar ".count)) }
            return console.usageError("unknown subcommand \"\(first)\"\(NameSuggestion.hint(for: first, in: names))")
        }
        let options: ParsedArguments
        switch io.parse(Array(arguments.dropFirst()), spec) {
        case .success(let parsed): options = parsed
        case .failure(let status): return status.code
        }
        var convention = RestDayConvention.eventDate
        if let value = options.value("--convention") {
            guard let parsed = RestDayConvention(rawValue: value) else {
                let names = RestDayConvention.allCases.map(\.rawValue)
                return io.usageError("--convention needs \(names.joined(separator: " or ")), found \"\(value)\""
                                     + NameSuggestion.hint(for: value, in: names), spec)
            }
            convention = parsed
        }
        let calendarID = options.value("--calendar") ?? defaultCalendarID
        let calendar: HolidayCalendar
        do {
            let library = try ResourceLocator.calendars(option: options.value("--calendars"))
            guard let found = library[calendarID] else {
                let known = library.ids.map { "\"\($0)\"" }.joined(separator: ", ")
                let hint = NameSuggestion.hint(for: calendarID, in: library.ids)
                return io.usageError("unknown calendar \"\(calendarID)\"\(hint); the calendars are \(known)", spec)
            }
            calendar = found
        } catch {
            console.error("\(error)")
            return 1
        }
        let calculator = PeriodCalculator(calendar: calendar, convention: convention)
        let positional = options.positional
        switch (first, positional.count, options.has("--batch")) {
        case ("add", 0, true):
            return addBatch(calculator, console: console)
        case ("add", 2, false):
            guard let date = CivilDate(iso: positional[0]) else {
                return io.usageError(CivilDate.problem(with: positional[0]), spec)
            }
            do {
                console.print(describe(calculator.due(try Period.parse(positional[1]), after: date)))
                return 0
            } catch {
                return io.usageError(error.description, spec)
            }
        case ("add", _, true):
            return io.usageError("--batch reads DATE<TAB>PERIOD lines from standard input and takes no arguments", spec)
        case ("add", _, false):
            return io.usageError("expected DATE and PERIOD, found \(positional.count) argument(s)", spec)
        case ("month", 1, _):
            let parts = positional[0].split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
                  let month = Int(parts[1]), let grid = MonthGrid(year: year, month: month, calendar: calendar)
            else { return io.usageError("\"\(positional[0])\" is not a month; write YYYY-MM", spec) }
            console.write(grid.render())
            return 0
        case ("month", _, _):
            return io.usageError("expected one month as YYYY-MM, found \(positional.count) argument(s)", spec)
        case ("between", 2, _):
            guard let start = CivilDate(iso: positional[0]) else {
                return io.usageError(CivilDate.problem(with: positional[0]), spec)
            }
            guard let end = CivilDate(iso: positional[1]) else {
                return io.usageError(CivilDate.problem(with: positional[1]), spec)
            }
            let count = calendar.workingDays(after: start, through: end)
            let years = min(start.year, end.year)...max(start.year, end.year)
            let provisional = years.contains { !calendar.coveredYears.contains($0) }
            console.print("\(count)" + (provisional ? " (provisional)" : ""))
            return 0
        default:
            return io.usageError("expected two dates as YYYY-MM-DD, found \(positional.count) argument(s)", spec)
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
                problem = CivilDate.problem(with: fields[0].trimmingCharacters(in: .whitespaces))
            }
            console.error("error: line \(index + 1): \(problem)")
            console.print("")
            failed = true
        }
        return failed ? 1 : 0
    }
}

/// Text output to the command's two streams.
private struct Console {
    let io: CommandIO

    func write(_ text: String) { io.output(text) }

    func print(_ line: String) { io.print(line) }

    func error(_ line: String) { io.error(line) }

    func usageError(_ message: String) -> Int32 {
        io.usageError(message, CommandTable.calendar)
    }
}
