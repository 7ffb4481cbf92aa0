extension CivilDate {
    /// Why `text` is not a `YYYY-MM-DD` date, for messages: `2024-02-30 is not a date that exists: February 2024
    /// has 29 days` when it has the form but not a real day, else `"x" is not a date; write YYYY-MM-DD`.
    public static func problem(with text: some StringProtocol) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil, (1...12).contains(month) {
            let days = CivilDate.daysIn(month: month, year: year)
            return "\(text) is not a date that exists: \(CalendarFileReader.monthNames[month - 1]) \(year) has "
                + "\(days) days"
        }
        return "\"\(text)\" is not a date; write YYYY-MM-DD"
    }
}
