extension KnapsackLagrangian {
    /// The relaxation's value at one set of multipliers, and what each relaxed row holds at the
    /// relaxation's optimum (the subgradient).
    struct Evaluation {
        /// The bound (+∞ when the node's bounds leave some knapsack without a feasible point).
        var value: Double
        /// The reduced cost of each variable: its cost plus the multipliers' prices.
        var reducedCost: [Double]
        /// The relaxation's optimum.
        var point: [Int]
        /// Each block's optimal value.
        var blockValue: [Double]
    }

    /// Evaluates the relaxation at `m` under the bounds `lower`, `upper`.
    func evaluate(_ m: Multipliers, lower: [Int], upper: [Int]) -> Evaluation {
        let p = program
        var rc = p.cost.map(Double.init)
        var value = 0.0
        for (k, i) in relaxed.enumerated() {
            let price = m.upper[k] - m.lower[k]
            if m.upper[k] > 0 { value -= m.upper[k] * Double(rowUpper[i]) }
            if m.lower[k] > 0 { value += m.lower[k] * Double(rowLower[i]) }
            guard price != 0 else { continue }
            for t in p.rowStart[i]..<p.rowStart[i + 1] { rc[p.rowColumn[t]] += price * Double(p.rowValue[t]) }
        }
        var point = lower
        for j in loose where rc[j] < 0 {
            point[j] = upper[j]
        }
        for j in loose { value += rc[j] * Double(point[j]) }
        var blockValue = [Double](repeating: 0, count: blocks.count)
        for (b, block) in blocks.enumerated() {
            guard let solved = solve(block, rc: rc, lower: lower, upper: upper, point: &point) else {
                return Evaluation(value: .infinity, reducedCost: rc, point: point, blockValue: blockValue)
            }
            blockValue[b] = solved
            value += solved
        }
        return Evaluation(value: value, reducedCost: rc, point: point, blockValue: blockValue)
    }

    /// The knapsack of one block under the node's bounds: its optimal value (writing its
    /// optimum into `point`), or `nil` if no point of the block meets the bounds.
    private func solve(_ block: Block, rc: [Double], lower: [Int], upper: [Int], point: inout [Int]) -> Double? {
        let options = BlockOptions(block, rc: rc, lower: lower, upper: upper)
        guard let chosen = options.best else { return nil }
        for j in block.items { point[j] = 0 }
        if block.switchVariable >= 0 { point[block.switchVariable] = chosen.on ? 1 : 0 }
        guard chosen.on else { return chosen.value }
        for j in options.forced { point[j] = 1 }
        for (t, c) in options.candidates.enumerated() where options.taken.contains(t) { point[block.items[c]] = 1 }
        return chosen.value
    }

    /// The subgradient steps: improves `start` for up to `iterations` evaluations, stepping
    /// towards `cutoff` (the incumbent's internal cost) and stopping once the bound passes it.
    /// Returns the best bound found and its multipliers.
    public func optimise(lower: [Int], upper: [Int], start: Multipliers, cutoff: Int?,
                         iterations: Int) -> (bound: Double, multipliers: Multipliers) {
        let found = optimiseEvaluated(lower: lower, upper: upper, start: start, cutoff: cutoff, iterations: iterations)
        return (found.bound, found.multipliers)
    }

    /// ``optimise(lower:upper:start:cutoff:iterations:)``, with the evaluation at the multipliers
    /// returned (`nil` when the bound is +∞), for callers that go on to read its point.
    func optimiseEvaluated(lower: [Int], upper: [Int], start: Multipliers, cutoff: Int?,
                           iterations: Int) -> (bound: Double, multipliers: Multipliers, evaluation: Evaluation?) {
        var m = start, best = -Double.infinity, bestM = start, bestE: Evaluation?
        var theta = 2.0, stall = 0
        for _ in 0..<max(1, iterations) {
            let e = evaluate(m, lower: lower, upper: upper)
            if e.value == .infinity { return (.infinity, m, nil) }
            if e.value > best { best = e.value; bestM = m; bestE = e; stall = 0 } else {
                stall += 1
                if stall >= Self.stallLimit { theta /= 2; stall = 0 }
            }
            if let cutoff, Self.excludes(best, cutoff: cutoff) { break }
            guard theta >= Self.smallestStep, let next = step(m, e, cutoff: cutoff, best: best, theta: theta) else { break }
            m = next
        }
        return (best, bestM, bestE)
    }

    /// Evaluations without improvement before the step is halved, and the smallest step factor.
    static let stallLimit = 20, smallestStep = 1e-3

    /// One subgradient step from `m`, or `nil` when the relaxation's optimum satisfies every
    /// relaxed row with complementary slackness (then `m` is optimal).
    private func step(_ m: Multipliers, _ e: Evaluation, cutoff: Int?, best: Double, theta: Double) -> Multipliers? {
        let p = program
        var gUpper = [Double](repeating: 0, count: relaxed.count), gLower = gUpper
        var norm = 0.0
        for (k, i) in relaxed.enumerated() {
            var activity = 0
            for t in p.rowStart[i]..<p.rowStart[i + 1] { activity += p.rowValue[t] * e.point[p.rowColumn[t]] }
            if rowUpper[i] != Int.max {
                let g = Double(activity - rowUpper[i])
                if g > 0 || m.upper[k] > 0 { gUpper[k] = g; norm += g * g }
            }
            if rowLower[i] != Int.min {
                let g = Double(rowLower[i] - activity)
                if g > 0 || m.lower[k] > 0 { gLower[k] = g; norm += g * g }
            }
        }
        guard norm > 0 else { return nil }
        let target = cutoff.map(Double.init) ?? best + max(1, 0.01 * abs(best))
        let size = theta * max(target - e.value, 1e-3 * (1 + abs(e.value))) / norm
        var next = m
        for k in relaxed.indices {
            next.upper[k] = max(0, m.upper[k] + size * gUpper[k])
            next.lower[k] = max(0, m.lower[k] + size * gLower[k])
        }
        return next
    }
}
