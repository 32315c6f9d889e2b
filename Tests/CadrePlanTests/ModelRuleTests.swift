import Scenario
import Testing
@testable import CadrePlan

/// Each rule of the model on a scenario where breaking it would be cheaper.
///
/// Weights are the defaults: shortfall at priority p costs p (halted +1000),
/// timeliness costs the weight once per pair in wave 2, quality is 50 per pair
/// whose category is not among the cadre's skills (every pair here: skills are
/// empty), +20 per rank step, +30 per extra target of one cadre. One region, so
/// no distance unless a test adds regions.
@Suite("Model rules")
struct ModelRuleTests {
    /// One cadre, a heavy target (priority 5) it must not serve and a light one (1) it may.
    /// Keeping the rule leaves the heavy one unserved: coverage 5, one pair in wave 1 → timeliness 0.
    private func heavyVersusLight(_ configure: (inout Build) -> Void) throws -> Plan {
        var b = Build()
        b.cadre("a")
        b.target("heavy", priority: 5)
        b.target("light", priority: 1)
        configure(&b)
        return try solve(b.scenario)
    }

    @Test func levelMustMatch() throws {
        let plan = try heavyVersusLight { b in
            b.cadres[0].level = .province
            b.targets[0].level = .county
            b.targets[1].level = .province
        }
        #expect(plan.compact == ["a>light@w1"])
        #expect(plan.values == [5, 0, 50])
    }

    @Test func groupMustServeTheCategory() throws {
        let plan = try heavyVersusLight { b in
            b.groups = [ServiceGroup(id: "g", name: "G", categories: ["x"])]
            b.cadres[0].group = "g"
            b.targets[0].category = "y"
            b.targets[1].category = "x"
        }
        #expect(plan.compact == ["a>light@w1"])
        #expect(plan.values == [5, 0, 50])
    }

    @Test func countyCadresStayInTheirRegion() throws {
        let plan = try heavyVersusLight { b in
            b.regions.append(Region(id: "s", name: "S", latitude: 18, longitude: 109))
            b.targets[0].region = "s"
        }
        #expect(plan.compact == ["a>light@w1"])
        #expect(plan.values == [5, 0, 50])
    }

    @Test func rankAtLeastTheMinimum() throws {
        let plan = try heavyVersusLight { b in b.targets[0].minRank = .division }
        #expect(plan.compact == ["a>light@w1"])
        #expect(plan.values == [5, 0, 50])
    }

    @Test func minimumRankByKindRule() throws {
        let plan = try heavyVersusLight { b in
            b.targets[0].kind = .park
            b.rules.minRankByKind = [.park: .division]
        }
        #expect(plan.compact == ["a>light@w1"])
    }

    @Test func targetMustConsent() throws {
        let plan = try heavyVersusLight { b in b.targets[0].consent = false }
        #expect(plan.compact == ["a>light@w1"])
        // The declined target counts apart, never as a shortfall: coverage 0.
        #expect(plan.values == [0, 0, 50])
    }

    @Test func forbiddenPairIsNeverAssigned() throws {
        let plan = try heavyVersusLight { b in b.pairs = [PairRule(cadre: "a", target: "heavy", forbidden: true, reason: "回避")] }
        #expect(plan.compact == ["a>light@w1"])
        #expect(plan.values == [5, 0, 50])
    }

    @Test func ownSupervisorIsAConflict() throws {
        let plan = try heavyVersusLight { b in
            b.cadres[0].unit = "U"
            b.targets[0].supervisor = "U"
        }
        #expect(plan.compact == ["a>light@w1"])
        #expect(plan.values == [5, 0, 50])
    }

    @Test func workloadAboveCapacityIsNotAllowed() throws {
        let plan = try heavyVersusLight { b in
            b.mode = .oneToMany(maxTargets: 3)
            b.cadres[0].capacity = 2
            b.targets[0].workload = 3
        }
        #expect(plan.compact == ["a>light@w1"])
        #expect(plan.values == [5, 0, 50])
    }

