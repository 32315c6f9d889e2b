import GLPKSolver
import Scenario
import Testing
@testable import CadrePlan

/// A re-planning case drawn at random: a scenario of ``AggregationPropertyTests/randomRuleScenario(seed:)``
/// (all three modes, M per group and region, county reach, tier orders), an optimal plan of it as
/// the earlier plan, then a changed scenario to re-plan: cadres leave, targets turn urgent or change
/// demand, some seeds pin part of a plan, and some earlier plans break today's rules.
struct ReplanCase {
    var scenario: Scenario
    var previous: [Pin]

    static func make(seed: Int) throws -> ReplanCase {
        var r = TestRandom(state: UInt64(seed) &* 31 &+ 7)
        let s = thickened(AggregationPropertyTests.randomRuleScenario(seed: UInt64(1000 + seed)), &r)
        // Half the earlier plans were made one to many (M = 3): cadres with several targets, some
        // of one class, which today's mode may not allow.
        var before = s
        if seed % 2 == 0 { before.mode = .oneToMany(maxTargets: 3); before.targetLimits = TargetLimits(); before.tierOrder = nil }
        var previous = ReplanningTests.pins(of: try solve(before))
        var changed = s
        changed.cadres.removeAll { _ in r.chance(0.15) }
        for i in changed.targets.indices where r.chance(0.1) { changed.targets[i].urgent.toggle() }
        for i in changed.targets.indices where r.chance(0.15) { changed.targets[i].demand = 3 - changed.targets[i].demand }
        if seed % 4 == 1 {
            // An earlier plan that breaks the one-wave rule: some cadres also in the other wave.
            for e in previous.prefix(2) {
                let pin = Pin(cadre: e.cadre, target: e.target, wave: e.wave == "w1" ? "w2" : "w1")
                if !previous.contains(where: { ($0.cadre, $0.target, $0.wave) == (pin.cadre, pin.target, pin.wave) }) { previous.append(pin) }
            }
        }
        if seed % 3 == 0 {
            // Pins: part of an optimum of the changed scenario (so that they hold together).
            var pins = ReplanningTests.pins(of: try solve(changed))
            pins.removeAll { _ in r.chance(0.6) }
            changed.pins = Array(pins.prefix(6))
        }
        return ReplanCase(scenario: changed, previous: previous)
    }

    /// `s` with each cadre present one to three times and each target once or twice (copies with
    /// new ids), so that classes and keep groups have several members.
    static func thickened(_ s: Scenario, _ r: inout TestRandom) -> Scenario {
        var out = s
        out.cadres = s.cadres.flatMap { c in
            (0..<r.int(1...3)).map { i in var copy = c; if i > 0 { copy.id += "-\(i)"; copy.name += "-\(i)" }; return copy }
        }
        out.targets = s.targets.flatMap { t in
            (0..<r.int(1...2)).map { i in var copy = t; if i > 0 { copy.id += "-\(i)"; copy.name += "-\(i)" }; return copy }
        }
        return out
    }

    /// The planner's options for this case.
    func options(aggregate: Bool, apart: Bool = false) -> PlannerOptions {
        var options = PlannerOptions(aggregate: aggregate)
        options.previous = previous
        options.earlierParticipantsApart = apart
        return options
    }
}

/// Re-planning keeps aggregation exact: with an earlier plan of a perturbed scenario, the class
/// model, the individual model and the class model with earlier participants apart reach the same
/// tier values, and the stability tier equals the changes recounted from the two plans.
@Suite("Aggregation is exact when re-planning")
struct ReplanningAggregationTests {
    @Test(arguments: 1...48)
    func classModelMatchesIndividualModel(seed: Int) throws {
        let c = try ReplanCase.make(seed: seed)
        let individual = try solveWith(c.scenario, c.options(aggregate: false))
        let classes = try solveWith(c.scenario, c.options(aggregate: true))
        let apart = try solveWith(c.scenario, c.options(aggregate: true, apart: true))
        #expect(individual.isOptimal && classes.isOptimal && apart.isOptimal)
        #expect(classes.values == individual.values, "seed \(seed)")
        #expect(apart.values == individual.values, "seed \(seed)")
        #expect(classes.statistics.replanClasses == "classes", "seed \(seed): no fallback")
        #expect(ReplanningTests.notKept(c.previous, classes) * c.scenario.weights.move == classes.tier("stability"), "seed \(seed)")
        let now = Set(classes.compact)
        for p in c.scenario.pins { #expect(now.contains("\(p.cadre)>\(p.target)@\(p.wave)"), "seed \(seed): pin kept") }
    }

    /// The 48 cases really exercise what the class argument is about: groups of several cadres,
    /// cadres with several earlier pairs along one arc, targets told apart, pinned classes with
    /// earlier pairs, tight arcs beside keep groups, earlier plans that break today's rules, and
    /// plans that keep some but not all earlier pairs — in every mode. A test over cases where no
    /// group had two members would pass whatever the code did with them.
    @Test func theCasesUseEveryStructure() throws {
        var bigGroups = 0, manyAlongArc = 0, apartTargets = 0, pinnedGroups = 0, tightBeside = 0, twoWaves = 0
        var partlyKept = 0, beyondOne = 0
        for seed in 1...48 {
            let c = try ReplanCase.make(seed: seed)
            let p = PreparedScenario(c.scenario, previous: c.previous)
            let q = ClassPartition(p, aggregate: true)
            let groups = q.keepGroups
            if groups.contains(where: { $0.members.count > 1 }) { bigGroups += 1 }
            if groups.contains(where: { $0.arcs.contains { $0.perCadre > 1 } }) { manyAlongArc += 1 }
            if groups.contains(where: { g in g.arcs.contains { q.targetClasses[q.arcs[$0.arc].targetClass].demand > 1 } }) { apartTargets += 1 }
            if groups.contains(where: { q.cadreClasses[$0.cadreClass].dispatchedIn != nil }) { pinnedGroups += 1 }
            if groups.contains(where: { g in q.arcs.indices.contains { q.arcs[$0].cadreClass == g.cadreClass && q.arcs[$0].wave == g.wave && q.isTight($0) } }) {
                tightBeside += 1
            }
            if Set(groups.map(\.refined)).count < groups.count { twoWaves += 1 }
            if p.scenario.mode.maxTargets > 1 { beyondOne += 1 }
            let plan = try solveWith(c.scenario, c.options(aggregate: true))
            let stability = plan.tier("stability")
            if stability > 0 && stability < c.previous.count { partlyKept += 1 }
        }
        #expect(beyondOne >= 24, "cases beyond one-to-one: \(beyondOne)")
        #expect(bigGroups >= 15, "cases with a keep group of several cadres: \(bigGroups)")
        #expect(manyAlongArc >= 3, "cases with a cadre holding several earlier pairs along one arc: \(manyAlongArc)")
        #expect(apartTargets >= 5, "cases with an earlier pair at a target needing two cadres: \(apartTargets)")
        #expect(pinnedGroups >= 3, "cases with earlier pairs of pinned cadres: \(pinnedGroups)")
        #expect(tightBeside >= 3, "cases with a tight arc beside a keep group: \(tightBeside)")
        #expect(twoWaves >= 2, "cases whose earlier plan had a cadre in two waves: \(twoWaves)")
        #expect(partlyKept >= 24, "cases keeping some but not all earlier pairs: \(partlyKept)")
    }
}
