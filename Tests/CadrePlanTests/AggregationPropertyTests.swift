import Scenario
import GLPKSolver
import Testing
@testable import CadrePlan

/// SplitMix64: a tiny deterministic generator, so every run tests the same scenarios.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

/// The class model and the individual model reach the same tier values (docs/MODEL.md).
@Suite("Aggregation is exact")
struct AggregationPropertyTests {
    /// A random small scenario drawn from few templates, so that classes have several members.
    static func randomScenario(seed: UInt64) -> Scenario {
        var r = TestRandom(state: seed)
        var b = Build()
        b.regions = [Region(id: "a", name: "A", latitude: 20.04, longitude: 110.20), Region(id: "b", name: "B", latitude: 19.52, longitude: 109.58)]
        b.groups = [ServiceGroup(id: "g1", name: "G1", categories: ["x", "y"]), ServiceGroup(id: "g2", name: "G2", categories: ["z"])]
        b.mode = r.chance(0.5) ? .oneToOne : .oneToMany(maxTargets: r.int(2...3))
        if r.chance(0.5) { b.waves[0].quotas = [.province: r.int(1...4), .county: r.int(1...5)] }
        if r.chance(0.3) { b.waves[1].quotas = [.county: r.int(0...4)] }
        let categories = ["x", "y", "z"]
        for i in 0..<r.int(4...12) {
            let level: Level = r.chance(0.5) ? .province : .county
            b.cadre("c\(i)", level: level, rank: Rank(rawValue: r.int(1...3))!,
                    group: level == .province ? (r.chance(0.7) ? "g1" : "g2") : nil,
                    region: r.chance(0.6) ? "a" : "b", skills: r.chance(0.5) ? ["x"] : [],
                    capacity: r.chance(0.2) ? r.int(1...3) : nil, earliest: r.chance(0.15) ? "w2" : nil)
        }
        for i in 0..<r.int(4...12) {
            b.target("t\(i)", category: categories[r.int(0...2)], level: r.chance(0.5) ? .province : .county,
                     region: r.chance(0.6) ? "a" : "b", priority: r.int(1...3), urgent: r.chance(0.2), halted: r.chance(0.1),
                     demand: r.int(1...2), minRank: r.chance(0.2) ? .division : .section,
                     workload: r.chance(0.2) ? 2 : 1, consent: !r.chance(0.05))
        }
        if r.chance(0.5) {
            b.pairs.append(PairRule(cadre: "c0", target: "t0", forbidden: r.chance(0.5), cost: r.chance(0.5) ? r.int(0...100) : nil))
        }
        return b.scenario
    }

    /// A random scenario of ``randomScenario(seed:)`` with the campaign's own rules varied too:
    /// one-to-one, one-to-many or one-to-one-first, M per service group and per region
    /// (`max_targets`), a county reach that joins the two regions (87 km apart) or not, and
    /// tier orders other than the mode's default.
    static func randomRuleScenario(seed: UInt64) -> Scenario {
        var s = randomScenario(seed: seed)
        var r = TestRandom(state: seed &* 7919 &+ 17)
        switch r.int(0...3) {
        case 0: s.mode = .oneToOne
        case 1: s.mode = .oneToMany(maxTargets: r.int(2...3))
        default: s.mode = .oneToOneFirst(maxTargets: r.int(2...3))
        }
        if r.chance(0.4) { s.targetLimits.groups[r.chance(0.5) ? "g1" : "g2"] = r.int(1...3) }
        if r.chance(0.4) { s.targetLimits.regions[r.chance(0.5) ? "a" : "b"] = r.int(1...3) }
        if r.chance(0.5) { s.rules.countyReachKm = 100 }
        let orders: [[Tier]?] = [
            nil, nil,
            [.coverage, .timeliness, .principle, .quality],
            [.coverage, .principle, .timeliness, .quality],
            [.coverage, .quality, .timeliness],
            [.timeliness, .coverage, .principle, .quality],
        ]
        s.tierOrder = orders[r.int(0...(orders.count - 1))]
        return s
    }

    @Test(arguments: 1...60)
    func classModelMatchesIndividualModel(seed: Int) throws {
        var s = Self.randomRuleScenario(seed: UInt64(seed))
        // Pins: keep a few assignments of an individual optimum (so they are valid together).
        if seed % 3 == 0 {
            let first = try solve(s, aggregate: false)
            s.pins = first.assignmentsByID.prefix(2).map { Pin(cadre: $0.cadre, target: $0.target, wave: $0.wave) }
        }
        let individual = try solve(s, aggregate: false)
        let classes = try solve(s, aggregate: true)
        #expect(individual.isOptimal && classes.isOptimal)
        #expect(classes.values == individual.values, "seed \(seed)")
    }
}

/// The random scenarios above really exercise the rules the property test is about: a property
/// test over scenarios where no cadre ever crosses a region or takes a second target would pass
/// whatever the code did with them.
@Suite("Aggregation test covers the rules")
struct AggregationCoverageTests {
    @Test func theSixtyScenariosUseEveryRule() throws {
        var firstMode = 0, reachPairs = 0, limited = 0, reordered = 0, principleCounts = 0
        for seed in 1...60 {
            let s = AggregationPropertyTests.randomRuleScenario(seed: UInt64(seed))
            let plan = try solve(s)
            if case .oneToOneFirst = s.mode { firstMode += 1 }
            if !s.targetLimits.isEmpty { limited += 1 }
            if s.tierOrder != nil { reordered += 1 }
            let cross = plan.pairs.contains { s.cadres[$0.cadre].level == .county && s.cadres[$0.cadre].region != s.targets[$0.target].region }
            if cross { reachPairs += 1 }
            if (plan.tiers.first { $0.tier == .principle }?.value ?? 0) > 0 { principleCounts += 1 }
        }
        #expect(firstMode >= 15 && limited >= 15 && reordered >= 15, "\(firstMode) \(limited) \(reordered)")
        #expect(reachPairs >= 10, "plans with a cross-region pair: \(reachPairs)")
        #expect(principleCounts >= 5, "plans whose principle tier counts extra targets: \(principleCounts)")
    }
}
