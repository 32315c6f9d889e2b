import Foundation
import GLPKSolver
import Scenario
import Testing
@testable import CadrePlan

/// `Explainer`: shortages, their reasons, and recommendations that close them.
///
/// Weights are the defaults: a missing cadre at priority p costs p (halted +1000). Expected
/// values are derived by hand in the comments; the recommended cadres are added by the tests
/// themselves, from the recommendation's attributes, and the planner confirms the shortage closes.
@Suite("Explain")
struct ExplainTests {
    private func explain(_ s: Scenario, plan: Plan? = nil, check: Bool = true) throws -> Explanation {
        var options = PlannerOptions()
        options.parallel = false
        return try Explainer.explain(s, plan: plan, solver: GLPKSolver(), options: options, check: check)
    }

    private func shortage(_ e: Explanation, _ id: String) throws -> Shortage {
        try #require(e.shortages.first { $0.target == id }, "no shortage for \(id)")
    }

    private func recommendation(_ e: Explanation, for target: String) throws -> Recommendation {
        let id = try #require(try shortage(e, target).recommendation)
        return try #require(e.recommendations.first { $0.id == id })
    }

    /// The recommendation's cadres, built by the test from the published attributes (not by the explainer).
    private func cadres(of r: Recommendation, prefix: String, count: Int? = nil) -> [Cadre] {
        (0..<(count ?? r.count)).map { i in
            Cadre(id: "\(prefix)\(i)", name: "new", level: r.level, rank: r.rank, group: r.group, region: r.region,
                  skills: r.skills, capacity: r.capacity, earliestWave: r.earliestWave)
        }
    }

    /// Served count per target id in a plan.
    private func served(_ plan: Plan) -> [String: Int] {
        var n: [String: Int] = [:]
        for p in plan.pairs { n[plan.scenario.targets[p.target].id, default: 0] += 1 }
        return n
    }

    // MARK: - (1) and (2): a scenario short of cadres in three ways

    /// Region a: one county cadre (科) for ta1 (p5), ta2 (p3), ta3 (p1) → it serves ta1; ta2, ta3 short.
    /// Region b: county cadre cb1 (科) serves tb2 (p2); tb1 (p4) needs 处 and no county cadre has it.
    /// Province: group g1 (category x) has p1, p2 for px1 (p5), px2 (p4), px3 (p2) → px3 short;
    /// p3 of group g2 serves py1. Group g0 serves x and y but has no cadre.
    /// No quotas. Coverage = 4 (tb1) + 3 (ta2) + 2 (px3) + 1 (ta3) = 10.
    private var shortOfCadres: Scenario {
        var b = Build()
        b.regions = [Region(id: "a", name: "甲", latitude: 20, longitude: 110), Region(id: "b", name: "乙", latitude: 19, longitude: 109.5)]
        b.groups = [ServiceGroup(id: "g0", name: "综合", categories: ["x", "y"]),
                    ServiceGroup(id: "g1", name: "一组", categories: ["x"]),
                    ServiceGroup(id: "g2", name: "二组", categories: ["y"])]
        b.cadre("ca1", region: "a")
        b.cadre("cb1", region: "b")
        b.target("ta1", region: "a", priority: 5)
        b.target("ta2", region: "a", priority: 3)
        b.target("ta3", region: "a", priority: 1)
        b.target("tb1", region: "b", priority: 4, minRank: .division)
        b.target("tb2", region: "b", priority: 2)
        b.cadre("p1", level: .province, group: "g1", region: "a")
        b.cadre("p2", level: .province, group: "g1", region: "a")
        b.cadre("p3", level: .province, group: "g2", region: "a")
        b.target("px1", category: "x", level: .province, region: "b", priority: 5)
        b.target("px2", category: "x", level: .province, region: "b", priority: 4)
        b.target("px3", category: "x", level: .province, region: "b", priority: 2)
        b.target("py1", category: "y", level: .province, region: "b", priority: 3)
        return b.scenario
    }

