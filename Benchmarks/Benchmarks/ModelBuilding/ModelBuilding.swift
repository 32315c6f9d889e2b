import Benchmark
import BenchmarkSupport
import CadrePlan
import Scenario

// Classes, blocks and every block's integer program, without solving (PlannerPhases.build).
let benchmarks: @Sendable () -> Void = {
    let cases: [(name: String, scenario: String, mode: AssignmentMode?, iterations: Int)] = [
        ("small", "small", nil, 50),
        ("hainan-2022 one-to-one", "hainan-2022", .oneToOne, 10),
        ("hainan-2022 one-to-many:3", "hainan-2022", BenchmarkScenarios.oneToMany3, 10),
    ]
    let figures = [PlanMetrics.individualVariables, PlanMetrics.solvedVariables, PlanMetrics.solvedRows, PlanMetrics.blocks]
    for c in cases {
        Benchmark(c.name, configuration: BenchmarkSettings.configuration(
            custom: figures, iterations: c.iterations, seconds: 3, warmup: 1)
        ) { benchmark, scenario in
            let r = PlannerPhases.build(scenario, options: PlannerOptions(mode: c.mode))
            benchmark.measurement(PlanMetrics.individualVariables, r.individual.variables)
            benchmark.measurement(PlanMetrics.solvedVariables, r.solved.variables)
            benchmark.measurement(PlanMetrics.solvedRows, r.solved.rows)
            benchmark.measurement(PlanMetrics.blocks, r.blocks)
        } setup: {
            BenchmarkScenarios.load(c.scenario)
        }
    }
}
