import MIP
import Testing

/// The Lagrangian target search on generalised assignment problems whose optima are known by
/// hand or by enumerating every assignment: a target below the optimum must be searched out,
/// the optimum's target must yield a point of exactly that cost.
@Suite("Lagrangian target search")
struct LagrangianTargetSearchTests {
    /// The relaxation of `model` with multipliers improved from zero (as the root does).
    static func prepared(_ model: Model) throws -> (KnapsackLagrangian, KnapsackLagrangian.Multipliers) {
        let relaxation = try #require(KnapsackLagrangian(model))
        let (lower, upper) = relaxation.modelBounds
        let (_, m) = relaxation.optimise(lower: lower, upper: upper, start: relaxation.zeroMultipliers, cutoff: nil, iterations: 200)
        return (relaxation, m)
    }

    /// KnapsackLagrangianTests' hand-solved problem: A fits one job, costs at A (1, 2, 9), at B 3
    /// each. The optimum is 7 (A takes job 0); nothing costs 6.
    @Test("target 6 is searched out, target 7 finds the optimum", arguments: [false, true])
    func handSolved(keepRow: Bool) throws {
        let model = KnapsackLagrangianTests.assignment(costA: [1, 2, 9], costB: [3, 3, 3], capacityA: 3, keepRow: keepRow)
        let (relaxation, m) = try Self.prepared(model)
        let (lower, upper) = relaxation.modelBounds
        var six = LagrangianTargetSearch(relaxation, target: 6, lower: lower, upper: upper, start: m)
        #expect(six.run(nodes: 1_000).outcome == .exhausted)
        var seven = LagrangianTargetSearch(relaxation, target: 7, lower: lower, upper: upper, start: m)
        #expect(seven.run(nodes: 1_000).outcome == .found(point: [1, 0, 0, 0, 1, 1], cost: 7))
        // An ended search keeps its outcome and searches nothing more.
        #expect(six.run(nodes: 1_000) == (.exhausted, 0))
        #expect(seven.run(nodes: 1_000) == (.found(point: [1, 0, 0, 0, 1, 1], cost: 7), 0))
    }

    @Test("no budget, or a caller that stops it: stopped, not exhausted")
    func stopped() throws {
        let model = KnapsackLagrangianTests.assignment(costA: [1, 2, 9], costB: [3, 3, 3], capacityA: 3, keepRow: false)
        let (relaxation, m) = try Self.prepared(model)
        let (lower, upper) = relaxation.modelBounds
        var search = LagrangianTargetSearch(relaxation, target: 7, lower: lower, upper: upper, start: m)
        #expect(search.run(nodes: 0) == (.stopped, 0))
        #expect(search.run(nodes: 1_000, stop: { true }) == (.stopped, 0))
        // Stopped is resumable: the search then ends as it would have.
        #expect(search.run(nodes: 1_000).outcome == .found(point: [1, 0, 0, 0, 1, 1], cost: 7))
    }

    /// 80 random problems in cadreplan's form (AssignmentHeuristicTests' `SmallGAP`: agents with
    /// switches, count, load and keep rows; 3 agents × 6 jobs, and 4 × 7 for every fourth), each
    /// solved by enumerating every assignment. The search must search out the optimum less one
    /// and find a point of the optimum's cost, checked against the model's rows by the test.
    @Test("agrees with enumeration on 80 random small problems")
    func enumeration() throws {
        var checked = 0
        for seed in 0..<80 {
            let gap = seed % 4 == 3 ? SmallGAP(seed: seed, agents: 4, jobs: 7) : SmallGAP(seed: seed)
            guard let relaxation = KnapsackLagrangian(gap.model), let optimum = gap.optimum else { continue }
            checked += 1
            let (lower, upper) = relaxation.modelBounds
            let (_, m) = relaxation.optimise(lower: lower, upper: upper, start: relaxation.zeroMultipliers, cutoff: nil, iterations: 100)
            var below = LagrangianTargetSearch(relaxation, target: optimum - 1, lower: lower, upper: upper, start: m)
            #expect(below.run(nodes: 100_000).outcome == .exhausted, "seed \(seed)")
            var at = LagrangianTargetSearch(relaxation, target: optimum, lower: lower, upper: upper, start: m)
            let outcome = at.run(nodes: 100_000).outcome
            // The same search a node at a time: the same point after the same number of nodes.
            var sliced = LagrangianTargetSearch(relaxation, target: optimum, lower: lower, upper: upper, start: m)
            var last = sliced.run(nodes: 1).outcome
            while last == .stopped { last = sliced.run(nodes: 1).outcome }
            #expect(last == outcome && sliced.searched == at.searched, "seed \(seed)")
            guard case .found(let point, let cost) = outcome else { Issue.record("seed \(seed): \(outcome)"); continue }
            #expect(cost == optimum, "seed \(seed)")
            #expect(satisfies(point.map(Double.init), gap.model), "seed \(seed)")
            let value = gap.model.objective.terms.reduce(0.0) { $0 + $1.coefficient * Double(point[$1.variable.index]) }
            #expect(value == Double(optimum), "seed \(seed)")
        }
        #expect(checked >= 60)
    }
}
