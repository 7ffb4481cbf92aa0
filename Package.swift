// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GovFlow",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FlowCore", targets: ["FlowCore"]),
        .library(name: "Stages", targets: ["Stages"]),
        .library(name: "GovFlowHTTP", targets: ["GovFlowHTTP"]),
        .library(name: "SQLiteStore", targets: ["SQLiteStore"]),
        .library(name: "GovFlowAPI", targets: ["GovFlowAPI"]),
        .library(name: "Runner", targets: ["Runner"]),
        .library(name: "StageTesting", targets: ["StageTesting"]),
        .executable(name: "govflow", targets: ["govflow"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "FlowCore"),
        .target(name: "Stages", dependencies: ["FlowCore"]),
        // The server's layers, lowest first: sockets and HTTP/1.1 (no GovFlow types), the SQLite store, the JSON API
        // and the console, then the runner (command line, service, simulator, diagrams).
        .target(name: "GovFlowHTTP"),
        .target(name: "SQLiteStore", dependencies: ["FlowCore", "CSQLite"]),
        .target(name: "GovFlowAPI", dependencies: ["FlowCore", "GovFlowHTTP"], exclude: ["Console/Assets"]),
        .target(name: "Runner", dependencies: ["FlowCore", "Stages", "GovFlowHTTP", "SQLiteStore", "GovFlowAPI"]),
        .executableTarget(name: "govflow", dependencies: ["Runner"]),
        .executableTarget(name: "govflow-bench",
                          dependencies: ["FlowCore", "Stages", "GovFlowHTTP", "SQLiteStore", "GovFlowAPI", "Runner"]),
        .target(name: "StageTesting", dependencies: ["FlowCore"]),
        .target(name: "ExpertPanelPlugin", dependencies: ["FlowCore"], path: "Examples/ExpertPanelPlugin/Sources"),
        .executableTarget(name: "my-govflow", dependencies: ["ExpertPanelPlugin", "Runner", "Stages"],
                          path: "Examples/ExpertPanelPlugin/Executable"),
        // The crash test's writer: built with the tests, not a product, so the shipped `govflow` has no such command.
        .executableTarget(name: "govflow-crash-writer", dependencies: ["FlowCore", "Stages", "SQLiteStore"],
                          path: "Tests/CrashWriter"),
        // What several test targets share: fixtures, golden files, the API harness, child processes.
        .target(name: "GovFlowTestSupport",
                dependencies: ["FlowCore", "Stages", "GovFlowHTTP", "SQLiteStore", "GovFlowAPI"],
                path: "Tests/GovFlowTestSupport"),
        .testTarget(name: "FlowCoreTests", dependencies: ["FlowCore", "Stages", "GovFlowTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "HTTPTests", dependencies: ["GovFlowHTTP", "GovFlowTestSupport"]),
        .testTarget(name: "StoreTests",
                    dependencies: ["SQLiteStore", "FlowCore", "Stages", "GovFlowTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "APITests",
                    dependencies: ["GovFlowAPI", "GovFlowHTTP", "SQLiteStore", "FlowCore", "Stages",
                                   "GovFlowTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "RunnerTests",
                    dependencies: ["Runner", "GovFlowAPI", "GovFlowHTTP", "SQLiteStore", "FlowCore", "Stages",
                                   "GovFlowTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "StagesTests", dependencies: ["Stages", "StageTesting", "FlowCore"]),
        .testTarget(
            name: "ExamplePluginTests", dependencies: ["ExpertPanelPlugin", "Stages", "StageTesting", "FlowCore"],
            path: "Examples/ExpertPanelPlugin/Tests"),
    ]
)
