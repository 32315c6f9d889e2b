import Foundation
import PlanVerifier
import Scenario
import Testing

/// Inputs the loader would refuse, given in memory: the verifier must report, never trap.
@Suite("Robustness and speed")
struct RobustnessTests {
    typealias F = Fixture

    @Test("nonsense scenarios and plans do not crash")
    func nonsenseDoesNotCrash() {
        let huge = Weights(priority: [], halted: Int.max, distancePerKm: Int.max, rankGap: Int.max,
                           skillMismatch: Int.max, extraTarget: Int.max, move: Int.max)
        let scenario = Scenario(
            name: "", waves: [], groups: [ServiceGroup(id: "g", name: "", categories: []),
                                          ServiceGroup(id: "g", name: "", categories: ["x"])],
            mode: .oneToMany(maxTargets: 0), weights: huge,
            rules: Rules(minRankByKind: [.park: .bureau], onlyListedPairs: true),
            regions: [Region(id: "n", name: "", latitude: .nan, longitude: .infinity),
                      Region(id: "w", name: "", latitude: 1e300, longitude: -1e300),
                      Region(id: "n", name: "dup")],
            cadres: [F.cadre("c", region: "n", capacity: -5, earliest: "nope"), F.cadre("c", region: "w"),
                     F.cadre("d", region: "w")],
            targets: [F.target("t", region: "w", priority: -3, halted: true, demand: Int.max, workload: -1),
                      F.target("t", priority: 99), F.target("u", region: "n", priority: 0, demand: Int.min)],
            pairs: [PairRule(cadre: "c", target: "t", cost: Int.max), PairRule(cadre: "c", target: "t", forbidden: true)],
            pins: [Pin(cadre: "c", target: "t", wave: "w1"), Pin(cadre: "c", target: "t", wave: "w1")])
        let plan = [row("c", "t"), row("c", "t"), row("c", "u", ""), row("", "", ""), row("d", "u", "w1"),
                    row("d", "t", "w1")]
        let report = PlanVerifier.verify(scenario: scenario, assignments: plan,
                                         claimed: ["coverage": Int.min, "quality": Int.max])
        #expect(!report.isValid)
        #expect(report.violations.contains { $0.rule == .unknownWave })
        // Saturated rather than wrapped: the halted bonus alone is Int.max.
        #expect(report.tiers.coverage == Int.max)
        // Ranges the loader refuses still give a well-defined distance cost, not a trap.
        let far = F.scenario(cadres: [F.cadre("c1", region: "w")], targets: [F.target("t1", region: "n")])
        _ = PlanVerifier.verify(scenario: far, assignments: [row("c1", "t1")])
    }

    @Test("violations come out sorted by rule, then message")
    func sortedReport() {
        let scenario = F.scenario(cadres: [F.cadre("c1"), F.cadre("c2")],
                                  targets: [F.target("t1", consent: false), F.target("t2", consent: false)])
        let plan = [row("c2", "t2"), row("c1", "t1"), row("zz", "t1"), row("c1", "t1", "w9")]
        let violations = PlanVerifier.verify(scenario: scenario, assignments: plan).violations
        // zz is unknown, so t1 counts one known cadre and is not over demand.
        #expect(violations.map(\.rule) == [.unknownCadre, .unknownWave, .noConsent, .noConsent, .noConsent,
                                           .cadreInSeveralWaves, .duplicatePair])
        let noConsent = violations.filter { $0.rule == .noConsent }.map(\.message)
        #expect(noConsent == noConsent.sorted())
        // The same plan in another order gives the same report.
        let again = PlanVerifier.verify(scenario: scenario, assignments: plan.reversed()).violations
        #expect(Set(again) == Set(violations))
        #expect(again.map(\.rule) == violations.map(\.rule))
        #expect(violations.first?.description.hasPrefix("unknown-cadre: ") == true)
    }

    /// A campaign-sized scenario: 10,000 cadres and targets, every cadre dispatched once.
    static func large(size: Int = 10_000) -> (Scenario, [PlannedAssignment]) {
        let regionCount = 20, groupCount = 5
        let regions = (0..<regionCount).map {
            Region(id: "r\($0)", name: "R\($0)", latitude: 18 + Double($0) * 0.1, longitude: 108.5 + Double($0) * 0.1)
        }
        let groups = (0..<groupCount).map { ServiceGroup(id: "g\($0)", name: "G\($0)", categories: ["cat\($0)"]) }
        let waves = (0..<3).map {
            Wave(id: "w\($0)", date: "2022-09-1\($0)", quotas: [.province: size, .county: size],
                 regionQuotas: ["r0": size], groupQuotas: ["g0": size])
        }
        let cadres = (0..<size).map {
            Cadre(id: "c\($0)", name: "C", level: $0 % 2 == 0 ? .province : .county, rank: .division,
                  group: "g\($0 % groupCount)", region: "r\($0 % regionCount)", unit: "u\($0)",
                  skills: ["cat\($0 % 7)"], capacity: nil, earliestWave: nil)
        }
        let targets = (0..<size).map {
            Target(id: "t\($0)", name: "T", kind: .enterprise, category: "cat\($0 % groupCount)",
                   level: $0 % 2 == 0 ? .province : .county, region: "r\($0 % regionCount)",
                   priority: 1 + $0 % 5, halted: $0 % 10 == 0, demand: 1 + $0 % 2, supervisor: "s\($0)")
        }
        let pairs = (0..<size).map { PairRule(cadre: "c\($0)", target: "t\(($0 + 1) % size)", cost: 5) }
        let pins = (0..<(size / 10)).map { Pin(cadre: "c\($0)", target: "t\($0)", wave: "w\($0 % 3)") }
        let scenario = Scenario(name: "large", waves: waves, groups: groups, regions: regions,
                                cadres: cadres, targets: targets, pairs: pairs, pins: pins)
        let plan = (0..<size).map { row("c\($0)", "t\($0)", "w\($0 % 3)") }
        return (scenario, plan)
    }

    @Test("10,000 × 10,000 × 10,000 verifies quickly")
    func largePlanIsFast() {
        let (scenario, plan) = Self.large()
        let clock = ContinuousClock()
        var report: VerificationReport?
        let elapsed = clock.measure { report = PlanVerifier.verify(scenario: scenario, assignments: plan) }
        #expect(report?.violations.isEmpty == true, "\(report?.violations.prefix(3) ?? [])")
        // The target is < 0.2 s in release; a debug build is several times slower, and CI machines
        // vary, so the bound here only catches quadratic behaviour (which would take minutes).
        #expect(elapsed < .seconds(3), "took \(elapsed)")
        print("PlanVerifier: 10,000 × 10,000 × 10,000 verified in \(elapsed)")
    }

    @Test("a large plan breaking rules everywhere is still fast")
    func largeBrokenPlanIsFast() {
        let (scenario, _) = Self.large()
        // Shift every cadre to the next target: levels alternate, so half the rows break rule 1;
        // every cadre also appears in two waves, and pins go missing.
        let plan = (0..<10_000).flatMap { [row("c\($0)", "t\(($0 + 1) % 10_000)", "w\($0 % 3)"),
                                           row("c\($0)", "t\(($0 + 1) % 10_000)", "w\(($0 + 1) % 3)")] }
        let clock = ContinuousClock()
        var report: VerificationReport?
        let elapsed = clock.measure { report = PlanVerifier.verify(scenario: scenario, assignments: plan) }
        #expect((report?.violations.count ?? 0) > 20_000)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        print("PlanVerifier: 20,000 rows with \(report?.violations.count ?? 0) violations verified in \(elapsed)")
    }
}
