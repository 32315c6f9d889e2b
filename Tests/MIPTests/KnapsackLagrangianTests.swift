import MIP
import Testing

/// The Lagrangian bound of the capacity rows, on generalised assignment problems small enough
/// to solve by hand: it must never pass the optimum, must beat the LP relaxation where the
/// capacities cut fractional points off, and may only fix variables the way the optimum has them.
@Suite("Knapsack Lagrangian")
struct KnapsackLagrangianTests {
    /// Three jobs of weight 2 at two agents: A (capacity `capacityA`) and B (capacity 10).
    /// `keepRow`: the jobs' rows read `Σ ≤ 1` and one row demands all three (cadreplan's form
    /// with a coverage keep row, coefficient −3); otherwise each job row is `Σ = 1`.
    static func assignment(costA: [Int], costB: [Int], capacityA: Int, keepRow: Bool) -> Model {
        var m = Model(name: "gap")
        let a = (0..<3).map { m.addVariable("a\($0)", lower: 0, upper: 1, kind: .integer) }
        let b = (0..<3).map { m.addVariable("b\($0)", lower: 0, upper: 1, kind: .integer) }
        for j in 0..<3 {
            m.addConstraint("job\(j)", [Term(a[j], 1), Term(b[j], 1)], lower: keepRow ? nil : 1, upper: 1)
        }
        m.addConstraint("loadA", a.map { Term($0, 2) }, upper: Double(capacityA))
        m.addConstraint("loadB", b.map { Term($0, 2) }, upper: 10)
        if keepRow { m.addConstraint("keep", (a + b).map { Term($0, -3) }, upper: -9) }
        m.objective = Objective(sense: .minimize, terms: zip(a + b, costA + costB).map { Term($0, Double($1)) })
        return m
    }

    /// A fits one job (capacity 3, weight 2) at cost 1, B takes any at cost 3. By hand: the LP
    /// gives A 1.5 jobs (1.5 + 1.5·3 = 6); every integer point gives A at most one (1 + 3 + 3 = 7).
    /// A's knapsack hull is exactly "at most one job", so the Lagrangian bound is 7: above 6, and
    /// enough to prove 7 optimal.
    @Test("the bound passes the LP relaxation (6) and proves the optimum 7", arguments: [false, true])
    func boundAboveRelaxation(keepRow: Bool) throws {
        let model = Self.assignment(costA: [1, 1, 1], costB: [3, 3, 3], capacityA: 3, keepRow: keepRow)
        let relaxation = try #require(KnapsackLagrangian(model))
        // B's row cannot bind (6 ≤ 10): only A's is kept.
        #expect(relaxation.keptRows == 1)
        let (lower, upper) = relaxation.modelBounds
        let (bound, _) = relaxation.optimise(lower: lower, upper: upper, start: relaxation.zeroMultipliers,
                                             cutoff: 7, iterations: 2_000)
        #expect(bound > 6 && bound <= 7 + 1e-9)
        #expect(KnapsackLagrangian.excludes(bound, cutoff: 7))
    }

    /// Costs at A (1, 2, 9), at B 3 each; A fits one job. By hand: the optimum gives A job 0
    /// (1 + 3 + 3 = 7); A with job 1 costs 8, with job 2 costs 15, with none 9. Holding a point
    /// of cost 8, only points of cost 7 matter: A must take job 0, and jobs 1 and 2 go to B.
    @Test("fixings agree with the only point cheaper than the incumbent")
    func fixingsAgreeWithTheOptimum() throws {
        let model = Self.assignment(costA: [1, 2, 9], costB: [3, 3, 3], capacityA: 3, keepRow: false)
        let relaxation = try #require(KnapsackLagrangian(model))
        let (lower, upper) = relaxation.modelBounds
        let (_, multipliers) = relaxation.optimise(lower: lower, upper: upper, start: relaxation.zeroMultipliers,
                                                   cutoff: 8, iterations: 2_000)
        let found = relaxation.fixings(lower: lower, upper: upper, multipliers: multipliers, cutoff: 8)
        let optimum = [1, 0, 0, 0, 1, 1]
        for (variable, value) in found.fixed { #expect(value == optimum[variable], "variable \(variable)") }
        // A with job 2 lifts the bound to 15: whatever the multipliers, that is far past 7.
        #expect(found.fixed.contains { $0.variable == 2 && $0.value == 0 })
        #expect(found.bound <= 7 + 1e-9)
    }

    /// The node's bounds are the relaxation's too: with A forced to take job 2 (lower bound 1),
    /// no point costs less than 15, and with every job forced onto A nothing fits at all.
    @Test("a node's bounds: forcing raises the bound, an impossible node has none")
    func nodeBounds() throws {
        let model = Self.assignment(costA: [1, 2, 9], costB: [3, 3, 3], capacityA: 3, keepRow: false)
        let relaxation = try #require(KnapsackLagrangian(model))
        var (lower, upper) = relaxation.modelBounds
        lower[2] = 1
        let forced = relaxation.optimise(lower: lower, upper: upper, start: relaxation.zeroMultipliers, cutoff: 8, iterations: 2_000)
        #expect(forced.bound > 7 && forced.bound <= 15 + 1e-9)
        lower[0] = 1; lower[1] = 1
        let impossible = relaxation.optimise(lower: lower, upper: upper, start: relaxation.zeroMultipliers, cutoff: 8, iterations: 10)
        #expect(impossible.bound == .infinity)
    }

    /// Rows that are not binary knapsacks (here: general integers) leave nothing to keep.
    @Test("no binary knapsack row, no relaxation")
    func notApplicable() {
        var m = Model(name: "general")
        let x = m.addVariable("x", lower: 0, upper: 5, kind: .integer)
        let y = m.addVariable("y", lower: 0, upper: 5, kind: .integer)
        m.addConstraint("row", [Term(x, 2), Term(y, 3)], upper: 7)
        #expect(KnapsackLagrangian(m) == nil)
    }
}
