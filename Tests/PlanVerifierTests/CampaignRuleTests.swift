import PlanVerifier
import Scenario
import Testing

private typealias F = Fixture

/// The verifier's own reading of the campaign's rules added with one-to-one-first: the county
/// reach (属地为主), M per group and region, the principle tier, coverage over the targets that
/// accept service, and the indicators and mode a plan claims.
@Suite("Campaign rules in the verifier")
struct CampaignRuleTests {
    /// 海口–儋州 is 86.90 km (→ 87), 海口–三亚 211.82 km (→ 212): a reach of 87 admits the first only,
    /// and a region without coordinates is never in reach.
    @Test func countyReach() {
        let cadres = [F.cadre("c1", level: .county, region: "hk")]
        let targets = [F.target("dz", level: .county, region: "dz"), F.target("sy", level: .county, region: "sy"),
                       F.target("no", level: .county, region: "nowhere")]
        func broken(_ reach: Int, _ target: String) -> [Rule] {
            brokenRules(F.scenario(cadres: cadres, targets: targets, rules: Rules(countyReachKm: reach)), [row("c1", target)])
        }
        #expect(broken(0, "dz") == [.regionMismatch])
        #expect(broken(86, "dz") == [.regionMismatch])
        #expect(broken(87, "dz") == [])
        #expect(broken(87, "sy") == [.regionMismatch])
        #expect(broken(212, "sy") == [])
        #expect(broken(20_000, "no") == [.regionMismatch])
    }

    /// M per group and per region: the smaller applies when both are set; otherwise the mode's.
    @Test func targetsPerCadreByGroupAndRegion() {
        var s = F.scenario(cadres: [F.cadre("a", group: "g1"), F.cadre("b", region: "sy"), F.cadre("c", group: "g1", region: "sy")],
                           targets: ["t1", "t2", "t3"].map { F.target($0) }, mode: .oneToOneFirst(maxTargets: 3))
        s.targetLimits = TargetLimits(groups: ["g1": 2], regions: ["sy": 1])
        let three: (String) -> [PlannedAssignment] = { c in ["t1", "t2", "t3"].map { row(c, $0) } }
        let two: (String) -> [PlannedAssignment] = { c in ["t1", "t2"].map { row(c, $0) } }
        #expect(brokenRules(s, three("a")).contains(.tooManyTargets))   // g1: 2
        #expect(brokenRules(s, two("a")) == [])
        #expect(brokenRules(s, two("b")).contains(.tooManyTargets))     // sy: 1
        #expect(brokenRules(s, two("c")).contains(.tooManyTargets))     // min(2, 1)
        s.targetLimits = TargetLimits()
        #expect(brokenRules(s, three("c")) == [])                       // the mode's 3
    }

    /// Coverage counts only targets that accept service; the principle counts extra targets.
    /// By hand: t1 (weight 3) served, t2 (weight 3) short, t3 (weight 3) declined → coverage 3;
    /// cadre c1 serves t1 and t4 → principle 1.
    @Test func coverageAndPrincipleByHand() {
        let s = F.scenario(cadres: [F.cadre("c1")],
                           targets: [F.target("t1"), F.target("t2"), F.target("t3", consent: false), F.target("t4")],
                           mode: .oneToOneFirst(maxTargets: 2))
        let report = PlanVerifier.verify(scenario: s, assignments: [row("c1", "t1"), row("c1", "t4")])
        #expect(report.violations.isEmpty)
        #expect(report.tiers.coverage == 3 && report.tiers.principle == 1)
    }

    /// Indicators recounted by hand: "all" counts t1–t4; t3 declined; t1 and t4 covered.
    @Test func indicatorsAreRecountedAndClaimsChecked() {
        var s = F.scenario(cadres: [F.cadre("c1")],
                           targets: [F.target("t1"), F.target("t2"), F.target("t3", consent: false), F.target("t4", halted: true)],
                           mode: .oneToOneFirst(maxTargets: 2))
        s.indicators = [Indicator(id: "all", name: "全部"), Indicator(id: "halted", name: "停产", haltedOnly: true)]
        let plan = [row("c1", "t1"), row("c1", "t4")]
        let right = [IndicatorCount(id: "all", targets: 4, declined: 1, accepting: 3, covered: 2),
                     IndicatorCount(id: "halted", targets: 1, declined: 0, accepting: 1, covered: 1)]
        let report = PlanVerifier.verify(scenario: s, assignments: plan, claimedIndicators: right, claimedMode: "one-to-one-first:2")
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.indicators == right)
        // Counting the declined target as uncovered (the old way) is caught, as is a missing claim.
        let wrong = [IndicatorCount(id: "all", targets: 4, declined: 0, accepting: 4, covered: 2)]
        let bad = PlanVerifier.verify(scenario: s, assignments: plan, claimedIndicators: wrong)
        #expect(bad.violations.map(\.rule) == [.indicatorMismatch, .indicatorMismatch])
        #expect(bad.violations.map(\.message).contains { $0.hasPrefix("indicator halted: the plan claims nothing") })
        // A plan made under another mode is not silently accepted.
        let mode = PlanVerifier.verify(scenario: s, assignments: plan, claimedMode: "one-to-many:3")
        #expect(mode.violations.map(\.rule) == [.modeMismatch])
    }
}
