import Benchmark
import CadrePlan
import Foundation
import Scenario

// What every suite shares: where the scenarios are, the scale-10 preset, the custom
// (deterministic) metrics and the configurations that keep a run within its time budget.

/// Folders of the repository the benchmarks measure.
public enum BenchmarkPaths {
    /// The repository root: `$CADREPLAN_ROOT`, or the folder above `Benchmarks/` found from this file.
    public static var root: String {
        if let root = ProcessInfo.processInfo.environment["CADREPLAN_ROOT"], !root.isEmpty { return root }
        // …/Benchmarks/Sources/BenchmarkSupport/BenchmarkSupport.swift → …
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }

    /// `scenarios/<name>` in the repository.
    public static func scenario(_ name: String) -> String { root + "/scenarios/" + name }

    /// The name of a scratch folder for this process (not created): removed by the benchmark's teardown.
    public static func scratchFolder(_ label: String) -> String {
        NSTemporaryDirectory() + "cadreplan-bench-\(getpid())-\(label)"
    }
}

/// The scenarios the suites run on.
public enum BenchmarkScenarios {
    /// Loads `scenarios/<name>`; a scenario that does not load stops the benchmark with its errors.
    public static func load(_ name: String) -> Scenario {
        do {
            return try ScenarioLoader.load(folder: BenchmarkPaths.scenario(name))
        } catch {
            fatalError("cannot load scenarios/\(name): \(error.description)")
        }
    }

    /// The hainan-2022 preset at `scale` (seed 1, the seed of scenarios/hainan-2022), generated in memory.
    public static func preset(scale: Double) -> Scenario {
        HainanPreset.generate(seed: 1, scale: scale).scenario
    }

    /// `one-to-many:3`.
    public static let oneToMany3 = AssignmentMode.oneToMany(maxTargets: 3)
}

/// Deterministic figures, recorded as custom metrics: the same code and input give the same
/// values on any machine, so the quick pass holds them tightly.
public enum PlanMetrics {
    public static let simplexIterations = BenchmarkMetric.custom("Simplex iterations", useScalingFactor: false)
    public static let nodes = BenchmarkMetric.custom("B&B nodes", useScalingFactor: false)
    public static let solvedVariables = BenchmarkMetric.custom("Solved variables", useScalingFactor: false)
    public static let solvedRows = BenchmarkMetric.custom("Solved rows", useScalingFactor: false)
    public static let individualVariables = BenchmarkMetric.custom("Individual variables", useScalingFactor: false)
    public static let cadreClasses = BenchmarkMetric.custom("Cadre classes", useScalingFactor: false)
    public static let targetClasses = BenchmarkMetric.custom("Target classes", useScalingFactor: false)
    public static let blocks = BenchmarkMetric.custom("Blocks", useScalingFactor: false)
    public static let cadres = BenchmarkMetric.custom("Cadres", useScalingFactor: false)
    public static let targets = BenchmarkMetric.custom("Targets", useScalingFactor: false)

    /// The figures of a solved plan.
    public static let ofPlan = [simplexIterations, nodes, solvedVariables, solvedRows, cadreClasses, targetClasses]

    /// Records a plan's figures.
    public static func record(_ plan: Plan, in benchmark: Benchmark) {
        let s = plan.statistics
        benchmark.measurement(simplexIterations, s.simplexIterations)
        benchmark.measurement(nodes, s.nodes)
        benchmark.measurement(solvedVariables, s.solvedModel.variables)
        benchmark.measurement(solvedRows, s.solvedModel.rows)
        benchmark.measurement(cadreClasses, s.cadreClasses)
        benchmark.measurement(targetClasses, s.targetClasses)
    }
}

/// Metrics and run lengths.
public enum BenchmarkSettings {
    /// Measured for every benchmark: time, CPU (above wall time when blocks solve in parallel),
    /// resident memory sampled every ~5 ms (peak of the whole process, setup included) and mallocs.
    public static let standardMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal]

    /// Tolerances for `swift package benchmark baseline check` (the quick pass applies its own,
    /// the same in spirit, from Thresholds/quick-pass.json): wall and CPU time 3×, memory 2×,
    /// mallocs 5 %, deterministic figures exact.
    public static func thresholds(custom: [BenchmarkMetric]) -> [BenchmarkMetric: BenchmarkThresholds] {
        var t: [BenchmarkMetric: BenchmarkThresholds] = [
            .wallClock: .init(relative: [.p50: 200]),
            .cpuTotal: .init(relative: [.p50: 200]),
            .peakMemoryResident: .init(relative: [.p50: 100]),
            .mallocCountTotal: .init(relative: [.p50: 5]),
        ]
        for m in custom { t[m] = .init(relative: [.p50: 0], absolute: [.p50: 0]) }
        return t
    }

    /// A configuration of at most `iterations` runs and about `seconds` of measuring (at least one run).
    public static func configuration(custom: [BenchmarkMetric] = [], iterations: Int, seconds: Int, warmup: Int = 0) -> Benchmark.Configuration {
        .init(
            metrics: standardMetrics + custom,
            timeUnits: .milliseconds,
            warmupIterations: warmup,
            maxDuration: .seconds(seconds),
            maxIterations: iterations,
            thresholds: thresholds(custom: custom)
        )
    }
}
