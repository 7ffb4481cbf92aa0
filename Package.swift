// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GovFlow",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FlowCore", targets: ["FlowCore"]),
        .library(name: "Stages", targets: ["Stages"]),
        .library(name: "Runner", targets: ["Runner"]),
        .library(name: "StageTesting", targets: ["StageTesting"]),
        .executable(name: "govflow", targets: ["govflow"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "FlowCore"),
        .target(name: "Stages", dependencies: ["FlowCore"]),
        .target(name: "Runner", dependencies: ["FlowCore", "Stages", "CSQLite"], exclude: ["Console/Assets"]),
        .executableTarget(name: "govflow", dependencies: ["Runner"]),
        .executableTarget(name: "govflow-bench", dependencies: ["FlowCore", "Stages", "Runner"]),
        .target(name: "StageTesting", dependencies: ["FlowCore"]),
        .target(name: "ExpertPanelPlugin", dependencies: ["FlowCore"], path: "Examples/ExpertPanelPlugin/Sources"),
        .executableTarget(name: "my-govflow", dependencies: ["ExpertPanelPlugin", "Runner", "Stages"],
                          path: "Examples/ExpertPanelPlugin/Executable"),
        .testTarget(name: "FlowCoreTests", dependencies: ["FlowCore", "Stages"], exclude: ["Golden"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "FlowCore", "Stages", "CSQLite"],
                    exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "StagesTests", dependencies: ["Stages", "StageTesting", "FlowCore"]),
        .testTarget(
            name: "ExamplePluginTests", dependencies: ["ExpertPanelPlugin", "Stages", "StageTesting", "FlowCore"],
            path: "Examples/ExpertPanelPlugin/Tests"),
    ]
)
