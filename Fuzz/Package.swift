// swift-tools-version: 6.1
// cadreplan's fuzzing harness: a package of its own, so that the libFuzzer build (which needs
// `-sanitize=fuzzer` on every module) never touches the normal build. See docs/RELIABILITY.md
// and Fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "CadrePlanFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named so that products resolve whatever the clone's folder is called.
        .package(name: "cadreplan", path: ".."),
    ],
    targets: [
        // libFuzzer target over the scenario loader and the plan reader + verifier.
        .executableTarget(
            name: "FuzzInputs",
            dependencies: [
                .product(name: "Scenario", package: "cadreplan"),
                .product(name: "PlanVerifier", package: "cadreplan"),
            ],
            path: "Sources/FuzzInputs"
        ),
    ]
)
