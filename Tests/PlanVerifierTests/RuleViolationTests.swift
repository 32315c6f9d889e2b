import PlanVerifier
import Scenario
import Testing

/// A scenario and a plan that break exactly one rule, and ids the message must name.
struct BrokenPlan: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: Rule
    var scenario: Scenario
    var plan: [PlannedAssignment]
    var claimed: [String: Int]? = nil
    var claimedIndicators: [IndicatorCount]? = nil
    var claimedMode: String? = nil
    /// Texts the violation's message must contain (ids and numbers).
    var mentions: [String]
    var testDescription: String { name }
}

private typealias F = Fixture

/// One case per rule (and per variant of a rule), each breaking that rule alone.
let brokenPlans: [BrokenPlan] = [
    BrokenPlan(name: "unknown cadre", rule: .unknownCadre, scenario: F.scenario(),
               plan: [row("cX", "t1")], mentions: ["cX", "t1", "w1"]),
    BrokenPlan(name: "unknown target", rule: .unknownTarget, scenario: F.scenario(),
               plan: [row("c1", "tX")], mentions: ["c1", "tX"]),
    BrokenPlan(name: "unknown wave", rule: .unknownWave, scenario: F.scenario(),
               plan: [row("c1", "t1", "w9")], mentions: ["w9"]),
    // Rule 1. Same region, so rule 3 (county target) holds and only the level differs.
    BrokenPlan(name: "level mismatch", rule: .levelMismatch,
               scenario: F.scenario(targets: [F.target("t1", level: .county)]),
               plan: [row("c1", "t1")], mentions: ["c1", "t1", "province", "county"]),
    // Rule 2.
    BrokenPlan(name: "group does not serve category", rule: .groupMismatch,
               scenario: F.scenario(cadres: [F.cadre("c1", group: "g1")], targets: [F.target("t1", category: "服务业")]),
               plan: [row("c1", "t1")], mentions: ["g1", "服务业"]),
    BrokenPlan(name: "group not in scenario", rule: .groupMismatch,
               scenario: F.scenario(cadres: [F.cadre("c1", group: "gX")]),
               plan: [row("c1", "t1")], mentions: ["gX"]),
    // Rule 3.
    BrokenPlan(name: "county target, other region", rule: .regionMismatch,
               scenario: F.scenario(cadres: [F.cadre("c1", level: .county, region: "sy")],
                                    targets: [F.target("t1", level: .county, region: "hk")]),
               plan: [row("c1", "t1")], mentions: ["sy", "hk"]),
    // Rule 4, from the target's own minimum rank and from rules.min_rank_by_kind.
    BrokenPlan(name: "rank below target's min rank", rule: .rankTooLow,
               scenario: F.scenario(cadres: [F.cadre("c1", rank: .section)], targets: [F.target("t1", minRank: .division)]),
               plan: [row("c1", "t1")], mentions: ["section", "division"]),
    BrokenPlan(name: "rank below min rank by kind", rule: .rankTooLow,
               scenario: F.scenario(cadres: [F.cadre("c1", rank: .division)], targets: [F.target("t1", kind: .park)],
                                    rules: Rules(minRankByKind: [.park: .bureau])),
               plan: [row("c1", "t1")], mentions: ["division", "bureau", "park"]),
    // Rule 5.
    BrokenPlan(name: "no consent", rule: .noConsent,
               scenario: F.scenario(targets: [F.target("t1", consent: false)]),
               plan: [row("c1", "t1")], mentions: ["t1"]),
    // Rule 6.
    BrokenPlan(name: "forbidden in pairs.csv", rule: .forbiddenPair,
               scenario: F.scenario(pairs: [PairRule(cadre: "c1", target: "t1", forbidden: true, reason: "亲属任职")]),
               plan: [row("c1", "t1")], mentions: ["c1", "t1", "亲属任职"]),
    BrokenPlan(name: "own unit supervises target", rule: .conflictOfInterest,
               scenario: F.scenario(cadres: [F.cadre("c1", unit: "工信厅")], targets: [F.target("t1", supervisor: "工信厅")]),
               plan: [row("c1", "t1")], mentions: ["工信厅"]),
    BrokenPlan(name: "only listed pairs, pair not listed", rule: .unlistedPair,
               scenario: F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")],
                                    rules: Rules(onlyListedPairs: true), pairs: [PairRule(cadre: "c2", target: "t1")]),
               plan: [row("c1", "t1")], mentions: ["c1", "t1"]),
    // Rule 7: one-to-one, so capacity defaults to 1; and a pairs.csv workload override.
    BrokenPlan(name: "target workload over default capacity", rule: .workloadOverCapacity,
               scenario: F.scenario(targets: [F.target("t1", workload: 2)]),
               plan: [row("c1", "t1")], mentions: ["workload 2", "capacity 1"]),
    BrokenPlan(name: "pairs.csv workload over capacity", rule: .workloadOverCapacity,
               scenario: F.scenario(cadres: [F.cadre("c1", capacity: 2)],
                                    pairs: [PairRule(cadre: "c1", target: "t1", workload: 3)]),
               plan: [row("c1", "t1")], mentions: ["workload 3", "capacity 2"]),
    // Rule 8.
    BrokenPlan(name: "before earliest wave", rule: .beforeEarliestWave,
               scenario: F.scenario(cadres: [F.cadre("c1", earliest: "w2")]),
               plan: [row("c1", "t1", "w1")], mentions: ["w1", "w2"]),
    // Rule 9.
    BrokenPlan(name: "urgent target in second wave", rule: .urgentNotFirstWave,
               scenario: F.scenario(targets: [F.target("t1", urgent: true)]),
               plan: [row("c1", "t1", "w2")], mentions: ["w2", "w1"]),
    // Plan-wide rules.
    BrokenPlan(name: "cadre in two waves", rule: .cadreInSeveralWaves,
               scenario: F.scenario(targets: [F.target("t1"), F.target("t2")], mode: .oneToMany(maxTargets: 2)),
               plan: [row("c1", "t1", "w1"), row("c1", "t2", "w2")], mentions: ["c1", "2 waves", "w1, w2"]),
    // Capacity 5 so that only the target count, not the workload, is over.
    BrokenPlan(name: "two targets in one-to-one", rule: .tooManyTargets,
               scenario: F.scenario(cadres: [F.cadre("c1", capacity: 5)], targets: [F.target("t1"), F.target("t2")]),
               plan: [row("c1", "t1"), row("c1", "t2")], mentions: ["c1", "2 targets", "at most 1"]),
    // Each workload 2 fits capacity 3 (rule 7 holds); together 4 do not.
    BrokenPlan(name: "total workload over capacity", rule: .overCapacity,
               scenario: F.scenario(targets: [F.target("t1", workload: 2), F.target("t2", workload: 2)],
                                    mode: .oneToMany(maxTargets: 3)),
               plan: [row("c1", "t1"), row("c1", "t2")], mentions: ["c1", "workload 4", "capacity 3"]),
    // Demand 2 so that the repeated row is not also over demand.
    BrokenPlan(name: "same pair twice", rule: .duplicatePair,
               scenario: F.scenario(targets: [F.target("t1", demand: 2)]),
               plan: [row("c1", "t1"), row("c1", "t1")], mentions: ["c1", "t1", "2 times"]),
    BrokenPlan(name: "two cadres, demand one", rule: .overDemand,
               scenario: F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")]),
               plan: [row("c1", "t1"), row("c2", "t1")], mentions: ["t1", "2 cadres", "demand 1"]),
    BrokenPlan(name: "level quota", rule: .quotaExceeded(.level),
               scenario: F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")], targets: [F.target("t1"), F.target("t2")],
                                    waves: [Wave(id: "w1", date: "2022-09-16", quotas: [.province: 1, .county: 0])]),
               plan: [row("c1", "t1"), row("c2", "t2")], mentions: ["w1", "2 province", "quota 1"]),
    BrokenPlan(name: "region quota", rule: .quotaExceeded(.region),
               scenario: F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")], targets: [F.target("t1"), F.target("t2")],
                                    waves: [Wave(id: "w1", date: "2022-09-16", regionQuotas: ["hk": 1, "sy": 0])]),
               plan: [row("c1", "t1"), row("c2", "t2")], mentions: ["w1", "region hk", "quota 1"]),
    BrokenPlan(name: "group quota", rule: .quotaExceeded(.group),
               scenario: F.scenario(cadres: [F.cadre("c1", group: "g1"), F.cadre("c2", group: "g1")],
                                    targets: [F.target("t1"), F.target("t2")],
                                    waves: [Wave(id: "w1", date: "2022-09-16", groupQuotas: ["g1": 1])]),
               plan: [row("c1", "t1"), row("c2", "t2")], mentions: ["w1", "group g1", "quota 1"]),
    BrokenPlan(name: "pin absent", rule: .pinMissing,
               scenario: F.scenario(pins: [Pin(cadre: "c1", target: "t1", wave: "w1")]),
               plan: [], mentions: ["c1", "t1", "w1", "not in the plan"]),
    BrokenPlan(name: "pin in another wave", rule: .pinMissing,
               scenario: F.scenario(pins: [Pin(cadre: "c1", target: "t1", wave: "w1")]),
               plan: [row("c1", "t1", "w2")], mentions: ["wave w1", "planned in wave w2"]),
    // The valid plan [c1→t1 in w1]: coverage 0 (demand met), timeliness 0 (first wave), quality
    // 70 = β·(division 2 − section 1) + γ·(工业 not among c1's skills) = 20 + 50, same region 0 km.
    // Only coverage is claimed wrongly; "bound" is not a tier name and is ignored.
    BrokenPlan(name: "wrong claimed coverage", rule: .tierMismatch, scenario: F.scenario(),
               plan: [row("c1", "t1")], claimed: ["coverage": 5, "timeliness": 0, "quality": 70, "bound": 99],
               mentions: ["coverage", "claims 5", "recomputed 0"]),
    // The indicator "all" counts t1 (served) and t2 (declined): 1 of 1 accepting covered, 1 declined.
    BrokenPlan(name: "wrong claimed indicator", rule: .indicatorMismatch,
               scenario: {
                   var s = F.scenario(targets: [F.target("t1"), F.target("t2", consent: false)])
                   s.indicators = [Indicator(id: "all", name: "全部")]
                   return s
               }(),
               plan: [row("c1", "t1")],
               claimedIndicators: [IndicatorCount(id: "all", targets: 2, declined: 0, accepting: 2, covered: 1)],
               mentions: ["all", "claims covered 1 of 2", "recounted 1 of 1 (1 declined"]),
    BrokenPlan(name: "plan made under another mode", rule: .modeMismatch, scenario: F.scenario(),
               plan: [row("c1", "t1")], claimedMode: "one-to-many:2", mentions: ["one-to-many:2", "one-to-one"]),
]

