import Foundation

/// One measurement, printed as one JSON line.
struct Measurement: Encodable {
    let name: String
    let parameters: [String: String]
    let operations: Int
    let seconds: Double
    let rate: Double
    let peakMemoryBytes: Int
    let extra: [String: Double]

    init(name: String, parameters: [String: String], operations: Int, seconds: Double,
         extra: [String: Double] = [:]) {
        self.name = name
        self.parameters = parameters
        self.operations = operations
        self.seconds = seconds
        self.rate = seconds > 0 ? Double(operations) / seconds : 0
        self.peakMemoryBytes = ProcessMemory.peakResidentBytes()
        self.extra = extra
    }

    /// Prints the JSON line.
    func print() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(self), let line = String(data: data, encoding: .utf8) {
            Swift.print(line)
        }
    }
}

/// Times a block with the monotonic clock.
func measureSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The process's memory, read from the kernel.
enum ProcessMemory {
    /// The peak resident set size so far (getrusage's ru_maxrss, in KiB on Linux).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// The current resident set size, from /proc/self/statm (0 where unavailable).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
