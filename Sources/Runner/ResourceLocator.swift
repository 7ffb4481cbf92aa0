import Foundation

/// Finds the bundled `workflows/` folder: `$GOVFLOW_HOME/workflows` when set, else `./workflows` when the command
/// runs from the repository (as `swift run govflow …` does), else the folder beside the executable's package.
enum ResourceLocator {
    /// The folder holding the jurisdictions' definitions and `calendars/`.
    static func workflowsDirectory() -> URL {
        if let home = ProcessInfo.processInfo.environment["GOVFLOW_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("workflows")
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("workflows")
        if FileManager.default.fileExists(atPath: current.path) { return current }
        // .build/<configuration>/govflow → the package root is three levels up.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("workflows")
    }

    /// The folder of working-calendar files.
    static func calendarsDirectory() -> URL {
        workflowsDirectory().appendingPathComponent("calendars")
    }
}
