import Benchmark
import BenchmarkSupport
import Scenario

// Reading and validating a scenario folder (CSV, YAML, every check of the data contract).
let benchmarks: @Sendable () -> Void = {
    for (name, iterations) in [("small", 50), ("hainan-2022", 10)] {
        Benchmark(name, configuration: BenchmarkSettings.configuration(
            custom: [PlanMetrics.cadres, PlanMetrics.targets], iterations: iterations, seconds: 3, warmup: 1)
        ) { benchmark in
            let scenario: Scenario
            do { scenario = try ScenarioLoader.load(folder: BenchmarkPaths.scenario(name)) } catch {
                benchmark.error("scenarios/\(name) does not load: \(error)"); return
            }
            benchmark.measurement(PlanMetrics.cadres, scenario.cadres.count)
            benchmark.measurement(PlanMetrics.targets, scenario.targets.count)
            blackHole(scenario)
        }
    }
}