@Suite("Each rule broken alone")
struct RuleViolationTests {
    @Test("reports exactly the broken rule", arguments: brokenPlans)
    func reportsExactlyTheBrokenRule(_ case_: BrokenPlan) {
        let report = PlanVerifier.verify(scenario: case_.scenario, assignments: case_.plan, claimed: case_.claimed,
                                         claimedIndicators: case_.claimedIndicators, claimedMode: case_.claimedMode)
        #expect(report.violations.map(\.rule) == [case_.rule], "\(report.violations)")
        #expect(!report.isValid)
        let message = report.violations.first?.message ?? ""
        for text in case_.mentions {
            #expect(message.contains(text), "message \(message.debugDescription) should mention \(text)")
        }
    }

    @Test("every rule has a case above or among the plan-folder cases")
    func everyRuleIsCovered() {
        let covered = Set(brokenPlans.map(\.rule) + brokenFolders.map(\.rule))
        for rule in Rule.allCases {
            #expect(covered.contains(rule), "no test case breaks \(rule)")
        }
        #expect(Rule.allCases.count == Set(Rule.allCases).count)
    }

    @Test("the same plans without the breaking fact are valid")
    func neighboursAreValid() {
        typealias F = Fixture
        // Each line mirrors a case above with the fact flipped back.
        let valid: [(Scenario, [PlannedAssignment])] = [
            (F.scenario(cadres: [F.cadre("c1", level: .county)], targets: [F.target("t1", level: .county)]), [row("c1", "t1")]),
            (F.scenario(cadres: [F.cadre("c1", group: "g1")], targets: [F.target("t1", category: "工业")]), [row("c1", "t1")]),
            (F.scenario(cadres: [F.cadre("c1", level: .county, region: "hk")],
                        targets: [F.target("t1", level: .county, region: "hk")]), [row("c1", "t1")]),
            // Province level: regions may differ.
            (F.scenario(cadres: [F.cadre("c1", region: "sy")], targets: [F.target("t1", region: "hk")]), [row("c1", "t1")]),
            (F.scenario(cadres: [F.cadre("c1", rank: .bureau)], targets: [F.target("t1", kind: .park)],
                        rules: Rules(minRankByKind: [.park: .bureau])), [row("c1", "t1")]),
            // Rule 6 needs both unit and supervisor non-empty, and forbid_own_supervisor on.
            (F.scenario(cadres: [F.cadre("c1", unit: "工信厅")], targets: [F.target("t1", supervisor: "工信厅")],
                        rules: Rules(forbidOwnSupervisor: false)), [row("c1", "t1")]),
            (F.scenario(cadres: [F.cadre("c1", unit: "")], targets: [F.target("t1", supervisor: "")]), [row("c1", "t1")]),
            (F.scenario(pairs: [PairRule(cadre: "c1", target: "t1", forbidden: false, reason: "listed")]), [row("c1", "t1")]),
            (F.scenario(rules: Rules(onlyListedPairs: true), pairs: [PairRule(cadre: "c1", target: "t1")]), [row("c1", "t1")]),
            (F.scenario(cadres: [F.cadre("c1", capacity: 3)], pairs: [PairRule(cadre: "c1", target: "t1", workload: 3)]),
             [row("c1", "t1")]),
            (F.scenario(cadres: [F.cadre("c1", earliest: "w2")]), [row("c1", "t1", "w2")]),
            (F.scenario(targets: [F.target("t1", urgent: true)]), [row("c1", "t1", "w1")]),
            (F.scenario(targets: [F.target("t1"), F.target("t2")], mode: .oneToMany(maxTargets: 2)),
             [row("c1", "t1", "w2"), row("c1", "t2", "w2")]),
            (F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")], targets: [F.target("t1", demand: 2)]),
             [row("c1", "t1"), row("c2", "t1")]),
            (F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")], targets: [F.target("t1"), F.target("t2")],
                        waves: [Wave(id: "w1", date: "2022-09-16", quotas: [.province: 2], regionQuotas: ["hk": 2],
                                     groupQuotas: ["g1": 0])]),
             [row("c1", "t1"), row("c2", "t2")]),
            (F.scenario(pins: [Pin(cadre: "c1", target: "t1", wave: "w2")]), [row("c1", "t1", "w2")]),
        ]
        for (i, (scenario, plan)) in valid.enumerated() {
            let report = PlanVerifier.verify(scenario: scenario, assignments: plan)
            #expect(report.violations.isEmpty, "valid case \(i): \(report.violations)")
        }
    }
}
