extension RecurringDueDay {
    /// What a recurring due day ("每月20日前") does when an occurrence falls on a rest day.
    ///
    /// A fixed calendar day is a 期日, not a 期间: 民法典 第二百零三条 (期间的最后一日是法定休假日的，以法定休假日结束的
    /// 次日为期间的最后一日) speaks of the last day of a period counted in years, months or days, and "每月20日前"
    /// counts nothing. GovFlow nevertheless moves such a day to the next working day by default, for two reasons:
    /// the report goes to an office that receives it on working days only, so a Sunday due day would in practice
    /// demand it on the Friday before, a shorter time than the text gives; and the national rule for the best-known
    /// monthly reporting deadline reads the same way (税收征收管理法实施细则 第一百零九条: 期限的最后一日是法定休假日
    /// 的，以休假日期满的次日为期限的最后一日, which is why a monthly tax declaration due by the 15th moves past a
    /// holiday). A definition whose office takes reports on any day (an online system) writes `as-written` and keeps
    /// the day as the text names it.
    public enum RestDay: String, Hashable, Sendable, CaseIterable {
        /// A due day that is a rest day moves to the next working day (the default): in 2024 "每月20日前" is due on
        /// Monday 21 October, since 20 October is a Sunday.
        case nextWorkingDay = "next-working-day"
        /// The due day stays as written, even on a rest day: 20 October 2024.
        case asWritten = "as-written"
    }
}
