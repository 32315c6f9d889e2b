import Benchmark
import BenchmarkSupport
import CadrePlan
import Scenario

// Partitioning cadres and targets into classes of interchangeable members (PlannerPhases.aggregate).
let classArcs = BenchmarkMetric.custom("Class arcs", useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let cases: [(name: String, scenario: String, mode: AssignmentMode?, iterations: Int)] = [
        ("small", "small", nil, 50),
        ("hainan-2022 one-to-one", "hainan-2022", .oneToOne, 10),
        ("hainan-2022 one-to-many:3", "hainan-2022", BenchmarkScenarios.oneToMany3, 10),
    ]
    for c in cases {
        Benchmark(c.name, configuration: BenchmarkSettings.configuration(
            custom: [PlanMetrics.cadreClasses, PlanMetrics.targetClasses, classArcs], iterations: c.iterations, seconds: 3, warmup: 1)
        ) { benchmark, scenario in
            let r = PlannerPhases.aggregate(scenario, options: PlannerOptions(mode: c.mode))
            benchmark.measurement(PlanMetrics.cadreClasses, r.cadreClasses)
            benchmark.measurement(PlanMetrics.targetClasses, r.targetClasses)
            benchmark.measurement(classArcs, r.arcs)
        } setup: {
            BenchmarkScenarios.load(c.scenario)
        }
    }
}
