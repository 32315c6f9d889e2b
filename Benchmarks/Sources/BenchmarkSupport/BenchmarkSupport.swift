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

/// Small capacity-bound one-to-many scenarios, generated in memory from a seed: up to 20 cadres
/// and 25 targets, one-to-many:2 or :3, workloads 1–3 and capacities that often bind — the kind
/// GLPK's default search could not prove (../shared/data/cases/README.md). The same shape as
/// the property test `OneToManyPropertyTests` (which keeps its own copy).
public enum CapacityScenarios {
    /// Scenario number `seed`.
    public static func make(seed: UInt64) -> Scenario {
        var r = SplitMixRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 17)
        let regions = [Region(id: "a", name: "A", latitude: 18.25, longitude: 109.51),
                       Region(id: "b", name: "B", latitude: 19.20, longitude: 109.75)]
        let groups = [ServiceGroup(id: "g1", name: "G1", categories: ["x", "y"]), ServiceGroup(id: "g2", name: "G2", categories: ["z"])]
        var waves = [Wave(id: "w1", date: "2022-09-16"), Wave(id: "w2", date: "2022-09-26")]
        if r.chance(0.4) { waves[0].quotas = [.province: r.int(1...4), .county: r.int(2...8)] }
        let categories = ["x", "y", "z"]
        var cadres: [Cadre] = []
        for i in 0..<r.int(6...20) {
            let level: Level = r.chance(0.3) ? .province : .county
            cadres.append(Cadre(id: "c\(i)", name: "c\(i)", level: level, rank: Rank(rawValue: r.int(1...3))!,
                                group: level == .province ? (r.chance(0.6) ? "g1" : "g2") : nil,
                                region: r.chance(0.6) ? "a" : "b", unit: "",
                                skills: r.chance(0.4) ? [categories[r.int(0...2)]] : [],
                                capacity: r.chance(0.5) ? r.int(2...4) : nil, earliestWave: r.chance(0.1) ? "w2" : nil))
        }
        var targets: [Target] = []
        for i in 0..<r.int(8...25) {
            targets.append(Target(id: "t\(i)", name: "t\(i)", kind: r.chance(0.2) ? .project : .enterprise,
                                  category: categories[r.int(0...2)], level: r.chance(0.3) ? .province : .county,
                                  region: r.chance(0.6) ? "a" : "b", priority: r.int(1...5), urgent: r.chance(0.1),
                                  halted: r.chance(0.1), demand: r.int(1...2),
                                  minRank: r.chance(0.15) ? .division : .section, workload: r.int(1...3),
                                  consent: true, supervisor: nil))
        }
        return Scenario(name: "capacity-\(seed)", waves: waves, groups: groups, mode: .oneToMany(maxTargets: r.int(2...3)),
                        weights: .standard, rules: Rules(), regions: regions, cadres: cadres, targets: targets,
                        pairs: [], pins: [])
    }
}

/// SplitMix64, so that generated scenarios depend only on their seed.
struct SplitMixRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

/// OR-Library instances (../shared/data/orlib, or `$CADREPLAN_ORLIB`), imported as scenarios.
public enum LiteratureInstances {
    /// The folder holding the OR-Library files.
    public static var folder: String {
        if let path = ProcessInfo.processInfo.environment["CADREPLAN_ORLIB"], !path.isEmpty { return path }
        return BenchmarkPaths.root + "/../shared/data/orlib"
    }

    /// Whether `file` is present (the shared data folder is optional).
    public static func has(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/" + file)
    }

    /// Problem `problem` of GAP file `file` (e.g. "gap12.txt"), in the file's published sense.
    public static func gap(_ file: String, problem: Int) -> ORLibraryImport.Imported {
        do {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let sense = ORLibraryImport.defaultSense(forFile: file) ?? .min
            return try ORLibraryImport.gap(text: text, file: file, problem: problem, sense: sense)
        } catch {
            fatalError("cannot import \(file) problem \(problem): \(error)")
        }
    }

    /// The linear assignment instance `file` (e.g. "assign100.txt").
    public static func assignment(_ file: String) -> ORLibraryImport.Imported {
        do {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            return try ORLibraryImport.assignment(text: text, file: file)
        } catch {
            fatalError("cannot import \(file): \(error)")
        }
    }
}
