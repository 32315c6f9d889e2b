/// Choice rows that every feasible point holds at equality because another row demands their
/// sum: `Σ_j x_ij ≤ 1` for every job i, and one row `Σ_ij x_ij ≥ n` over the same variables with
/// n the number of jobs (cadreplan's coverage keep row reads `Σ −3·x ≤ −3n`). Then every job row
/// is an equality and the aggregate row says nothing more.
///
/// ``KnapsackLagrangian`` relaxes rows into the objective; priced through one aggregate
/// multiplier, the jobs can only become cheaper all together, and the subgradient steps stall
/// (measured on gapc-6: no step above the LP bound in 1,000). With the job rows as equalities
/// each job has a price of its own, as in the textbook relaxation of the GAP.
struct ImpliedEqualities {
    /// A row left out, the choice rows whose sum it bounds, and its (common) coefficient.
    struct Aggregate {
        let row: Int
        let members: [Int]
        let coefficient: Int
    }

    /// The rows' lower sides, with each member of an aggregate raised to its upper side.
    let rowLower: [Int]
    let aggregates: [Aggregate]

    init(_ p: IntegerProgram) {
        // Choice rows: coefficients all 1 on binary variables, an upper side, no useful lower side.
        var choiceOf = [Int](repeating: -1, count: p.variableCount), size = [Int](repeating: 0, count: p.rowCount)
        var isChoice = [Bool](repeating: false, count: p.rowCount)
        for i in 0..<p.rowCount where p.rowUpper[i] != Int.max && p.rowLower[i] <= 0 {
            let terms = p.rowStart[i]..<p.rowStart[i + 1]
            guard terms.count >= 2, terms.allSatisfy({ p.rowValue[$0] == 1 && choiceOf[p.rowColumn[$0]] < 0 }) else { continue }
            for t in terms { choiceOf[p.rowColumn[t]] = i }
            isChoice[i] = true
            size[i] = terms.count
        }
        var lower = p.rowLower, found = [Aggregate]()
        for r in 0..<p.rowCount where !isChoice[r] {
            guard let members = Self.members(of: r, p, choiceOf: choiceOf, size: size),
                  let count = Self.leastCount(of: r, p),
                  members.reduce(0, { $0 + p.rowUpper[$1] }) == count else { continue }
            for i in members { lower[i] = p.rowUpper[i] }
            found.append(Aggregate(row: r, members: members, coefficient: p.rowValue[p.rowStart[r]]))
        }
        rowLower = lower
        aggregates = found
    }

    /// The choice rows that partition row `r`'s variables, if they do and `r`'s coefficients are equal.
    private static func members(of r: Int, _ p: IntegerProgram, choiceOf: [Int], size: [Int]) -> [Int]? {
        let terms = p.rowStart[r]..<p.rowStart[r + 1]
        guard terms.count >= 2, let a = terms.first.map({ p.rowValue[$0] }),
              terms.allSatisfy({ p.rowValue[$0] == a }) else { return nil }
        var seen = [Int: Int]()
        for t in terms {
            let i = choiceOf[p.rowColumn[t]]
            guard i >= 0 else { return nil }
            seen[i, default: 0] += 1
        }
        // Each choice row wholly inside: its variables are all in r.
        guard seen.allSatisfy({ size[$0.key] == $0.value }) else { return nil }
        return seen.keys.sorted()
    }

    /// The least number of its variables row `r` requires at 1 (its coefficients all equal `a`):
    /// `a·Σx ≥ L` with a > 0, or `a·Σx ≤ U` with a < 0.
    private static func leastCount(of r: Int, _ p: IntegerProgram) -> Int? {
        let a = p.rowValue[p.rowStart[r]]
        if a > 0, p.rowLower[r] != Int.min, p.rowLower[r] > 0 { return (p.rowLower[r] + a - 1) / a }
        if a < 0, p.rowUpper[r] != Int.max {
            // Σx ≥ U / a, rounded up (U ≤ 0 when the row demands anything).
            let bound = -p.rowUpper[r], step = -a
            return bound > 0 ? (bound + step - 1) / step : nil
        }
        return nil
    }
}
