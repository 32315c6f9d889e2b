// swift-tools-version: 6.1
// cadreplan's benchmarks: a package of its own, so the library and its tests never build
// ordo-one/benchmark. Run from this folder: `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "CadrePlanBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named so that products resolve whatever the clone's folder is called.
        .package(name: "cadreplan", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Shared by the suites: scenario paths, the in-memory scale-10 preset, custom metrics.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CadrePlan", package: "cadreplan"),
                .product(name: "Scenario", package: "cadreplan"),
            ],
            path: "Sources/BenchmarkSupport"
        ),
    ]
)

/// One executable target per suite, each in Benchmarks/<Suite>/ as the benchmark plugin expects.
let suites: [(name: String, dependencies: [Target.Dependency])] = [
    ("Loading", [.product(name: "Scenario", package: "cadreplan")]),
    ("Aggregation", [.product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan")]),
    ("ModelBuilding", [.product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan")]),
    ("Solving", [
        .product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan"),
        .product(name: "GLPKSolver", package: "cadreplan"),
    ]),
    ("Literature", [
        .product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan"),
        .product(name: "GLPKSolver", package: "cadreplan"),
    ]),
    ("EndToEnd", [
        .product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan"),
        .product(name: "GLPKSolver", package: "cadreplan"), .product(name: "PlanPublishing", package: "cadreplan"),
    ]),
    // The plan folder with and without the workbooks (issue 10).
    ("Writing", [
        .product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan"),
        .product(name: "GLPKSolver", package: "cadreplan"), .product(name: "PlanVerifier", package: "cadreplan"),
        .product(name: "XLSXWriter", package: "cadreplan"),
    ]),
    // The planning desk's pin-and-re-solve on hainan-2022 (issue 12); full run only: quick-pass.sh skips it.
    ("DeskResolve", [
        .product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan"),
        .product(name: "PlanPublishing", package: "cadreplan"),
    ]),
    // hainan-2022 at 1× and 10× and the national-2022 preset, end to end, in shares and merged
    // (docs/SCALING.md); full run only: quick-pass.sh skips this target.
    ("Scaling", [
        .product(name: "CadrePlan", package: "cadreplan"), .product(name: "Scenario", package: "cadreplan"),
        .product(name: "GLPKSolver", package: "cadreplan"), .product(name: "PlanPublishing", package: "cadreplan"),
    ]),
]

for suite in suites {
    package.targets.append(.executableTarget(
        name: suite.name,
        dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchmarkSupport"] + suite.dependencies,
        path: "Benchmarks/\(suite.name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ))
}