    @Test func namesEachShortageWithItsReason() throws {
        let e = try explain(shortOfCadres)
        #expect(e.coverage == 10)
        // Heaviest first: tb1 (4), ta2 (3), px3 (2), ta3 (1).
        #expect(e.shortages.map(\.target) == ["tb1", "ta2", "px3", "ta3"])
        #expect(e.unitsShort == 4)

        // tb1: the county cadres are ca1 (other region) and cb1 (科 < 处); equal counts keep rule order.
        let tb1 = try shortage(e, "tb1")
        #expect(tb1.reason.kind == .noCompatibleCadre)
        #expect(tb1.reason.compatible == 0)
        #expect(tb1.minRank == .division)
        #expect(tb1.excluded == [BarrierCount(barrier: .region, cadres: 1), BarrierCount(barrier: .rank, cadres: 1)])

        // ta2, ta3: ca1 is the one compatible cadre and serves ta1 (weight 5); cb1 is in region b.
        for id in ["ta2", "ta3"] {
            let s = try shortage(e, id)
            #expect(s.reason.kind == .notEnoughCadres)
            #expect(s.reason.compatible == 1 && s.reason.busy == 1)
            #expect(s.reason.busyWith == [WeightCount(weight: 5, count: 1)])
            #expect(s.excluded == [BarrierCount(barrier: .region, cadres: 1)])
        }

        // px3: p1, p2 (group g1) serve px1 (5) and px2 (4); p3's group g2 does not serve x.
        let px3 = try shortage(e, "px3")
        #expect(px3.reason.kind == .notEnoughCadres)
        #expect(px3.reason.compatible == 2)
        #expect(px3.reason.busyWith == [WeightCount(weight: 5, count: 1), WeightCount(weight: 4, count: 1)])
        #expect(px3.excluded == [BarrierCount(barrier: .group, cadres: 1)])
    }

    @Test func recommendsTheCadresOfEachKind() throws {
        let e = try explain(shortOfCadres)
        // Numbered in the order of the shortages they first close: tb1, then ta2 (with ta3), then px3.
        #expect(e.recommendations.map(\.targets) == [["tb1"], ["ta2", "ta3"], ["px3"]])
        let tb1 = try recommendation(e, for: "tb1")
        #expect(tb1.action == .addCadres && tb1.count == 1)
        #expect(tb1.level == .county && tb1.region == "b" && tb1.rank == .division && tb1.group == nil)
        let ta = try recommendation(e, for: "ta3")
        #expect(ta.count == 2 && ta.units == 2)
        #expect(ta.level == .county && ta.region == "a" && ta.rank == .section)
        // The most specialised group serving x is g1 (one category; g0 has two); its cadres live in a.
        let px3 = try recommendation(e, for: "px3")
        #expect(px3.count == 1 && px3.level == .province && px3.group == "g1" && px3.region == "a")
        #expect(px3.skills == ["x"])
        // No quota anywhere: nothing to raise, and everyone goes in the first wave.
        #expect(e.recommendations.allSatisfy { $0.quotaRaises.isEmpty && $0.wave == "w1" && $0.earliestWave == nil })
        // The explainer's own check: all four closed, coverage 0.
        #expect(e.check?.allVerified == true)
        #expect(e.check?.coverageAfter == 0 && e.check?.coverageConstructed == 0)
        #expect(e.check?.addedCadres == 4)
    }

