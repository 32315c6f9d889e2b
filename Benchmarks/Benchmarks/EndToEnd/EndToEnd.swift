import Benchmark
import BenchmarkSupport
import CadrePlan
import Foundation
import GLPKSolver
import PlanPublishing
import Scenario

// What `cadreplan solve` does, from the scenario folder to the written plan folder: read,
// prepare, solve all tiers, expand, write every table and verify the written folder
// independently before it replaces anything (VerifiedPlanWriter, the path of `solve` itself).
func solveEndToEnd(folder: String, mode: AssignmentMode?, out: String) throws -> Plan {
    let started = Date()
    let scenario = try ScenarioLoader.load(folder: folder)
    var timings = ["read": Date().timeIntervalSince(started)]
    let plan = try Planner(solver: GLPKSolver()).plan(scenario, options: PlannerOptions(mode: mode))
    timings.merge(plan.statistics.seconds) { a, _ in a }
    let written = try VerifiedPlanWriter(language: .zh, formats: [.csv]).write(plan, to: out, timings: timings, earlier: nil, started: started)
    blackHole(Report.text(summary: written.summary, timings: written.timings))
    return plan
}

let benchmarks: @Sendable () -> Void = {
    // The scale-10 preset is benchmarked in Solving (full run only); its end-to-end time is
    // measured with the command line, as docs/PERFORMANCE.md shows, to keep the full run short.
    let cases: [(name: String, scenario: String, mode: AssignmentMode?, iterations: Int)] = [
        ("hainan-2022 one-to-one", "hainan-2022", .oneToOne, 5),
        ("hainan-2022 one-to-many:3", "hainan-2022", BenchmarkScenarios.oneToMany3, 3),
        // The scenario's own mode (one-to-one-first:3, 宣传组 one target): issue 8's end-to-end figure.
        ("hainan-2022 default", "hainan-2022", nil, 3),
    ]
    for (i, c) in cases.enumerated() {
        // Named, not created, here: this closure runs in every process the benchmark tool starts.
        let scratch = BenchmarkPaths.scratchFolder("end-to-end-\(i)")
        let folder = BenchmarkPaths.scenario(c.scenario)
        Benchmark(c.name, configuration: BenchmarkSettings.configuration(
            custom: PlanMetrics.ofPlan, iterations: c.iterations, seconds: 10)
        ) { benchmark in
            do {
                let plan = try solveEndToEnd(folder: folder, mode: c.mode, out: scratch + "/plan")
                PlanMetrics.record(plan, in: benchmark)
            } catch {
                benchmark.error("\(c.name): \(error)")
            }
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }
}