    @Test func notBeforeTheEarliestWaveAndUrgentOnlyInTheFirst() throws {
        // a is available from w2 only; heavy is urgent (wave 1 only), so a can serve light in w2:
        // coverage 5, timeliness 1 (weight 1 in wave index 1).
        let plan = try heavyVersusLight { b in
            b.cadres[0].earliestWave = "w2"
            b.targets[0].urgent = true
        }
        #expect(plan.compact == ["a>light@w2"])
        #expect(plan.values == [5, 1, 50])
    }

    @Test func urgentTargetsWaitForNoSecondWave() throws {
        // Wave 1 admits one county cadre; two urgent targets (priority 3) and two cadres:
        // only one can be served, the other cannot move to wave 2 → coverage 3.
        var b = Build()
        b.waves[0].quotas = [.county: 1]
        b.cadre("a"); b.cadre("b")
        b.target("u1", urgent: true); b.target("u2", urgent: true)
        let plan = try solve(b.scenario)
        #expect(plan.pairs.count == 1)
        #expect(plan.values == [3, 0, 50])
    }

    @Test func oneToOneServesOneTarget() throws {
        // One cadre, targets of priority 5 and 4: it serves the 5 → coverage 4.
        var b = Build()
        b.cadre("a")
        b.target("t5", priority: 5); b.target("t4", priority: 4)
        let plan = try solve(b.scenario)
        #expect(plan.compact == ["a>t5@w1"])
        #expect(plan.values == [4, 0, 50])
    }

    @Test func oneToManyServesUpToM() throws {
        // one-to-many:2, one cadre, three targets (5, 4, 1): it serves 5 and 4 → coverage 1;
        // quality 2·50 + λ 30 for the second target = 130.
        var b = Build()
        b.mode = .oneToMany(maxTargets: 2)
        b.cadre("a")
        b.target("t5", priority: 5); b.target("t4", priority: 4); b.target("t1", priority: 1)
        let plan = try solve(b.scenario)
        #expect(plan.compact == ["a>t4@w1", "a>t5@w1"])
        #expect(plan.values == [1, 0, 130])
    }

    @Test func demandIsACap() throws {
        // Three cadres, heavy needs 2, light needs 1: over-serving heavy would look cheaper
        // to a model without the cap. Exact: heavy 2, light 1, coverage 0; quality 3·50.
        var b = Build()
        b.cadre("a"); b.cadre("b"); b.cadre("c")
        b.target("heavy", priority: 5, demand: 2); b.target("light", priority: 1)
        let plan = try solve(b.scenario)
        #expect(plan.assignmentsByID.filter { $0.target == "heavy" }.count == 2)
        #expect(plan.assignmentsByID.filter { $0.target == "light" }.count == 1)
        #expect(plan.values == [0, 0, 150])
    }

    @Test func levelQuotaPerWave() throws {
        // Wave 1 admits 1 county cadre and wave 2 none: two targets of priority 5, one served.
        var b = Build()
        b.waves[0].quotas = [.county: 1]; b.waves[1].quotas = [.county: 0]
        b.cadre("a"); b.cadre("b")
        b.target("t1", priority: 5); b.target("t2", priority: 5)
        let plan = try solve(b.scenario)
        #expect(plan.pairs.count == 1)
        #expect(plan.values == [5, 0, 50])
    }

    @Test func regionQuotaPerWave() throws {
        // One cadre from region r per wave: three targets of priority 2, two served (w1, w2):
        // coverage 2, timeliness 2 (one weight-2 pair in wave 2).
        var b = Build()
        b.waves[0].regionQuotas = ["r": 1]; b.waves[1].regionQuotas = ["r": 1]
        b.cadre("a"); b.cadre("b"); b.cadre("c")
        b.target("t1", priority: 2); b.target("t2", priority: 2); b.target("t3", priority: 2)
        let plan = try solve(b.scenario)
        #expect(plan.pairs.count == 2)
        #expect(plan.values == [2, 2, 100])
    }

