import PlanVerifier
import Scenario
import Testing

/// Tier values computed by hand from docs/DATA.md and compared with the verifier's.
@Suite("Tier values")
struct TierValueTests {
    typealias F = Fixture

    /// Regions on the equator one degree of longitude apart, and one without a seat.
    ///
    /// Haversine on the equator: h = sin²(Δλ/2) (the latitude terms vanish), so
    /// d = 2R·asin(sin(0.5°)) = 2R·0.5° = R·π/180 = 6371 × 0.0174532925 = 111.1949 km → 111.
    static let equator = [
        Region(id: "a", name: "A", latitude: 0, longitude: 0),
        Region(id: "b", name: "B", latitude: 0, longitude: 1),
        Region(id: "c", name: "C"),
    ]

    /// Weights are the defaults: priority 1…5 → 1…5, halted +1000, α = 1, β = 20, γ = 50, λ = 30.
    static let scenario = Scenario(
        name: "tiers", waves: F.waves, groups: [], mode: .oneToMany(maxTargets: 2),
        rules: Rules(minRankByKind: [.park: .division]), regions: equator,
        cadres: [
            F.cadre("c1", rank: .division, region: "a", skills: ["工业"]),
            F.cadre("c2", rank: .bureau, region: "b"),
            F.cadre("c3", rank: .section, region: "c"),   // not dispatched: adds nothing
        ],
        targets: [
            F.target("t1", category: "工业", region: "a", priority: 5, halted: true),          // weight 1005
            F.target("t2", category: "服务业", region: "b", priority: 2, demand: 3),            // weight 2
            F.target("t3", kind: .park, category: "工业", region: "c", priority: 3),            // weight 3
            F.target("t4", category: "建筑", region: "a", priority: 1),                          // weight 1
            F.target("t5", category: "工业", region: "b", priority: 4, halted: true, demand: 3), // weight 1004
        ],
        pairs: [PairRule(cadre: "c2", target: "t2", cost: 7)])

    static let plan = [row("c1", "t1", "w2"), row("c1", "t2", "w2"), row("c2", "t2", "w1"), row("c2", "t3", "w1")]

    @Test("coverage, timeliness and quality of a small plan, by hand")
    func smallPlanByHand() {
        let report = PlanVerifier.verify(scenario: Self.scenario, assignments: Self.plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        // coverage = Σ weight·shortfall:
        //   t1 1005·(1−1) = 0; t2 2·(3−2) = 2; t3 3·(1−1) = 0; t4 1·(1−0) = 1; t5 1004·(3−0) = 3012
        //   = 3015.
        #expect(report.tiers.coverage == 3015)
        // timeliness = Σ weight(t)·(0-based wave index):
        //   c1→t1 in w2: 1005·1; c1→t2 in w2: 2·1; c2→t2, c2→t3 in w1: ·0  = 1007.
        #expect(report.tiers.timeliness == 1007)
        // quality = Σ cost + λ·Σ(targets − 1):
        //   c1→t1: 0 km (same region) + 20·(division 2 − section 1) + 50·0 (工业 ∈ skills)   =  20
        //   c1→t2: 111 km (a→b) ·1 + 20·(2 − 1) + 50·1 (服务业 ∉ skills)                   = 181
        //   c2→t2: pairs.csv cost 7 (computed would be 0 + 40 + 50 = 90)                   =   7
        //   c2→t3: 0 km (c has no seat) + 20·(bureau 3 − max(section, park→division) 2) + 50 = 70
        //   extra targets: c1 2−1, c2 2−1 → 30·2                                          =  60
        //   = 338.
        #expect(report.tiers.quality == 338)
        // principle = Σ over dispatched cadres of (targets − 1): c1 1, c2 1 = 2.
        #expect(report.tiers.principle == 2)
        #expect(report.tiers == TierValues(coverage: 3015, principle: 2, timeliness: 1007, quality: 338))
    }

    @Test("right claims pass, each wrong claim is reported, other keys ignored")
    func claims() {
        let right = ["coverage": 3015, "timeliness": 1007, "quality": 338, "moves": 12345]
        #expect(brokenRules(Self.scenario, Self.plan, claimed: right).isEmpty)
        let wrong = ["coverage": 3015, "timeliness": 1006, "quality": 339]
        let report = PlanVerifier.verify(scenario: Self.scenario, assignments: Self.plan, claimed: wrong)
        #expect(report.violations.map(\.rule) == [.tierMismatch, .tierMismatch])
        #expect(report.violations.map(\.message) == [
            "tier quality: plan claims 339, recomputed 338",
            "tier timeliness: plan claims 1006, recomputed 1007",
        ])
        // A missing claim is not checked.
        #expect(brokenRules(Self.scenario, Self.plan, claimed: ["quality": 338]).isEmpty)
    }

    /// Quality of one pair with α = 1 and every other weight 0, so quality is the distance.
    static func distanceTier(_ cadreRegion: String, _ targetRegion: String, alpha: Int = 1) -> Int {
        let weights = Weights(priority: [1, 2, 3, 4, 5], halted: 1000, distancePerKm: alpha, rankGap: 0,
                              skillMismatch: 0, extraTarget: 0, move: 0)
        let scenario = F.scenario(cadres: [F.cadre("c1", region: cadreRegion)],
                                  targets: [F.target("t1", region: targetRegion)], weights: weights)
        return PlanVerifier.verify(scenario: scenario, assignments: [row("c1", "t1")]).tiers.quality
    }

    @Test("haversine distances between real seats")
    func realDistances() {
        // Computed with python3's math module, haversine R = 6371.0:
        //   Haikou (20.0442, 110.1999) – Sanya (18.2528, 109.5119): 211.8980 km → 212
        //   Haikou – Danzhou (19.5209, 109.5808): 87.0749 km → 87
        #expect(Self.distanceTier("hk", "sy") == 212)
        #expect(Self.distanceTier("sy", "hk") == 212)
        #expect(Self.distanceTier("hk", "dz") == 87)
        #expect(Self.distanceTier("hk", "sy", alpha: 3) == 636)
        // Same region, a seat without coordinates, or an unknown region: 0.
        #expect(Self.distanceTier("hk", "hk") == 0)
        #expect(Self.distanceTier("hk", "nowhere") == 0)
        #expect(Self.distanceTier("unknown", "hk") == 0)
    }

    @Test("an invalid plan's tiers count each known pair once and no negative shortfall")
    func invalidPlanTiers() {
        // t1 demand 1, served by c1 twice (duplicate), c2 (over demand) and an unknown cadre.
        let scenario = F.scenario(cadres: [F.cadre("c1", skills: ["工业"]), F.cadre("c2", skills: ["工业"])],
                                  targets: [F.target("t1", priority: 5), F.target("t2", priority: 2)])
        let plan = [row("c1", "t1"), row("c1", "t1"), row("c2", "t1", "w2"), row("cX", "t1")]
        let tiers = PlanVerifier.verify(scenario: scenario, assignments: plan).tiers
        // coverage: t1 shortfall max(0, 1 − 2) = 0; t2 2·1 = 2.
        #expect(tiers.coverage == 2)
        // timeliness: c2→t1 in w2 weighs 5·1; c1→t1 counted once in w1: 0.
        #expect(tiers.timeliness == 5)
        // quality: two pairs of cost 20 (rank gap 1), no extra targets.
        #expect(tiers.quality == 40)
    }
}
