import Benchmark
import BenchmarkSupport
import CadrePlan
import GLPKSolver
import Scenario

// Planner.plan with GLPK: prepare (classes, blocks, models), the three lexicographic tiers, expansion.
// The scenario is loaded (or generated) in setup, outside the measurement.
let benchmarks: @Sendable () -> Void = {
    let cases: [(name: String, scenario: @Sendable () -> Scenario, options: PlannerOptions, iterations: Int, seconds: Int)] = [
        ("small", { BenchmarkScenarios.load("small") }, PlannerOptions(), 20, 3),
        // The same scenario without aggregation: one variable per cadre, target and wave.
        ("small individual", { BenchmarkScenarios.load("small") }, PlannerOptions(aggregate: false), 20, 3),
        ("hainan-2022 one-to-one", { BenchmarkScenarios.load("hainan-2022") }, PlannerOptions(mode: .oneToOne), 3, 10),
        ("hainan-2022 one-to-many:3", { BenchmarkScenarios.load("hainan-2022") }, PlannerOptions(mode: BenchmarkScenarios.oneToMany3), 3, 10),
        // Full run only (the quick pass skips "scale-10"): 10× every count, generated in memory.
        ("scale-10 one-to-one", { BenchmarkScenarios.preset(scale: 10) }, PlannerOptions(mode: .oneToOne), 3, 40),
    ]
    for c in cases {
        Benchmark(c.name, configuration: BenchmarkSettings.configuration(
            custom: PlanMetrics.ofPlan, iterations: c.iterations, seconds: c.seconds)
        ) { benchmark, scenario in
            do {
                let plan = try Planner(solver: GLPKSolver()).plan(scenario, options: c.options)
                PlanMetrics.record(plan, in: benchmark)
                blackHole(plan)
            } catch {
                benchmark.error("\(c.name): \(error)")
            }
        } setup: {
            c.scenario()
        }
    }
}
