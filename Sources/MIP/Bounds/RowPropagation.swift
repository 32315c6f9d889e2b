/// Bound propagation over a set of rows of an ``IntegerProgram``: each row's least and greatest
/// activity under the variables' bounds tightens every variable's bounds until nothing changes.
///
/// ``LagrangianTargetSearch`` branches on the rows the relaxation moved into its objective; a
/// branch that puts one job at an agent must take the job from every other agent at once, or the
/// next node's relaxation would assign it twice again. Integer arithmetic throughout (data of an
/// ``IntegerProgram`` is bounded by its magnitude limit, so no sum overflows).
struct RowPropagation {
    let program: IntegerProgram
    /// The rows propagated, with the sides they are read with (which may be tighter than the
    /// program's, as ``ImpliedEqualities`` proves for choice rows).
    let rows: [Int]
    let rowLower: [Int], rowUpper: [Int]

    /// Passes over the rows before giving up on a fixed point (each pass only tightens bounds).
    static let maximumPasses = 20

    /// Tightens `lower` and `upper`; `false` when some row cannot be met (the bounds are then
    /// left part-tightened and mean nothing).
    func propagate(lower: inout [Int], upper: inout [Int]) -> Bool {
        for _ in 0..<Self.maximumPasses {
            var changed = false
            for i in rows {
                guard tighten(row: i, lower: &lower, upper: &upper, changed: &changed) else { return false }
            }
            if !changed { return true }
        }
        return true
    }

    /// One row: its activity range, then each variable's bounds against the row's sides.
    private func tighten(row i: Int, lower: inout [Int], upper: inout [Int], changed: inout Bool) -> Bool {
        let p = program, terms = p.rowStart[i]..<p.rowStart[i + 1]
        var least = 0, most = 0
        for t in terms {
            let a = p.rowValue[t], j = p.rowColumn[t]
            least += a > 0 ? a * lower[j] : a * upper[j]
            most += a > 0 ? a * upper[j] : a * lower[j]
        }
        let hasUpper = rowUpper[i] != Int.max, hasLower = rowLower[i] != Int.min
        if (hasUpper && least > rowUpper[i]) || (hasLower && most < rowLower[i]) { return false }
        for t in terms {
            let a = p.rowValue[t], j = p.rowColumn[t]
            guard lower[j] < upper[j] else { continue }
            // The room each side leaves the term, over its coefficient, bounds the variable's move.
            if hasUpper {
                let room = (rowUpper[i] - least) / abs(a)
                if a > 0, lower[j] + room < upper[j] { upper[j] = lower[j] + room; changed = true }
                if a < 0, upper[j] - room > lower[j] { lower[j] = upper[j] - room; changed = true }
            }
            if hasLower {
                let room = (most - rowLower[i]) / abs(a)
                if a > 0, upper[j] - room > lower[j] { lower[j] = upper[j] - room; changed = true }
                if a < 0, lower[j] + room < upper[j] { upper[j] = lower[j] + room; changed = true }
            }
        }
        return true
    }
}
