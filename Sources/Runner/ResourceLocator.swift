import FlowCore
import Foundation

/// Where `govflow` finds the definitions and calendars when no option names them (docs/operations.md, "Where
/// govflow finds its files"):
///
/// 1. `$GOVFLOW_HOME/workflows` when `GOVFLOW_HOME` is set (it must exist);
/// 2. else `./workflows` when the current directory has one (a clone of the repository, `swift run govflow …`);
/// 3. else the definitions and calendars built into the executable.
///
/// Calendars come from `calendars/` inside that folder, on top of the built-in ones: a local calendar may extend
/// the built-in `cn-mainland` without a copy of it.
enum ResourceLocator {
    /// The environment variable that names the installation's home folder.
    static let homeVariable = "GOVFLOW_HOME"

    /// The workflows folder to use, or `nil` for the built-in definitions.
    static func workflowsDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> URL? {
        if let home = environment[homeVariable], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("workflows")
        }
        let current = URL(fileURLWithPath: currentDirectory).appendingPathComponent("workflows")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: current.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return current
        }
        return nil
    }

    /// The calendar folder to use on top of the built-in calendars: `calendars/` in the workflows folder when it
    /// has one, else `nil` (the built-in calendars alone).
    static func calendarsDirectory() -> URL? {
        calendarsDirectory(in: workflowsDirectory())
    }

    /// `calendars/` in `workflows` when it exists.
    static func calendarsDirectory(in workflows: URL?) -> URL? {
        guard let folder = workflows?.appendingPathComponent("calendars") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return folder
    }

    /// The calendars to use: those of `--calendars DIR` when given, else those of the located folder, each on top
    /// of the built-in calendars.
    static func calendars(option: String?) throws(CalendarLoadError) -> CalendarLibrary {
        let directory = option.map { URL(fileURLWithPath: $0) } ?? calendarsDirectory()
        return try BuiltInResources.calendars(directory: directory)
    }
}
