/// Periods written as the regulations write them.
extension Period {
    /// The period in the regulations' words: "5个工作日", "45日", "6个月", "1年".
    public var chinese: String {
        switch self {
        case .workdays(let n): return "\(n)个工作日"
        case .days(let n): return "\(n)日"
        case .months(let n): return "\(n)个月"
        case .years(let n): return "\(n)年"
        }
    }
}
