import Foundation
import GLPKSolver
import PlanVerifier
import Scenario
import Testing
@testable import CadrePlan

/// Re-planning: pins keep what was dispatched, and a stability tier keeps earlier assignments.
@Suite("Re-planning")
struct ReplanningTests {
    /// Earlier pairs not in `plan` (cadre, target and wave all equal), counted directly.
    static func notKept(_ earlier: [Pin], _ plan: Plan) -> Int {
        let now = Set(plan.assignmentsByID.map { "\($0.cadre)|\($0.target)|\($0.wave)" })
        return earlier.filter { !now.contains("\($0.cadre)|\($0.target)|\($0.wave)") }.count
    }

    static func pins(of plan: Plan) -> [Pin] {
        plan.assignmentsByID.map { Pin(cadre: $0.cadre, target: $0.target, wave: $0.wave) }
    }

    @Test func waveTwoReplanKeepsWaveOne() throws {
        let s = try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/small").path)
        let first = try solve(s)
        var again = s
        again.pins = Self.pins(of: first).filter { $0.wave == "w1" }
        var options = PlannerOptions()
        options.previous = Self.pins(of: first)
        let plan = try solveWith(again, options)
        let now = Set(plan.compact)
        for p in again.pins { #expect(now.contains("\(p.cadre)>\(p.target)@\(p.wave)")) }
        // Nothing changed, so every tier is as derived in scenarios/small/README.md and no pair moves.
        #expect(plan.values == [1018, 40, 0, 1574])
    }

    /// A hand case: earlier plan a→y, b→x, c→z; targets x (priority 5), y (1), z (2); b leaves.
    /// Two cadres remain for three targets: coverage serves x and z and leaves y (1). Keeping
    /// c→z and moving a to x loses two earlier pairs (b→x, a→y); a→z with c→x would lose all
    /// three. So the plan is a→x, c→z with stability 2 — the minimum.
    @Test func removalMovesOnlyWhatCoverageNeeds() throws {
        var b = Build()
        b.cadre("a"); b.cadre("c")
        b.target("x", priority: 5); b.target("y", priority: 1); b.target("z", priority: 2)
        let earlier = [Pin(cadre: "a", target: "y", wave: "w1"), Pin(cadre: "b", target: "x", wave: "w1"), Pin(cadre: "c", target: "z", wave: "w1")]
        var options = PlannerOptions()
        options.previous = earlier
        let plan = try solveWith(b.scenario, options)
        #expect(plan.values[0] == 1 && plan.values[2] == 2)
        #expect(plan.compact == ["a>x@w1", "c>z@w1"])
        #expect(Self.notKept(earlier, plan) == 2)
    }

    // MARK: Hand-derived cases beyond one-to-one (docs/MODEL.md, "Re-planning")

    /// Cadres a and b (one class) and targets x1, x2 (one class). The earlier plan, made one to
    /// many, had a serve both. One to one first, the principle (before stability) dispatches both
    /// cadres with one target each, so a keeps one of its two pairs: stability 1, everything else
    /// 0 (same region, matching skill, lowest rank). A count of kept pairs that only asked "kept ≤
    /// pairs along the arc" and "≤ a's earlier pairs" would claim both. One to many, the principle
    /// is no tier: a keeps both (stability 0) and quality pays λ = 30 for its second target. One to
    /// one, a keeps one.
    @Test func twoEarlierTargetsOfOneCadre() throws {
        var b = Build()
        b.cadre("a", skills: ["c"]); b.cadre("b", skills: ["c"])
        b.target("x1"); b.target("x2")
        let earlier = [Pin(cadre: "a", target: "x1", wave: "w1"), Pin(cadre: "a", target: "x2", wave: "w1")]
        var options = PlannerOptions()
        options.previous = earlier
        for (mode, values) in [(AssignmentMode.oneToOneFirst(maxTargets: 2), [0, 0, 0, 1, 0]),
                               (.oneToMany(maxTargets: 2), [0, 0, 0, 30]), (.oneToOne, [0, 0, 1, 0])] {
            b.mode = mode
            let plan = try solveWith(b.scenario, options)
            #expect(plan.values == values, "\(mode)")
            #expect(Self.notKept(earlier, plan) == plan.tier("stability"), "\(mode)")
            // Solved over classes: a and b are one class, and a is a keep group of its own.
            let q = ClassPartition(PreparedScenario(b.scenario, previous: earlier), aggregate: true)
            #expect(q.cadreClasses.count == 1 && q.keepGroups.count == 1 && q.keepGroups[0].members.count == 1)
            #expect(q.keepGroups[0].arcs.map(\.perCadre) == [2], "\(mode)")
        }
    }

    /// Cadres a, b, c (one class); x needs two cadres (priority 3), y one (priority 1); the wave-1
    /// quota admits two cadres. Earlier: a and b served x, c served y, all in wave 1. Everyone is
    /// served (coverage 0); one pair must go to wave 2, the cheaper one is y's (timeliness 1).
    /// Keeping a and b at x in wave 1 loses only c→y (stability 1); x served by a and c would lose
    /// b→x and c→y. So the plan is a→x, b→x in wave 1 and c→y in wave 2.
    @Test func twoEarlierCadresOfOneTarget() throws {
        var b = Build()
        b.waves[0].quotas = [.county: 2]
        for id in ["a", "b", "c"] { b.cadre(id, skills: ["c"]) }
        b.target("x", priority: 3, demand: 2); b.target("y", priority: 1)
        let earlier = [Pin(cadre: "a", target: "x", wave: "w1"), Pin(cadre: "b", target: "x", wave: "w1"), Pin(cadre: "c", target: "y", wave: "w1")]
        var options = PlannerOptions()
        options.previous = earlier
        let plan = try solveWith(b.scenario, options)
        #expect(plan.values == [0, 1, 1, 0])
        #expect(plan.compact == ["a>x@w1", "b>x@w1", "c>y@w2"])
        #expect(Self.notKept(earlier, plan) == 1)
        // One to one first (M = 2) with a wave-1 quota of one: the principle dispatches all three,
        // one in wave 1. Wave 2 then holds x once and y (timeliness 3 + 1 = 4, better than x twice,
        // 6). The wave-1 cadre serving x is a or b (one kept); b→x or a→x and c→y move to wave 2:
        // stability 2. Here x is a tight arc (one target, demand 2, M = 2) beside the keep group.
        b.mode = .oneToOneFirst(maxTargets: 2)
        b.waves[0].quotas = [.county: 1]
        let first = try solveWith(b.scenario, options)
        #expect(first.values == [0, 0, 4, 2, 0])
        #expect(Self.notKept(earlier, first) == 2)
    }

    /// One to many (M = 2): cadres a and b (one kind), the wave-1 quota admits one cadre, and a is
    /// pinned to x (demand 2, priority 5) in wave 1; y needs one cadre (priority 1). a has room for
    /// one more target in wave 1 but may not serve x twice, so x's second cadre is b in wave 2
    /// (timeliness 5) and a takes y; b serving both in wave 2 would cost 6. Quality: λ = 30 for a's
    /// second target. A model that let a serve x again would reach timeliness 1.
    @Test func partlyPinnedTargetOfDemandTwo() throws {
        var b = Build()
        b.mode = .oneToMany(maxTargets: 2)
        b.waves[0].quotas = [.county: 1]
        b.cadre("a", skills: ["c"]); b.cadre("b", skills: ["c"])
        b.target("x", priority: 5, demand: 2); b.target("y", priority: 1)
        b.pins = [Pin(cadre: "a", target: "x", wave: "w1")]
        let plan = try solve(b.scenario)
        #expect(plan.values == [0, 5, 30])
        #expect(plan.compact == ["a>x@w1", "a>y@w1", "b>x@w2"])
        // Re-planning the same with an earlier plan in which b served y in wave 1: that pair can
        // no longer be kept (the quota is the pin's), so stability is 1 and nothing else changes.
        var options = PlannerOptions()
        options.previous = [Pin(cadre: "a", target: "x", wave: "w1"), Pin(cadre: "b", target: "y", wave: "w1")]
        let again = try solveWith(b.scenario, options)
        #expect(again.values == [0, 5, 1, 30])
        #expect(again.compact == plan.compact)
    }

    // MARK: hainan-2022 in its own mode (one-to-one-first:3)

    /// hainan-2022 and its optimal plan, solved once for the tests below.
    static let hainan: Result<(scenario: Scenario, plan: Plan), any Error> = Result {
        let s = try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/hainan-2022").path)
        return (s, try solveWith(s, PlannerOptions()))
    }

    /// The acceptance case: remove 5% of hainan-2022's cadres at random and re-plan; the number of changed assignments, counted by comparing the two plans,
    /// equals the minimum the model proves (the stability tier), and is at least the removed
    /// cadres' pairs. The class model stays about the size of a fresh one.
    @Test func hainanAfterRemovingFivePercent() throws {
        let (s, first) = try Self.hainan.get()
        var r = TestRandom(state: 2022)
        var reduced = s
        let drop = Set(s.cadres.indices.filter { _ in r.chance(0.05) }.map { s.cadres[$0].id })
        reduced.cadres.removeAll { drop.contains($0.id) }
        // Strictly one to one: re-planning the scenario's own one-to-one-first mode leaves GLPK on
        // the stability tier for over 15 minutes in a debug build (issue 9's search work is for this).
        reduced.mode = .oneToOne
        #expect(drop.count > 300)
        var options = PlannerOptions()
        options.previous = Self.pins(of: first)
        let plan = try solveWith(reduced, options)
        #expect(plan.isOptimal)
        #expect(plan.statistics.replanClasses == "classes")
        let stability = plan.tier("stability")
        let changed = Self.notKept(options.previous!, plan)
        #expect(changed == stability)
        let forced = options.previous!.filter { drop.contains($0.cadre) }.count
        #expect(changed >= forced)
        // The tiers before stability are those of a plan made from scratch.
        let fresh = try solveWith(reduced, PlannerOptions())
        let before = plan.tiers.prefix { $0.tier != .stability }.count
        #expect(before == 2 && Array(plan.values.prefix(before)) == Array(fresh.values.prefix(before)))
        #expect(plan.statistics.solvedModel.variables < 2 * fresh.statistics.solvedModel.variables,
                "\(plan.statistics.solvedModel.variables) variables re-planning, \(fresh.statistics.solvedModel.variables) fresh")
    }

