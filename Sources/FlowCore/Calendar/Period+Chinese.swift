extension Period {
    /// The period as the regulations write it: "5个工作日", "15日", "6个月", "1年".
    public var chinese: String {
        switch self {
        case .workdays(let n): return "\(n)个工作日"
        case .days(let n): return "\(n)日"
        case .months(let n): return "\(n)个月"
        case .years(let n): return "\(n)年"
        }
    }
}

extension DeadlineDue {
    /// The due time as the regulations write it: "5个工作日" for a period, "每月20日前" for a recurring due day.
    public var chinese: String {
        switch self {
        case .period(let period): return period.chinese
        case .recurring(let day): return day.chinese
        }
    }
}