    /// (2) The test adds exactly the recommended cadres itself and plans again: every target is
    /// served (coverage 0); one cadre fewer in region a leaves ta3 (weight 1) short.
    @Test func addingExactlyTheRecommendedCadresClosesTheShortage() throws {
        let base = shortOfCadres
        let e = try explain(base, check: false)
        #expect(e.check == nil && e.recommendations.allSatisfy { $0.verified == nil })
        var enlarged = base
        for (i, r) in e.recommendations.enumerated() {
            #expect(r.quotaRaises.isEmpty)
            enlarged.cadres += cadres(of: r, prefix: "new\(i)-")
        }
        #expect(enlarged.cadres.count == base.cadres.count + 4)
        let plan = try solve(enlarged)
        #expect(plan.tier("coverage") == 0)
        let n = served(plan)
        for id in ["tb1", "ta2", "ta3", "px3"] { #expect(n[id] == 1, "\(id)") }

        // One fewer for region a: ta2 (3) takes the one extra, ta3 (1) stays short.
        var fewer = base
        for (i, r) in e.recommendations.enumerated() {
            fewer.cadres += cadres(of: r, prefix: "new\(i)-", count: r.targets == ["ta2", "ta3"] ? r.count - 1 : r.count)
        }
        let short = try solve(fewer)
        #expect(short.tier("coverage") == 1)
        #expect(served(short)["ta3"] == nil)
    }

    // MARK: - (3) no compatible cadre at all

    /// Both cadres are provincial, the target is a county target: the level rule excludes both.
    @Test func noCadreOfTheLevel() throws {
        var b = Build()
        b.cadre("p1", level: .province)
        b.cadre("p2", level: .province)
        b.target("t", priority: 2)
        let e = try explain(b.scenario)
        let t = try shortage(e, "t")
        #expect(t.reason.kind == .noCompatibleCadre)
        #expect(t.excluded == [BarrierCount(barrier: .level, cadres: 2)])
        let r = try recommendation(e, for: "t")
        #expect(r.level == .county && r.region == "r" && r.count == 1)
        #expect(r.verified == true && e.check?.coverageAfter == 0)
    }

    /// Urgent county target supervised by unit u1, four county cadres each kept away by one rule:
    /// c1 lives in region s, c2 is forbidden by pairs.csv, c3 belongs to u1 (回避), c4 is
    /// available from wave 2 only and the target must be served in wave 1. Coverage 5 (priority 5).
    @Test func eachRuleThatExcludesIsCounted() throws {
        var b = Build()
        b.regions.append(Region(id: "s", name: "S", latitude: 18, longitude: 109))
        b.cadre("c1", region: "s")
        b.cadre("c2")
        b.cadre("c3", unit: "u1")
        b.cadre("c4", earliest: "w2")
        b.target("t", priority: 5, urgent: true, supervisor: "u1")
        b.pairs = [PairRule(cadre: "c2", target: "t", forbidden: true)]
        let e = try explain(b.scenario)
        #expect(e.coverage == 5)
        let t = try shortage(e, "t")
        #expect(t.reason.kind == .noCompatibleCadre)
        // One each, in the model's rule order.
        #expect(t.excluded.map(\.barrier) == [.region, .forbidden, .conflict, .wave])
        #expect(t.excluded.allSatisfy { $0.cadres == 1 })
        // The extra is a plain county cadre of region r, dispatched in wave 1 (urgent).
        let r = try recommendation(e, for: "t")
        #expect(r.region == "r" && r.wave == "w1" && r.count == 1 && r.verified == true)
    }

    /// A target that declines service is reported, and nothing is recommended for it.
    @Test func declinedTargetHasNoRecommendation() throws {
        var b = Build()
        b.cadre("c")
        b.target("no", priority: 4, consent: false)
        let e = try explain(b.scenario)
        let t = try shortage(e, "no")
        #expect(t.reason.kind == .declined && t.recommendation == nil && t.excluded.isEmpty)
        #expect(e.recommendations.isEmpty && e.check == nil)
    }

    // MARK: - (4) a binding wave-1 quota with urgent targets

    /// Wave 1 admits one county cadre, wave 2 five. Urgent u1 (p5) and u2 (p3), cadres c1, c2:
    /// c1 serves u1 in wave 1; c2 could serve u2 but only in wave 1, which is full → u2 short (3).
    @Test func fullFirstWaveQuotaKeepsAnIdleCadreFromAnUrgentTarget() throws {
        var b = Build()
        b.waves[0].quotas = [.county: 1]
        b.waves[1].quotas = [.county: 5]
        b.cadre("c1"); b.cadre("c2")
        b.target("u1", priority: 5, urgent: true)
        b.target("u2", priority: 3, urgent: true)
        let e = try explain(b.scenario)
        #expect(e.coverage == 3)
        let u2 = try shortage(e, "u2")
        #expect(u2.reason.kind == .quotaFull)
        #expect(u2.reason.quotaBlocked == 1)
        let w1 = QuotaKey(wave: "w1", kind: .level, key: "county")
        #expect(u2.reason.quotas.map(\.quota) == [w1])
        // The wave-1 place is taken by u1, weight 5 ≥ 3.
        #expect(u2.reason.quotaTakenFromWeight == 5)
        #expect(e.quotas == [QuotaUse(quota: w1, used: 1, limit: 1, binds: true, shortTargets: 1),
                             QuotaUse(quota: QuotaKey(wave: "w2", kind: .level, key: "county"), used: 0, limit: 5)])
        // No new cadre: dispatch c2 in wave 1 and raise that quota from 1 by 1.
        let r = try recommendation(e, for: "u2")
        #expect(r.action == .dispatchIdle && r.cadres == ["c2"] && r.wave == "w1")
        #expect(r.quotaRaises == [QuotaRaise(quota: w1, from: 1, by: 1)])
        #expect(r.verified == true)

