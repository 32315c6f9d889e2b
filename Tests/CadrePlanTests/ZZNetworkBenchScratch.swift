// THROWAWAY (not to be committed): timing of the network fast path on OR-Library instances.
import Foundation
import GLPKSolver
import PlanVerifier
import Scenario
import Testing
@testable import CadrePlan

@Suite("NetworkBenchScratch")
struct NetworkBenchScratch {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NETWORK_BENCH"] != nil))
    func bench() throws {
        let files = (ProcessInfo.processInfo.environment["NETWORK_BENCH_FILES"] ?? "assignp800.txt,assignp1500.txt").split(separator: ",").map(String.init)
        let runs = Int(ProcessInfo.processInfo.environment["NETWORK_BENCH_RUNS"] ?? "5")!
        let general = ProcessInfo.processInfo.environment["NETWORK_BENCH_GENERAL"] != nil
        for file in files {
            var t0 = Date()
            let s = try NetworkTests.orlibScenario(file)
            print("\(file): read \(Date().timeIntervalSince(t0))")
            t0 = Date()
            let built = PlannerPhases.build(s)
            print("\(file): build \(Date().timeIntervalSince(t0)) \(built.solved)")
            var times: [Double] = []
            for _ in 0..<runs {
                var options = PlannerOptions()
                if !general { options.matchingSolver = glpkMatching }
                let t = Date()
                let plan = try Planner(solver: GLPKSolver()).plan(s, options: options)
                times.append(Date().timeIntervalSince(t))
                print("\(file): plan \(times.last!) phases \(plan.statistics.seconds) tiers \(plan.values) network \(plan.statistics.networkBlocks)")
            }
            times.sort()
            print("\(file): MEDIAN \(times[times.count / 2]) of \(times)")
        }
    }
}

@Suite("NetworkBenchScratch2")
struct NetworkBenchScratch2 {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NETWORK_BENCH2"] != nil))
    func routine() throws {
        let text = try String(contentsOf: NetworkTests.orlib.appendingPathComponent("assignp800.txt"), encoding: .utf8)
        let nums = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        var edges: [(left: Int, right: Int, cost: Int)] = []
        for k in stride(from: 1, to: nums.count - 2, by: 3) { edges.append((nums[k] - 1, nums[k + 1] - 1, nums[k + 2])) }
        var t = Date()
        let a = try AssignmentSolver.solve(.minimumCostPerfect, left: 800, right: 800, edges: edges)
        print("MIN raw: \(a.total) \(Date().timeIntervalSince(t))")
        t = Date()
        let b = try AssignmentSolver.solve(.maximumWeight, left: 800, right: 800, edges: edges.map { ($0.left, $0.right, 101 - $0.cost) })
        print("MMP 101-c: \(b.total) \(Date().timeIntervalSince(t))")
        for W in [1000, 10000, 79301] {
            t = Date()
            let c = try AssignmentSolver.solve(.maximumWeight, left: 800, right: 800, edges: edges.map { ($0.left, $0.right, W - $0.cost) })
            print("MMP W=\(W): \(800 * W - c.total) \(Date().timeIntervalSince(t))")
        }
    }
}

@Suite("NetworkBenchScratch3")
struct NetworkBenchScratch3 {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NETWORK_BENCH3"] != nil))
    func doubled() throws {
        let text = try String(contentsOf: NetworkTests.orlib.appendingPathComponent("assignp800.txt"), encoding: .utf8)
        let nums = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        var edges: [(left: Int, right: Int, cost: Int)] = []
        for k in stride(from: 1, to: nums.count - 2, by: 3) { edges.append((nums[k] - 1, nums[k + 1] - 1, nums[k + 2])) }
        let W = 79301
        let w = edges.map { W - $0.cost }
        let K = w.max()!
        let L = 800, R = 800
        // left: L real + R' ; right: R real + L'
        var d: [(left: Int, right: Int, cost: Int)] = []
        for (e, x) in edges.enumerated() { d.append((x.left, x.right, K - w[e])) }
        for l in 0..<L { d.append((l, R + l, K)) }
        for r in 0..<R { d.append((L + r, r, 0)) }
        for x in edges { d.append((L + x.right, R + x.left, 0)) }
        let t = Date()
        let c = try AssignmentSolver.solve(.minimumCostPerfect, left: L + R, right: R + L, edges: d)
        let real = c.edges.filter { $0 < edges.count }
        print("DOUBLED: \(real.count) \(real.reduce(0) { $0 + edges[$1].cost }) \(Date().timeIntervalSince(t))")
    }
}
