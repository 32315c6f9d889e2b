import Benchmark
import BenchmarkSupport
import CadrePlan
import Foundation
import GLPKSolver
import PlanPublishing
import Scenario

// How the cost of a whole plan grows with the campaign (docs/SCALING.md): hainan-2022 at 1× and
// 10×, and the national-2022 preset (31 provinces, about 68 Hainans), end to end from a scenario
// folder written in setup; then the national preset split into 4 shares (`solve --blocks i/4`)
// and merged. Every benchmark here is named `scale-…` and is skipped by the CI quick pass
// (Benchmarks/quick-pass.sh skips the whole Scaling target): the national runs take minutes.

/// What `cadreplan solve` does after reading its arguments: read, plan, verify, write.
func endToEnd(folder: String, out: String) throws -> Plan {
    let started = Date()
    let scenario = try ScenarioLoader.load(folder: folder)
    var timings = ["read": Date().timeIntervalSince(started)]
    let plan = try Planner(solver: GLPKSolver()).plan(scenario, options: plannerOptions())
    try verifyAndWrite(plan, timings: &timings, out: out)
    return plan
}

/// The options `cadreplan solve` uses (the network fast path included).
func plannerOptions() -> PlannerOptions {
    var options = PlannerOptions()
    options.matchingSolver = MatchingRoutine { try AssignmentSolver.maximumWeightMatching(left: $0, right: $1, edges: $2) }
    return options
}

/// The independent checks and the plan folder: the very writer `solve` and `merge` use
/// (verify, write atomically, read back and verify again).
func verifyAndWrite(_ plan: Plan, timings: inout [String: Double], out: String) throws {
    timings.merge(plan.statistics.seconds) { a, _ in a }
    timings = try VerifiedPlanWriter(language: .zh, formats: [.csv]).write(plan, to: out, timings: timings, earlier: nil, started: Date()).timings
}


/// Writes a generated scenario to `folder` (setup: not measured).
func writeScenario(_ scenario: Scenario, to folder: String) {
    do { try ScenarioWriter.write(scenario, to: folder) } catch { fatalError("cannot write \(folder): \(error)") }
}

/// Solves share `index` of `count` of the scenario in `folder` into a partial plan, as `solve --blocks` does.
func solveShare(folder: String, index: Int, count: Int) throws -> PartialPlan {
    let scenario = try ScenarioLoader.load(folder: folder)
    let share = try Planner(solver: GLPKSolver()).solve(scenario, share: BlockShare(index: index, count: count)!, options: plannerOptions())
    let identity = PartialPlan.ScenarioIdentity(name: scenario.name, folder: folder, digest: ScenarioDigest.of(scenario))
    return PartialPlan(scenario: identity, options: .init(), solution: share, seconds: share.seconds)
}

let shares = 4

let benchmarks: @Sendable () -> Void = {
    // Named, not created, here: this closure runs in every process the benchmark tool starts.
    let runs: [(name: String, make: @Sendable () -> Scenario)] = [
        ("scale-1 end to end", { BenchmarkScenarios.preset(scale: 1) }),
        ("scale-10 end to end", { BenchmarkScenarios.preset(scale: 10) }),
        ("scale-national end to end", { NationalPreset.generate(seed: 1).scenario }),
    ]
    for (i, run) in runs.enumerated() {
        let scratch = BenchmarkPaths.scratchFolder("scaling-\(i)")
        Benchmark(run.name, configuration: BenchmarkSettings.configuration(custom: PlanMetrics.ofPlan + [PlanMetrics.blocks], iterations: 3, seconds: 1)) { benchmark in
            do {
                let plan = try endToEnd(folder: scratch + "/scenario", out: scratch + "/plan")
                PlanMetrics.record(plan, in: benchmark)
                benchmark.measurement(PlanMetrics.blocks, plan.statistics.blocks)
            } catch {
                benchmark.error("\(run.name): \(error)")
            }
        } setup: {
            writeScenario(run.make(), to: scratch + "/scenario")
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }

    // One share of four (the largest: blocks are dealt largest first, so share 1 holds the
    // largest block), as one task of an array job runs it: read, prepare, solve, nothing else.
    let shareScratch = BenchmarkPaths.scratchFolder("scaling-share")
    Benchmark("scale-national share 1 of \(shares)", configuration: BenchmarkSettings.configuration(iterations: 1, seconds: 1)) { benchmark in
        do { blackHole(try solveShare(folder: shareScratch + "/scenario", index: 1, count: shares)) } catch { benchmark.error("\(error)") }
    } setup: {
        writeScenario(NationalPreset.generate(seed: 1).scenario, to: shareScratch + "/scenario")
    } teardown: {
        try? FileManager.default.removeItem(atPath: shareScratch)
    }

    // The merge step: read the scenario and the four parts, rebuild, check, verify and write.
    // Setup solves all four shares (minutes), outside the measurement.
    let mergeScratch = BenchmarkPaths.scratchFolder("scaling-merge")
    Benchmark("scale-national merge of \(shares)", configuration: BenchmarkSettings.configuration(custom: PlanMetrics.ofPlan, iterations: 1, seconds: 1)) { benchmark in
        do {
            let started = Date()
            var parts: [(path: String, part: PartialPlan)] = []
            for i in 1...shares {
                let path = mergeScratch + "/part-\(i)-of-\(shares).json"
                parts.append((path, try PartialPlan.read(path: path)))
            }
            let scenario = try ScenarioLoader.load(folder: mergeScratch + "/scenario")
            var timings = ["read": Date().timeIntervalSince(started)]
            let plan = try Planner.merge(parts, scenario: scenario, options: plannerOptions())
            try verifyAndWrite(plan, timings: &timings, out: mergeScratch + "/plan")
            PlanMetrics.record(plan, in: benchmark)
        } catch {
            benchmark.error("\(error)")
        }
    } setup: {
        writeScenario(NationalPreset.generate(seed: 1).scenario, to: mergeScratch + "/scenario")
        for i in 1...shares {
            do {
                try solveShare(folder: mergeScratch + "/scenario", index: i, count: shares).encoded()
                    .write(to: URL(fileURLWithPath: mergeScratch + "/part-\(i)-of-\(shares).json"))
            } catch { fatalError("share \(i): \(error)") }
        }
    } teardown: {
        try? FileManager.default.removeItem(atPath: mergeScratch)
    }
}
