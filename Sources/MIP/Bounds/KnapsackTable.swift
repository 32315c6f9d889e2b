/// Exact 0-1 knapsacks by dynamic programming over the capacity: the tables
/// ``KnapsackLagrangian`` solves each kept row with and fixes variables from.
///
/// Weights and the capacity are integers; profits are the relaxation's (non-integer) reduced
/// costs, so a table entry is a sum of at most one profit per item, exact up to rounding.
enum KnapsackTable {
    /// The most profit within `capacity`, and which items (positions) reach it.
    static func solve(weights: [Int], profits: [Double], capacity: Int) -> (value: Double, taken: Set<Int>) {
        // Everything fits: no table needed (the common case once the multipliers settle).
        if weights.reduce(0, +) <= capacity { return (profits.reduce(0, +), Set(weights.indices)) }
        let width = capacity + 1
        var best = [Double](repeating: 0, count: width)
        var keep = [Bool](repeating: false, count: weights.count * width)
        for t in weights.indices where weights[t] <= capacity {
            let w = weights[t], p = profits[t]
            var c = capacity
            while c >= w {
                let with = best[c - w] + p
                if with > best[c] { best[c] = with; keep[t * width + c] = true }
                c -= 1
            }
        }
        var taken = Set<Int>(), c = capacity
        for t in weights.indices.reversed() where keep[t * width + c] {
            taken.insert(t)
            c -= weights[t]
        }
        return (best[capacity], taken)
    }

    /// `table[t · (capacity + 1) + c]`: the most profit of items `0..<t` within `c`, for t in 0…k.
    static func prefixes(weights: [Int], profits: [Double], capacity: Int) -> [Double] {
        let width = capacity + 1
        var table = [Double](repeating: 0, count: (weights.count + 1) * width)
        for t in weights.indices {
            let w = weights[t], p = profits[t], from = t * width, to = from + width
            for c in 0..<width {
                let without = table[from + c]
                table[to + c] = c >= w ? max(without, table[from + c - w] + p) : without
            }
        }
        return table
    }

    /// The most profit of every item but `t` within `capacity'`, from the prefix table of the
    /// items and the prefix table of the items in reverse order (`suffixes`).
    static func bestWithout(_ t: Int, within room: Int, prefixes: [Double], suffixes: [Double], count: Int, width: Int) -> Double {
        // Items before t: prefix row t; items after t: the reversed order's prefix row count − 1 − t.
        let before = t * width, after = (count - 1 - t) * width
        var best = -Double.infinity
        for c in 0...room { best = max(best, prefixes[before + c] + suffixes[after + room - c]) }
        return best
    }
}
