import Scenario
import Testing
@testable import CadrePlan

/// Capacity-bound one-to-many scenarios — the kind GLPK's default branch-and-bound could not
/// prove even at 15 × 25 (../shared/data/cases/README.md) — are proven optimal in every tier.
///
/// The test asserts the status only: every tier must end `optimal`, within a time limit that is
/// there so that a regression fails instead of hanging (speed is measured in Benchmarks/).
@Suite("One-to-many with workloads: every tier proven")
struct OneToManyPropertyTests {
    /// A random scenario of up to 20 cadres and 25 targets in one or two regions, one-to-many:2
    /// or :3, with workloads 1–3 and capacities that often bind.
    static func randomScenario(seed: UInt64) -> Scenario {
        var r = TestRandom(state: seed &* 0x2545_F491_4F6C_DD1D &+ 17)
        var b = Build()
        b.regions = [Region(id: "a", name: "A", latitude: 18.25, longitude: 109.51),
                     Region(id: "b", name: "B", latitude: 19.20, longitude: 109.75)]
        b.groups = [ServiceGroup(id: "g1", name: "G1", categories: ["x", "y"]), ServiceGroup(id: "g2", name: "G2", categories: ["z"])]
        b.mode = .oneToMany(maxTargets: r.int(2...3))
        if r.chance(0.4) { b.waves[0].quotas = [.province: r.int(1...4), .county: r.int(2...8)] }
        let categories = ["x", "y", "z"]
        for i in 0..<r.int(6...20) {
            let level: Level = r.chance(0.3) ? .province : .county
            b.cadre("c\(i)", level: level, rank: Rank(rawValue: r.int(1...3))!,
                    group: level == .province ? (r.chance(0.6) ? "g1" : "g2") : nil,
                    region: r.chance(0.6) ? "a" : "b", skills: r.chance(0.4) ? [categories[r.int(0...2)]] : [],
                    capacity: r.chance(0.5) ? r.int(2...4) : nil, earliest: r.chance(0.1) ? "w2" : nil)
        }
        for i in 0..<r.int(8...25) {
            b.target("t\(i)", kind: r.chance(0.2) ? .project : .enterprise, category: categories[r.int(0...2)],
                     level: r.chance(0.3) ? .province : .county, region: r.chance(0.6) ? "a" : "b",
                     priority: r.int(1...5), urgent: r.chance(0.1), halted: r.chance(0.1), demand: r.int(1...2),
                     minRank: r.chance(0.15) ? .division : .section, workload: r.int(1...3))
        }
        return b.scenario
    }

    @Test(arguments: 1...100)
    func everyTierIsProven(seed: Int) throws {
        let s = Self.randomScenario(seed: UInt64(seed))
        var options = PlannerOptions(timeLimit: 120)
        options.parallel = false
        let plan = try solveWith(s, options)
        for tier in plan.tiers {
            #expect(tier.isOptimal, "seed \(seed): tier \(tier.name) is \(tier.status)")
        }
    }
}