        // The test raises the quota itself: both urgent targets are served, coverage 0.
        var raised = b.scenario
        raised.waves[0].quotas[.county] = 1 + r.quotaRaises[0].by
        #expect(try solve(raised).tier("coverage") == 0)
    }

    /// Wave 1 admits one county cadre and there is only c1: urgent u2 (p3) needs a new cadre *and*
    /// one more wave-1 place. The test adds both and u2 is served; the cadre alone is not enough.
    @Test func urgentShortageNeedsACadreAndAQuotaRaise() throws {
        var b = Build()
        b.waves[0].quotas = [.county: 1]
        b.cadre("c1")
        b.target("u1", priority: 5, urgent: true)
        b.target("u2", priority: 3, urgent: true)
        let e = try explain(b.scenario)
        let u2 = try shortage(e, "u2")
        // c1 is the one compatible cadre and serves u1.
        #expect(u2.reason.kind == .notEnoughCadres && u2.reason.busyWith == [WeightCount(weight: 5, count: 1)])
        let r = try recommendation(e, for: "u2")
        let w1 = QuotaKey(wave: "w1", kind: .level, key: "county")
        #expect(r.action == .addCadres && r.count == 1 && r.wave == "w1")
        #expect(r.quotaRaises == [QuotaRaise(quota: w1, from: 1, by: 1)])

        var cadreOnly = b.scenario
        cadreOnly.cadres += cadres(of: r, prefix: "new")
        #expect(try solve(cadreOnly).tier("coverage") == 3)
        var both = cadreOnly
        both.waves[0].quotas[.county] = 2
        #expect(try solve(both).tier("coverage") == 0)
    }

    // MARK: - One-to-many capacity

    /// One-to-many:2, one cadre, five targets p5…p1: it serves p5 and p4; p3, p2, p1 are short
    /// (coverage 6). Three missing units at two per cadre need ⌈3/2⌉ = 2 extras.
    @Test func oneToManyCapacityReached() throws {
        var b = Build()
        b.mode = .oneToMany(maxTargets: 2)
        b.cadre("c")
        for p in 1...5 { b.target("t\(p)", priority: p) }
        let e = try explain(b.scenario)
        #expect(e.coverage == 6)
        let t3 = try shortage(e, "t3")
        #expect(t3.reason.kind == .capacityReached && t3.reason.limit == 2)
        #expect(t3.reason.busyWith == [WeightCount(weight: 5, count: 1), WeightCount(weight: 4, count: 1)])
        #expect(e.recommendations.count == 1)
        let r = e.recommendations[0]
        #expect(r.count == 2 && r.units == 3 && r.targets == ["t3", "t2", "t1"])

        var enlarged = b.scenario
        enlarged.cadres += cadres(of: r, prefix: "new")
        #expect(try solve(enlarged).tier("coverage") == 0)
    }

    // MARK: - Random scenarios

    /// On the random scenarios of the aggregation tests (both modes, quotas, ranks, workloads,
    /// urgent and declining targets): applying every recommendation — cadres built here from their
    /// attributes, quotas raised here — leaves short only the targets that declined service, so
    /// the coverage tier becomes Σ weight × demand over them; and the explainer's own check agrees.
    @Test(arguments: 1...40)
    func recommendationsCloseEveryShortageThatCanBeClosed(seed: Int) throws {
        let s = AggregationPropertyTests.randomScenario(seed: UInt64(seed))
        let e = try explain(s)
        var enlarged = s
        for (i, r) in e.recommendations.enumerated() {
            if r.action == .addCadres { enlarged.cadres += cadres(of: r, prefix: "new\(i)-") }
            for q in r.quotaRaises {
                let w = try #require(enlarged.waves.firstIndex { $0.id == q.quota.wave })
                #expect(q.quota.kind == .level)  // the random scenarios set level quotas only
                let level = try #require(Level(rawValue: q.quota.key))
                enlarged.waves[w].quotas[level]! += q.by
            }
        }
        // Targets that declined service count apart, so every shortage that remains can be closed.
        let unavoidable = 0
        let plan = try solve(enlarged)
        #expect(plan.tier("coverage") == unavoidable, "seed \(seed)")
        let n = served(plan)
        for r in e.recommendations { for t in r.targets { #expect(n[t, default: 0] == s.targets.first { $0.id == t }!.demand, "seed \(seed) \(t)") } }
        if !e.recommendations.isEmpty {
            #expect(e.check?.allVerified == true, "seed \(seed)")
            #expect(e.check?.coverageAfter == unavoidable && e.check?.coverageConstructed == unavoidable, "seed \(seed)")
        }
        // Every short target is either declined or has a recommendation.
        #expect(e.shortages.allSatisfy { ($0.reason.kind == .declined) == ($0.recommendation == nil) }, "seed \(seed)")
    }

    // MARK: - Given plans

    /// A given plan that leaves a cadre idle next to a target it could serve is not optimal.
    @Test func givenPlanThatIsNotOptimal() throws {
        var b = Build()
        b.cadre("c1"); b.cadre("c2")
        b.target("t1", priority: 2); b.target("t2", priority: 1)
        let s = b.scenario
        let plan = try Explainer.plan(s, assignments: [(cadre: "c1", target: "t1", wave: "w1")])
        // Coverage of the given plan: t2 short, weight 1. Quality 50 (skill miss), timeliness 0.
        #expect(plan.tiers.map(\.value) == [1, 0, 50])
        let e = try explain(s, plan: plan)
        #expect(e.planSource == .given && e.coverage == 1)
        let t2 = try shortage(e, "t2")
        #expect(t2.reason.kind == .notOptimal && t2.reason.spare == 1)
        let r = try recommendation(e, for: "t2")
        #expect(r.action == .useSpare && r.cadres == ["c2"] && r.quotaRaises.isEmpty && r.verified == true)
        #expect(throws: ExplainError.self) { try Explainer.plan(s, assignments: [(cadre: "zz", target: "t1", wave: "w1")]) }
    }

    // MARK: - scenarios/small

    /// README.md of scenarios/small: coverage 1018 = e06 (1) + j01 one of two (1005) + k09, k10
    /// (1 each) + 三亚 7 (k18's second cadre 3, one weight-2 target, k17, k19) + 儋州 3 (one
    /// weight-2 target, k26); e10 and k21 declined service and count apart: 12 targets short,
    /// 12 units. Every shortage but theirs can be closed, so the check leaves 0.
    @Test func smallScenario() throws {
        let s = try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/small").path)
        let e = try explain(s)
        #expect(e.coverage == 1018)
        #expect(e.shortages.count == 12 && e.unitsShort == 12)
        #expect(Set(e.shortages.filter { $0.reason.kind == .declined }.map(\.target)) == ["e10", "k21"])
        // j01: p10 alone may serve it (p11 forbidden, p12 below 处) and already does.
        let j01 = try shortage(e, "j01")
        #expect(j01.reason.kind == .notEnoughCadres && j01.reason.servingIt == 1 && j01.reason.compatible == 1)
        #expect(Set(j01.excluded.map(\.barrier)) == [.group, .rank, .forbidden])
        let r = try recommendation(e, for: "j01")
        #expect(r.level == .province && r.group == "xm" && r.rank == .division && r.count == 1)
        // 三亚: k18's second cadre needs 处 (one), three 科 for the other three.
        #expect(try recommendation(e, for: "k18").rank == .division)
        #expect(try recommendation(e, for: "k17").count == 3)
        #expect(e.check?.coverageAfter == 0 && e.check?.allVerified == true)
        #expect(e.check?.stillShort == [])
        // Wave 1 is full for both levels but binds nowhere: no short target is urgent.
        #expect(e.quotas.filter(\.isFull).count == 2 && !e.quotas.contains { $0.binds })

        let text = ExplanationReport(explanation: e, scenario: s, language: .en).text()
        #expect(text.contains("Shortages and reasons") && text.contains("j01") && text.contains("Check: passed"))
        let json = try ExplanationReport(explanation: e, scenario: s).json()
        let decoded = try JSONDecoder().decode(Explanation.self, from: Data(json.utf8))
        #expect(decoded == e)
    }
}
