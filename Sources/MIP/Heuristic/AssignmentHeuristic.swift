/// A primal heuristic for pure integer models built on assignment rows with capacities —
/// generalised assignment, one-to-many deployment with workloads — that a backend calls during
/// branch-and-bound to find better solutions than its own rounding does.
///
/// It reads the structure from the coefficients alone (``RowRoles``): *choice rows* `Σ x ≤ u`
/// with unit coefficients (a job goes to one agent, a target takes at most u cadres) and
/// *linking rows* with one odd-signed term (counts and loads within capacity times a dispatch
/// variable). From a starting point — the incumbent, or the relaxation rounded down — it runs a
/// ``LocalSearch`` of shifts, lifts and ejection chains, repairing linking rows through their
/// links. Any other row (quotas, the rows that keep earlier objectives) is respected as it is.
///
/// Every point it returns has been checked against every bound and row from scratch in integer
/// arithmetic (``IntegerProgram/isFeasible(_:)``), because solvers such as GLPK accept an offered
/// point without checking it. The work of each call is bounded by a count of move evaluations,
/// not by time, so the same model and calls give the same points.
public final class AssignmentHeuristic {
    private let program: IntegerProgram
    private let roles: RowRoles
    /// Calls so far; seeds each search differently but deterministically.
    private var calls: UInt64 = 0
    /// The starting point of the last improvement search, so an unchanged incumbent is not searched twice.
    private var lastImproved: [Int]?

    /// A feasible point found by the heuristic.
    public struct Candidate: Sendable, Equatable {
        /// One value per model variable, each an exact integer.
        public var values: [Double]
        /// The model's objective at `values`, constant included.
        public var objective: Double
    }

    /// Prepares the heuristic for `model`, or returns `nil` when it does not apply: the model is
    /// not pure integer with integer data and finite bounds, or has no choice row to shift along.
    public init?(_ model: Model) {
        guard let program = IntegerProgram(model) else { return nil }
        let roles = RowRoles(program)
        guard !roles.choiceRows.isEmpty else { return nil }
        self.program = program
        self.roles = roles
    }

    /// Searches from the feasible point `incumbent` and returns a better feasible point, if found.
    ///
    /// `effort` bounds the move evaluations. Returns `nil` for an unusable start (not integral,
    /// outside the bounds, or infeasible) and when the incumbent was already searched unchanged.
    public func improve(_ incumbent: [Double], effort: Int) -> Candidate? {
        guard let start = program.integerPoint(incumbent), start != lastImproved, program.isFeasible(start) else { return nil }
        lastImproved = start
        let startCost = program.cost(of: start)
        var search = LocalSearch(program: program, roles: roles, start: start, budget: effort, seed: nextSeed())
        search.run()
        guard let found = search.best else { return nil }
        // The search ends in a local optimum (or its budget): searching from there again is wasted.
        lastImproved = found
        return accept(found, betterThan: startCost)
    }

    /// Rounds `relaxation` down, restores feasibility and lowers the cost; returns the point if
    /// it is feasible and better than `cutoff` (an internal objective value, if given).
    ///
    /// Variables are lifted in the order of their fractional parts, largest first, so that the
    /// relaxation guides which assignments are completed.
    public func construct(from relaxation: [Double], cutoff: Double?, effort: Int) -> Candidate? {
        guard relaxation.count == program.variableCount, relaxation.allSatisfy(\.isFinite) else { return nil }
        var start = [Int](repeating: 0, count: program.variableCount)
        var fraction = [Double](repeating: 0, count: program.variableCount)
        for j in 0..<program.variableCount {
            let down = (relaxation[j] + 1e-6).rounded(.down)
            start[j] = min(max(Int(max(min(down, 1e15), -1e15)), program.lower[j]), program.upper[j])
            fraction[j] = relaxation[j] - Double(start[j])
        }
        let order = (0..<program.variableCount).sorted { (fraction[$0], $1) > (fraction[$1], $0) }
        var search = LocalSearch(program: program, roles: roles, start: start, budget: effort, seed: nextSeed())
        search.run(liftOrder: order)
        guard let found = search.best else { return nil }
        let limit = cutoff.map { internalCost(objective: $0) } ?? Int.max
        return accept(found, betterThan: limit)
    }

    /// The point as a candidate if it is feasible (checked from scratch) and costs less than `limit`.
    private func accept(_ point: [Int], betterThan limit: Int) -> Candidate? {
        let cost = program.cost(of: point)
        guard cost < limit, program.isFeasible(point) else { return nil }
        return Candidate(values: point.map(Double.init), objective: Double(program.objectiveValue(cost: cost)))
    }

    /// The internal cost (minimised, without constant) of an objective value, rounded towards worse.
    private func internalCost(objective: Double) -> Int {
        guard objective.isFinite, abs(objective) < Double(IntegerProgram.magnitudeLimit) else { return Int.max }
        let withoutConstant = objective - Double(program.constant)
        let minimised = program.maximise ? -withoutConstant : withoutConstant
        // A point must beat the cutoff by a whole unit of cost to be worth offering.
        return Int(minimised.rounded(.up))
    }

    private func nextSeed() -> UInt64 {
        calls += 1
        return 0x5DEE_CE66_D1CE_F00D &+ calls &* 0x9E37_79B9_7F4A_7C15
    }
}
