import Benchmark
import BenchmarkSupport
import CadrePlan
import Foundation
import PlanPublishing
import Scenario

// The planning desk's pin-and-re-solve on hainan-2022 (issue 12: "updates the page in a median
// of at most 2 s"): pin one assignment of the current plan in the scenario's pins.csv, load the
// scenario, re-solve against the current plan (the stability tier: fewest changes) and write the
// plan through VerifiedPlanWriter, all through PlanningRun, the code the desk's solves run.
// The page is updated once the tables are published; the workbooks follow on a thread of their
// own (the desk's downloads wait for them): they are written after the measured part, and their
// time is reported as a metric of its own. Rendering the page afterwards (reading the plan's
// csv) is not included. Full run only: quick-pass.sh skips this target (each iteration is a
// whole solve of hainan-2022).

/// A copy of scenarios/hainan-2022 (its own files, so the pins can change) in `folder`.
func copyScenario(to folder: String) {
    let source = BenchmarkPaths.scenario("hainan-2022")
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: source) where file.hasSuffix(".csv") || file.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: folder + "/" + file)
        }
    } catch { fatalError("cannot copy hainan-2022: \(error)") }
}

/// Pins the `index`-th assignment of the plan in `plan` (its pins.csv) in the scenario's pins.csv,
/// as the desk's pin button does, and returns the plan's assignments (the re-solve's reference).
func pinOne(scenario: String, plan: String, index: Int) throws -> [Pin] {
    let current = try PinsFile.read(path: plan + "/pins.csv")
    let existing = FileManager.default.fileExists(atPath: scenario + "/pins.csv") ? try PinsFile.read(path: scenario + "/pins.csv") : []
    let pin = current[index % current.count]
    let pins = existing.contains(pin) ? existing : existing + [pin]
    try AtomicFile.write(CSVText.render(header: ["cadre", "target", "wave"], rows: pins.map { [$0.cadre, $0.target, $0.wave] }),
                         to: scenario + "/pins.csv")
    return current
}

/// Where an iteration's time goes, from the plan's own timings (timings.json): milliseconds, not deterministic.
enum Phase {
    static let plan = BenchmarkMetric.custom("Prepare+solve+expand (ms)", useScalingFactor: false)
    static let verify = BenchmarkMetric.custom("Verify (ms)", useScalingFactor: false)
    static let write = BenchmarkMetric.custom("Write (ms)", useScalingFactor: false)
    static let workbooks = BenchmarkMetric.custom("Workbooks after the page (ms)", useScalingFactor: false)

    /// Seven runs at most; the phase times held like wall time (3×), not like the exact figures.
    static var configuration: Benchmark.Configuration {
        var c = BenchmarkSettings.configuration(iterations: 7, seconds: 90)
        c.metrics += [plan, verify, write, workbooks]
        for m in [plan, verify, write, workbooks] { c.thresholds?[m] = .init(relative: [.p50: 200]) }
        return c
    }

    /// Records `timings` (seconds by phase) in `benchmark`.
    static func record(_ timings: [String: Double], in benchmark: Benchmark) {
        func ms(_ keys: [String]) -> Int { Int((keys.compactMap { timings[$0] }.reduce(0, +) * 1000).rounded()) }
        benchmark.measurement(plan, ms(["prepare", "solve", "expand"]))
        benchmark.measurement(verify, ms(["verify"]))
        benchmark.measurement(write, ms(["write"]))
    }
}

let benchmarks: @Sendable () -> Void = {
    let scratch = BenchmarkPaths.scratchFolder("desk-resolve")
    let counter = IterationCounter()
    Benchmark("desk pin-and-re-solve hainan-2022", configuration: Phase.configuration) { benchmark in
        do {
            let previous = try pinOne(scenario: scratch + "/scenario", plan: scratch + "/plan", index: counter.next() * 97)
            let scenario = try ScenarioLoader.load(folder: scratch + "/scenario")
            let published = try PlanningRun.solve(scenario, to: scratch + "/plan", previous: previous, language: .zh, workbooksLater: true)
            benchmark.stopMeasurement()
            Phase.record(published.written.timings, in: benchmark)
            let workbooksStart = Date()
            _ = try published.workbooks?()
            benchmark.measurement(Phase.workbooks, Int((Date().timeIntervalSince(workbooksStart) * 1000).rounded()))
        } catch {
            benchmark.error("\(error)")
        }
    } setup: {
        copyScenario(to: scratch + "/scenario")
        // The current plan, as the desk's first solve writes it (not measured).
        do { _ = try PlanningRun.solve(try ScenarioLoader.load(folder: scratch + "/scenario"), to: scratch + "/plan", previous: nil, language: .zh) } catch {
            fatalError("first solve of hainan-2022: \(error)")
        }
    } teardown: {
        try? FileManager.default.removeItem(atPath: scratch)
    }
}

/// Which assignment the next iteration pins (a different one each time).
final class IterationCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}
