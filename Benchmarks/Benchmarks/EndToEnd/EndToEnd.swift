import Benchmark
import BenchmarkSupport
import CadrePlan
import Foundation
import GLPKSolver
import PlanVerifier
import Scenario

// What `cadreplan solve` does, from the scenario folder to the written plan folder:
// read, prepare, solve all tiers, expand, verify independently, write every table.
func solveEndToEnd(folder: String, mode: AssignmentMode?, out: String) throws -> Plan {
    let started = Date()
    let scenario = try ScenarioLoader.load(folder: folder)
    var timings = ["read": Date().timeIntervalSince(started)]
    let plan = try Planner(solver: GLPKSolver()).plan(scenario, options: PlannerOptions(mode: mode))
    let verifyStart = Date()
    let s = plan.scenario
    let assignments = plan.pairs.map { PlannedAssignment(cadre: s.cadres[$0.cadre].id, target: s.targets[$0.target].id, wave: s.waves[$0.wave].id) }
    let claimed = Dictionary(uniqueKeysWithValues: plan.tiers.map { ($0.name, $0.value) })
    let report = PlanVerifier.verify(scenario: s, assignments: assignments, claimed: claimed)
    guard report.isValid else { throw VerificationFailed(violations: report.violations.count) }
    timings["verify"] = Date().timeIntervalSince(verifyStart)
    timings.merge(plan.statistics.seconds) { a, _ in a }
    let summary = PlanSummary(plan: plan, solverName: GLPKSolver.versionDescription, violations: 0)
    try PlanWriter(language: .zh, formats: [.csv]).write(plan, summary: summary, timings: timings, to: out)
    blackHole(Report.text(summary: summary, timings: timings))
    return plan
}

struct VerificationFailed: Error, CustomStringConvertible {
    var violations: Int
    var description: String { "the plan failed verification (\(violations) violations)" }
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
