// swift-tools-version: 6.1
// cadreplan — plans deployments of cadres into enterprises as integer programs solved with GLPK.
import PackageDescription

let package = Package(
    name: "cadreplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cadreplan", targets: ["cadreplan"]),
        // The planning desk (`cadreplan serve` execs it): its own product, so that Hummingbird
        // is built only by `swift build --product cadreplan-serve` (or the tests), never for the CLI.
        .executable(name: "cadreplan-serve", targets: ["cadreplan-serve"]),
        .library(name: "CadrePlan", targets: ["CadrePlan"]),
        .library(name: "PlanVerifier", targets: ["PlanVerifier"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "MIP", targets: ["MIP"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "Spreadsheet", targets: ["Spreadsheet"]),
        .library(name: "XLSXWriter", targets: ["XLSXWriter"]),
        .library(name: "XLSXReader", targets: ["XLSXReader"]),
        .library(name: "PlanPublishing", targets: ["PlanPublishing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // GLPK's C API. Debian ships no pkg-config file, so the module map links it by name.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        // Solver-neutral integer programs: variables, rows, objective, validation.
        .target(name: "MIP"),
        // The only target that sees a C type: GLPK behind the MIP solver protocol.
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "MIP"]),
        // libxlsxwriter's C API (BSD-2-Clause; Debian's libxlsxwriter-dev), linked by name as GLPK is.
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter"),
        // Workbooks as data: sheets, typed cells, fitted column widths; and the writer protocol.
        .target(name: "Spreadsheet"),
        // The only target that sees libxlsxwriter: a Spreadsheet workbook written as .xlsx.
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter", "Spreadsheet"]),
        // Reads .xlsx workbooks (zip + SpreadsheetML) into rows of text cells, defensively.
        .target(name: "XLSXReader", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The data contract: scenario folders, their loading, encodings and error reports.
        .target(name: "Scenario", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "CSV", package: "CSV.swift"),
            "XLSXReader",
        ]),
        // Independent plan checking; shares only data loading with the planner.
        .target(name: "PlanVerifier", dependencies: ["Scenario"]),
        // Domain: aggregation, model building, lexicographic solving, plans, reports, generator.
        .target(name: "CadrePlan", dependencies: ["Scenario", "MIP", "Spreadsheet"]),
        // The one path a plan takes to disk (verify, write atomically, read back, verify again),
        // shared by the command line and the planning desk.
        .target(name: "PlanPublishing", dependencies: ["CadrePlan", "GLPKSolver", "MIP", "PlanVerifier", "Scenario", "XLSXWriter"]),
        // The planning desk: a local web application over the scenario folders (Hummingbird).
        .target(name: "PlanDesk", dependencies: [
            "CadrePlan", "GLPKSolver", "MIP", "Scenario", "PlanVerifier", "PlanPublishing",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(name: "cadreplan-serve", dependencies: ["PlanDesk"]),
        .executableTarget(name: "cadreplan", dependencies: [
            "CadrePlan", "GLPKSolver", "Scenario", "PlanVerifier", "XLSXWriter", "PlanPublishing",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "MIPTests", dependencies: ["MIP"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "MIP"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Spreadsheet", "XLSXWriter", "XLSXReader"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"]),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Fixtures"]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "Spreadsheet", "XLSXReader"]),
        .testTarget(name: "PlanVerifierTests", dependencies: ["PlanVerifier", "Scenario"]),
        .testTarget(name: "CadrePlanTests", dependencies: ["CadrePlan", "GLPKSolver", "MIP", "Scenario", "PlanVerifier", "Spreadsheet", "XLSXWriter", "XLSXReader"]),
        .testTarget(name: "CLITests", dependencies: []),
        .testTarget(name: "PlanDeskTests", dependencies: [
            "PlanDesk", "Scenario", "CadrePlan",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
