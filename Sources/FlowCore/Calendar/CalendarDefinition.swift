/// One calendar file as written, checked but not yet combined with the calendar it extends.
///
/// The format is described in docs/calendar.md. Parsing refuses, with the line and column, a date listed twice,
/// a make-up working day that is not a Saturday or Sunday, a date that does not exist, a year listed twice,
/// unknown fields and a date outside its year's block (a block may list days of an adjoining year within
/// 31 days of its own, as the notice for 2023 lists 2022-12-31).
public struct CalendarDefinition: Sendable {
    /// Dates listed under one name, e.g. 国庆节 and its seven days.
    public struct NamedDates: Hashable, Sendable {
        /// The holiday's name as the notice writes it, e.g. "国庆节".
        public let name: String
        /// The dates in file order.
        public let dates: [CivilDate]
    }

    /// The notice a year's days come from.
    public struct Notice: Hashable, Sendable {
        /// The notice's title, e.g. "国务院办公厅关于2024年部分节假日安排的通知".
        public let title: String
        /// Where the notice is published, if recorded.
        public let url: String?
    }

    /// One year's block: the days one notice (and any amending notice) lists.
    public struct Year: Hashable, Sendable {
        /// The notice's year.
        public let year: Int
        /// The notice and any amending notice.
        public let notices: [Notice]
        /// Rest days by holiday name.
        public let holidays: [NamedDates]
        /// Make-up working days (调休) by holiday name.
        public let workdays: [NamedDates]
    }

    /// The calendar's identifier, e.g. "cn-mainland".
    public let id: String
    /// A human-readable name (the identifier when the file gives none).
    public let name: String
    /// The identifier of the calendar this one adds days to, if any.
    public let extends: String?
    /// The year blocks in file order.
    public let years: [Year]
    /// The file, as errors name it.
    public let path: String
    /// Where the `id` value is written, for errors about the calendar as a whole.
    public let idLocation: SourceLocation
    /// Where the `extends` value is written, if there is one.
    public let extendsLocation: SourceLocation?

    /// Checks and reads a parsed calendar file; `path` is the file as errors should name it.
    public init(_ root: JSONElement, path: String) throws(CalendarLoadError) {
        let reader = CalendarFileReader(path: path)
        let object = try reader.object(root, allowed: ["id", "name", "extends", "source", "years"], in: "a calendar")
        let idElement = try reader.required("id", in: object, at: root, of: "a calendar")
        id = try reader.identifier(idElement)
        idLocation = idElement.location
        name = try object["name"].map { element throws(CalendarLoadError) in try reader.text(element) } ?? id
        if let element = object["extends"] {
            extends = try reader.identifier(element)
            extendsLocation = element.location
        } else {
            extends = nil
            extendsLocation = nil
        }
        if let source = object["source"] {
            let fields = try reader.object(source, allowed: ["repository", "commit", "license", "note"], in: "source")
            for element in fields.values { _ = try reader.text(element) }
        }
        let yearsElement = try reader.required("years", in: object, at: root, of: "a calendar")
        years = try reader.years(yearsElement)
        self.path = path
    }

    /// Every listed day with its kind, in file order.
    public var listedDays: [(date: CivilDate, kind: DayKind)] {
        years.flatMap { year in
            year.holidays.flatMap { group in group.dates.map { ($0, DayKind.holiday(group.name)) } }
                + year.workdays.flatMap { group in group.dates.map { ($0, DayKind.makeUpWorkday(group.name)) } }
        }
    }
}
