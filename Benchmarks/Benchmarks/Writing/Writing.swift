import Benchmark
import BenchmarkSupport
import CadrePlan
import Foundation
import GLPKSolver
import PlanVerifier
import Scenario
import XLSXWriter

// What the workbooks cost. The plan folder of hainan-2022 is written with and without
// `--format xlsx` (plan.xlsx and one workbook per service group and region), the difference
// being the workbooks' cost; the scenario is planned once per process, outside the measurement.
//
// With CADREPLAN_BENCH_END_TO_END=1 the same pair is also measured end to end (read, solve,
// verify, write), as `cadreplan solve` does it; those two are left out of the CI quick pass,
// whose budget one hainan-2022 solve per run already fills.

/// hainan-2022 planned under its own mode, with its summary: made once per process, on first use.
let hainanPlan: (plan: Plan, summary: PlanSummary) = {
    let scenario = BenchmarkScenarios.load("hainan-2022")
    do {
        let plan = try Planner(solver: GLPKSolver()).plan(scenario, options: PlannerOptions())
        return (plan, PlanSummary(plan: plan, solverName: GLPKSolver.versionDescription, violations: 0))
    } catch {
        fatalError("hainan-2022 does not plan: \(error)")
    }
}()

/// The writer `cadreplan solve --format F` uses.
func writer(_ formats: [TableFormat]) -> PlanWriter {
    PlanWriter(language: .zh, formats: formats, spreadsheetWriter: XLSXFileWriter())
}

/// Read, plan, verify and write, as `cadreplan solve` does.
func endToEnd(_ formats: [TableFormat], out: String) throws {
    let scenario = try ScenarioLoader.load(folder: BenchmarkPaths.scenario("hainan-2022"))
    let plan = try Planner(solver: GLPKSolver()).plan(scenario, options: PlannerOptions())
    let s = plan.scenario
    let assignments = plan.pairs.map { PlannedAssignment(cadre: s.cadres[$0.cadre].id, target: s.targets[$0.target].id, wave: s.waves[$0.wave].id) }
    let claimed = Dictionary(uniqueKeysWithValues: plan.tiers.map { ($0.name, $0.value) })
    let report = PlanVerifier.verify(scenario: s, assignments: assignments, claimed: claimed)
    guard report.isValid else { throw VerificationFailed(violations: report.violations.count) }
    let summary = PlanSummary(plan: plan, solverName: GLPKSolver.versionDescription, violations: 0)
    try writer(formats).write(plan, summary: summary, timings: [:], to: out)
}

struct VerificationFailed: Error, CustomStringConvertible {
    var violations: Int
    var description: String { "the plan failed verification (\(violations) violations)" }
}

let benchmarks: @Sendable () -> Void = {
    let cases: [(name: String, formats: [TableFormat])] = [("csv", [.csv]), ("csv+xlsx", [.csv, .xlsx])]
    for (i, c) in cases.enumerated() {
        let scratch = BenchmarkPaths.scratchFolder("writing-\(i)")
        Benchmark("hainan-2022 write \(c.name)", configuration: BenchmarkSettings.configuration(iterations: 7, seconds: 15, warmup: 1)) { benchmark in
            let plan = hainanPlan
            benchmark.startMeasurement()
            do {
                try writer(c.formats).write(plan.plan, summary: plan.summary, timings: [:], to: scratch + "/plan")
            } catch {
                benchmark.error("\(c.name): \(error)")
            }
            benchmark.stopMeasurement()
        } setup: {
            _ = hainanPlan
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }
    guard ProcessInfo.processInfo.environment["CADREPLAN_BENCH_END_TO_END"] == "1" else { return }
    for (i, c) in cases.enumerated() {
        let scratch = BenchmarkPaths.scratchFolder("writing-e2e-\(i)")
        Benchmark("hainan-2022 end to end \(c.name)", configuration: BenchmarkSettings.configuration(iterations: 5, seconds: 120)) { benchmark in
            do { try endToEnd(c.formats, out: scratch + "/plan") } catch { benchmark.error("\(c.name): \(error)") }
        } teardown: {
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }
}
