import FlowCore
import Foundation

/// The definitions and calendars built into the executable, as the loaders want them.
enum BuiltInResources {
    /// How built-in files are named in messages: `<built-in>/calendars/cn-mainland.json`.
    static let displayPrefix = "<built-in>"

    /// The built-in calendar files, ready to serve as the base of any calendar directory.
    static var calendarFiles: [CalendarLibrary.SourceFile] {
        BundledResources.calendars.map {
            CalendarLibrary.SourceFile(path: "\(displayPrefix)/calendars/\($0.name)", text: $0.text)
        }
    }

    /// The built-in definition with file name `name` ("tinghu.json"), if any.
    static func definition(named name: String) -> String? {
        BundledResources.definitions.first { $0.name == name }?.text
    }

    /// The calendars of `directory` on top of the built-in ones, or the built-in ones alone when `directory` is
    /// `nil`. A file in `directory` may extend a built-in calendar, and one with the same id replaces it.
    static func calendars(directory: URL?) throws(CalendarLoadError) -> CalendarLibrary {
        guard let directory else { return try CalendarLibrary.load(files: [], base: calendarFiles) }
        return try CalendarLibrary.load(directory: directory, base: calendarFiles)
    }
}
