import Benchmark
import BenchmarkSupport
import CadrePlan
import GLPKSolver
import Scenario

// OR-Library instances through the planner, as `cadreplan solve` would plan an imported
// scenario: every GAP problem of gap1–gap12 (60) and gapa–gapd (24), the linear assignment
// instances assign100–assign800 and assignp800/assignp1500. Each solve has a 60 s limit (the
// goal for gap1–gapc is a proof within it; gapd reports value, bound and gap at 60 s).
// Full run only: the CI quick pass skips this suite (Benchmarks/quick-pass.sh). Without
// ../shared/data/orlib (or $CADREPLAN_ORLIB) the suite registers nothing.

/// 1 when every tier was proven optimal, else 0; and the source objective (for the table).
let provenMetric = BenchmarkMetric.custom("Proven optimal", useScalingFactor: false)
let objectiveMetric = BenchmarkMetric.custom("Objective", useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    var cases: [(name: String, file: String, problem: Int?)] = []
    for file in (1...12).map({ "gap\($0)" }) { cases += (1...5).map { ("\(file)-\($0)", file + ".txt", $0) } }
    for file in ["gapa", "gapb", "gapc", "gapd"] { cases += (1...6).map { ("\(file)-\($0)", file + ".txt", $0) } }
    cases += [100, 200, 300, 400, 500, 600, 700, 800].map { ("assign\($0)", "assign\($0).txt", nil) }
    cases += [800, 1500].map { ("assignp\($0)", "assignp\($0).txt", nil) }
    for c in cases where LiteratureInstances.has(c.file) {
        Benchmark(c.name, configuration: BenchmarkSettings.configuration(
            custom: [PlanMetrics.nodes, PlanMetrics.simplexIterations, provenMetric, objectiveMetric], iterations: 3, seconds: 10)
        ) { (benchmark: Benchmark, imported: ORLibraryImport.Imported) in
            do {
                var options = PlannerOptions(timeLimit: 60)
                options.matchingSolver = MatchingRoutine { try AssignmentSolver.maximumWeightMatching(left: $0, right: $1, edges: $2) }
                let plan = try Planner(solver: GLPKSolver()).plan(imported.scenario, options: options)
                let quality = plan.tiers.first { $0.name == "quality" }?.value ?? 0
                benchmark.measurement(provenMetric, plan.tiers.allSatisfy(\.isOptimal) ? 1 : 0)
                benchmark.measurement(objectiveMetric, imported.objective.value(quality: quality))
                benchmark.measurement(PlanMetrics.nodes, plan.statistics.nodes)
                benchmark.measurement(PlanMetrics.simplexIterations, plan.statistics.simplexIterations)
                blackHole(plan)
            } catch {
                benchmark.error("\(c.name): \(error)")
            }
        } setup: { () -> ORLibraryImport.Imported in
            if let problem = c.problem { return LiteratureInstances.gap(c.file, problem: problem) }
            return LiteratureInstances.assignment(c.file)
        }
    }
}