    /// Wave 2 re-planned with wave 1 dispatched: the plan's wave-1 pairs pinned (about 3,500 cadres)
    /// and the plan itself as the earlier plan. The plan is feasible and optimal for both, so every
    /// tier equals the fresh plan's, nothing moves (stability 0) and every pin is kept.
    @Test func hainanWaveTwoWithWaveOnePinned() throws {
        let (s, first) = try Self.hainan.get()
        var again = s
        again.pins = Self.pins(of: first).filter { $0.wave == "w1" }
        #expect(again.pins.count > 3000)
        let pinnedOnly = try solveWith(again, PlannerOptions())
        #expect(pinnedOnly.values == first.values)
        var options = PlannerOptions()
        options.previous = Self.pins(of: first)
        let plan = try solveWith(again, options)
        #expect(plan.isOptimal)
        #expect(plan.values == [first.values[0], first.values[1], first.values[2], 0, first.values[3]])
        #expect(Self.notKept(options.previous!, plan) == 0)
        let now = Set(plan.compact)
        for p in again.pins { #expect(now.contains("\(p.cadre)>\(p.target)@\(p.wave)")) }
        #expect(plan.statistics.solvedModel.variables < 2 * first.statistics.solvedModel.variables)
    }
}

/// `solve` with explicit options (serial, verified).
func solveWith(_ s: Scenario, _ options: PlannerOptions) throws -> Plan {
    var options = options
    options.parallel = false
    let plan = try Planner(solver: GLPKSolver()).plan(s, options: options)
    let report = PlanVerifier.verify(scenario: plan.scenario, assignments: plan.assignmentsByID,
                                     claimed: Dictionary(uniqueKeysWithValues: plan.tiers.map { ($0.name, $0.value) }))
    if !report.isValid { throw VerificationFailed(violations: report.violations.map(\.description)) }
    return plan
}
