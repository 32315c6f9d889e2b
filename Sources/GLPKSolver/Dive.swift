import CGLPK
import MIP

/// Fractional diving: from a node's optimal relaxation, fix the integer variable closest to an
/// integer at that integer, re-solve the relaxation with the dual simplex method, and repeat
/// until the relaxation is integral (a solution) or no better than the incumbent. When both
/// roundings of a variable make the relaxation infeasible, the dive undoes its latest fixings
/// back to one whose other rounding is untried (at most ``maximumBacktracks`` times).
///
/// It works on a copy of the node's problem (rows, cuts, bounds and basis), so GLPK's search is
/// untouched. Effort is bounded by simplex iterations, not time, so a dive is reproducible.
/// The point it returns is integral within GLPK's tolerance; the caller rounds it and checks it
/// exactly before offering it (see ``HeuristicSchedule``).
struct Dive {
    /// The columns of integer variables (0-based model positions).
    let integerColumns: [Int]
    /// The number of columns of the model.
    let columns: Int
    /// Minimise (true) or maximise.
    let minimise: Bool

    /// Integrality tolerance for the relaxation's values.
    static let tolerance = 1e-6

    /// Dives from the current relaxation of `problem`; returns the column values (model order)
    /// of an integral relaxation, or `nil`. `cutoff` is the incumbent's objective, if any.
    /// With `guide` (the incumbent), a variable is fixed at the guide's value when that is one of
    /// its two roundings, and the variables closest to the guide go first (guided diving).
    func run(from problem: OpaquePointer, cutoff: Double?, guide: [Double]? = nil, iterations budget: Int) -> [Double]? {
        guard let copy = glp_create_prob() else { return nil }
        defer { glp_delete_prob(copy) }
        glp_copy_prob(copy, problem, GLP_OFF)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.meth = GLP_DUALP
        let start = glp_get_it_cnt(copy)
        var fixed = Set<Int>()
        // The fixings made, each with the rounding not yet tried, for a short backtrack when
        // both roundings of a variable make the relaxation infeasible.
        var path: [(column: Int, alternative: Double?, bounds: Bounds)] = []
        var backtracks = 0
        dive: while true {
            let used = Int(glp_get_it_cnt(copy) - start)
            guard used < budget else { return nil }
            guard let (column, value) = mostDecided(copy, skipping: fixed, guide: guide) else {
                return (0..<columns).map { glp_get_col_prim(copy, Int32($0 + 1)) }
            }
            if let cutoff, !improves(glp_get_obj_val(copy), on: cutoff) { return nil }
            var nearest = value.rounded()
            if let target = guide?[column], abs(target - value) < 1 { nearest = target }
            let other = value > nearest ? nearest + 1 : nearest - 1
            let bounds = Bounds(copy, column)
            parameters.it_lim = Int32(clamping: budget - used)
            if fix(copy, column, at: nearest, parameters) {
                fixed.insert(column)
                path.append((column, bounds.allows(other) ? other : nil, bounds))
                continue
            }
            if fix(copy, column, at: other, parameters) {
                fixed.insert(column)
                path.append((column, nil, bounds))
                continue
            }
            // Both roundings fail: undo the latest fixings until one has its other rounding left.
            while let last = path.popLast() {
                last.bounds.restore(copy, last.column)
                fixed.remove(last.column)
                guard let alternative = last.alternative, backtracks < Self.maximumBacktracks else { continue }
                backtracks += 1
                if fix(copy, last.column, at: alternative, parameters) {
                    fixed.insert(last.column)
                    path.append((last.column, nil, last.bounds))
                    continue dive
                }
            }
            return nil
        }
    }

    /// Backtracks a dive may make before it gives up.
    static let maximumBacktracks = 16

    /// A column's bound type and values, to restore after a fixing.
    struct Bounds {
        let type: Int32, lower: Double, upper: Double
        init(_ p: OpaquePointer, _ j: Int) {
            let column = Int32(j + 1)
            type = glp_get_col_type(p, column); lower = glp_get_col_lb(p, column); upper = glp_get_col_ub(p, column)
        }
        /// Whether `value` lies within the bounds.
        func allows(_ value: Double) -> Bool {
            let hasLower = type == GLP_LO || type == GLP_DB || type == GLP_FX
            let hasUpper = type == GLP_UP || type == GLP_DB || type == GLP_FX
            return !(hasLower && value < lower) && !(hasUpper && value > upper)
        }
        func restore(_ p: OpaquePointer, _ j: Int) { glp_set_col_bnds(p, Int32(j + 1), type, lower, upper) }
    }

    /// The fractional integer column closest to an integer — or to the guide's value — (first by
    /// position on ties), with its value.
    private func mostDecided(_ p: OpaquePointer, skipping fixed: Set<Int>, guide: [Double]?) -> (Int, Double)? {
        var best: (Int, Double)?
        var bestDistance = Double.infinity
        for j in integerColumns where !fixed.contains(j) {
            let x = glp_get_col_prim(p, Int32(j + 1))
            guard abs(x - x.rounded()) > Self.tolerance else { continue }
            let distance = guide.map { abs(x - $0[j]) } ?? abs(x - x.rounded())
            if distance > Self.tolerance && distance < bestDistance { best = (j, x); bestDistance = distance }
        }
        return best
    }

    /// Fixes column j at `value` if that is within its bounds and re-solves; whether the
    /// relaxation is then optimal (otherwise the bounds are restored).
    private func fix(_ p: OpaquePointer, _ j: Int, at value: Double, _ parameters: glp_smcp) -> Bool {
        let bounds = Bounds(p, j)
        guard bounds.allows(value) else { return false }
        glp_set_col_bnds(p, Int32(j + 1), GLP_FX, value, value)
        var parameters = parameters
        if glp_simplex(p, &parameters) == 0 && glp_get_status(p) == GLP_OPT { return true }
        // The next attempt re-solves from this (dual feasible) basis.
        bounds.restore(p, j)
        return false
    }

    /// Whether `value` is strictly better than `cutoff` by more than rounding noise.
    private func improves(_ value: Double, on cutoff: Double) -> Bool {
        minimise ? value < cutoff - 1e-6 * max(1, abs(cutoff)) : value > cutoff + 1e-6 * max(1, abs(cutoff))
    }
}