    @Test func groupQuotaPerWave() throws {
        var b = Build()
        b.groups = [ServiceGroup(id: "g", name: "G", categories: ["c"])]
        b.waves[0].groupQuotas = ["g": 1]; b.waves[1].groupQuotas = ["g": 0]
        b.cadre("a", level: .province, group: "g"); b.cadre("b", level: .province, group: "g")
        b.target("t1", level: .province); b.target("t2", level: .province)
        let plan = try solve(b.scenario)
        #expect(plan.pairs.count == 1)
        #expect(plan.values == [3, 0, 50])
    }

    @Test func pinsAreKept() throws {
        // The pin a→light in w2 is worse on every tier than a→heavy in w1, and is kept:
        // coverage 5, timeliness 1.
        let plan = try heavyVersusLight { b in b.pins = [Pin(cadre: "a", target: "light", wave: "w2")] }
        #expect(plan.compact == ["a>light@w2"])
        #expect(plan.values == [5, 1, 50])
    }

    @Test func pinBreakingARuleIsRefused() throws {
        var b = Build()
        b.cadre("a")
        b.target("t", consent: false)
        b.pins = [Pin(cadre: "a", target: "t", wave: "w1")]
        #expect(throws: PlanError.self) { try solve(b.scenario) }
    }

    @Test func mixedWorkloadsArePackedPerPerson() throws {
        // Two identical cadres, capacity 3, one-to-many:3. Three heavy targets (workload 2,
        // priority 5) and one light (workload 1, priority 1). Pooled capacity 6 would take all
        // three heavies, but each person holds one heavy (2 ≤ 3 < 4): two heavies + the light
        // → coverage 5. Quality: 3 pairs · 50 + λ·1 (one cadre has two targets) = 180.
        var b = Build()
        b.mode = .oneToMany(maxTargets: 3)
        b.cadre("a", capacity: 3); b.cadre("b", capacity: 3)
        b.target("h1", priority: 5, workload: 2); b.target("h2", priority: 5, workload: 2); b.target("h3", priority: 5, workload: 2)
        b.target("l", priority: 1)
        for aggregate in [true, false] {
            let plan = try solve(b.scenario, aggregate: aggregate)
            #expect(plan.values == [5, 0, 180])
        }
    }

    @Test func uniformWorkloadBecomesACountLimit() throws {
        // Two identical cadres, capacity 3, targets of workload 2: one each → one of three unserved.
        var b = Build()
        b.mode = .oneToMany(maxTargets: 3)
        b.cadre("a", capacity: 3); b.cadre("b", capacity: 3)
        b.target("h1", priority: 5, workload: 2); b.target("h2", priority: 5, workload: 2); b.target("h3", priority: 5, workload: 2)
        let plan = try solve(b.scenario)
        #expect(plan.values == [5, 0, 100])
    }

    @Test func coverageIsNeverTradedForQuality() throws {
        // Serving the far target costs 1 km each way in quality, but it is needed for coverage.
        var b = Build()
        b.regions = [Region(id: "h", name: "H", latitude: 20.04, longitude: 110.20), Region(id: "s", name: "S", latitude: 18.25, longitude: 109.51)]
        b.groups = [ServiceGroup(id: "g", name: "G", categories: ["c"])]
        b.cadre("a", level: .province, group: "g", region: "h", skills: ["c"])
        b.cadre("b", level: .province, group: "g", region: "h", skills: ["c"])
        b.target("near", level: .province, region: "h", priority: 1)
        b.target("far", level: .province, region: "s", priority: 1)
        let plan = try solve(b.scenario)
        // 海口–三亚 212 km (haversine 211.82, see scenarios/small/README.md).
        #expect(plan.values == [0, 0, 212])
    }
}
