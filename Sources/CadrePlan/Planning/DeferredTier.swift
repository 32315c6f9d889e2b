import MIP

/// A tier whose own search was skipped: its optimum is taken to be the bound its root proved,
/// until the next tier's first solution confirms it.
///
/// Why this is exact: every tier's objective is an integer, so the root's bound b, rounded up,
/// is a lower bound on the tier's optimum. The next tier is solved with the row `Σ terms ≤ b`.
/// Any solution it finds satisfies that row while no solution can go below b, so the tier's
/// value there is exactly b, and b is the tier's optimum: the search the tier would have needed
/// to find such a point itself (hundreds of nodes on hainan-2022's coverage tier) is skipped, and
/// the next tier optimises under exactly the row it would have had. If the next tier finds no
/// solution (the bound is not reached by any integer point, or the point is hard to find), the
/// bet is called off: the row is relaxed, the tier solved in full from its own incumbent, and
/// the next tier solved again. The plan is the same either way; only the work differs.
struct DeferredTier {
    /// The tier's position in the block's tier list.
    let index: Int
    /// The tier.
    let tier: TierObjective
    /// The root's bound, rounded up: the value the tier is bet to reach.
    let bound: Int
    /// The tier's own best point, if its root found one (the start should the bet fail).
    let incumbent: [Double]?
    /// Seconds the tier's root solve took.
    let seconds: Double

    /// Defers `tier` after a root-only `solution`, or `nil` when there is nothing to defer: the
    /// root closed the tier (or proved it infeasible), or the solve left no bound to bet on.
    init?(index: Int, tier: TierObjective, solution: Solution) {
        switch solution.termination {
        case .feasible(.nodeLimit), .noSolution(.nodeLimit): break
        default: return nil
        }
        guard let bound = LexicographicSolve.integerBound(solution.bound) else { return nil }
        let incumbent = solution.values.isEmpty ? nil : solution.values.map { $0.rounded() }
        if let incumbent, Int(Model.evaluate(tier.terms, constant: tier.constant, at: incumbent).rounded()) <= bound {
            return nil   // the root's incumbent reaches the bound: the tier is solved already
        }
        self.index = index; self.tier = tier; self.bound = bound
        self.incumbent = incumbent; self.seconds = solution.seconds
    }

    /// The row that holds the tier at its bound.
    var row: Constraint {
        Constraint(name: TierRun.keepRowName(tier), terms: tier.terms, lower: nil, upper: Double(bound) - tier.constant)
    }

    /// The tier's proven outcome if `solution` (of a later tier, under ``row``) proves it: a
    /// point at which the tier's value is exactly the bound. `nil` when it proves nothing.
    func proof(by solution: Solution) -> TierOutcome? {
        guard solution.termination.hasSolution, !solution.values.isEmpty else { return nil }
        let point = solution.values.map { $0.rounded() }
        let value = Int(Model.evaluate(tier.terms, constant: tier.constant, at: point).rounded())
        guard value == bound else { return nil }
        return TierOutcome(tier: tier.tier, value: bound, bound: bound, status: "optimal", gap: 0, seconds: seconds)
    }
}
