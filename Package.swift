// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GovFlow",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FlowCore", targets: ["FlowCore"]),
        .library(name: "Stages", targets: ["Stages"]),
        .library(name: "Runner", targets: ["Runner"]),
        .executable(name: "govflow", targets: ["govflow"]),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "FlowCore"),
        .target(name: "Stages", dependencies: ["FlowCore"]),
        .target(name: "Runner", dependencies: ["FlowCore", "Stages", "CSQLite"]),
        .executableTarget(name: "govflow", dependencies: ["Runner"]),
        .testTarget(name: "FlowCoreTests", dependencies: ["FlowCore", "Stages"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "FlowCore", "Stages", "CSQLite"]),
    ]
)
