// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ExpertPanelPlugin",
    platforms: [.macOS(.v14)],
    dependencies: [
        // In your own repository: .package(url: "<GovFlow's git URL>", from: "<version>")
        .package(name: "GovFlow", path: "../.."),
    ],
    targets: [
        .target(name: "ExpertPanelPlugin", dependencies: [.product(name: "FlowCore", package: "GovFlow")],
                path: "Sources"),
        .executableTarget(name: "my-govflow", dependencies: [
            "ExpertPanelPlugin", .product(name: "Runner", package: "GovFlow"),
            .product(name: "Stages", package: "GovFlow"),
        ], path: "Executable"),
        .testTarget(name: "ExpertPanelPluginTests", dependencies: [
            "ExpertPanelPlugin", .product(name: "StageTesting", package: "GovFlow"),
            .product(name: "Stages", package: "GovFlow"), .product(name: "FlowCore", package: "GovFlow"),
        ], path: "Tests"),
    ]
)
