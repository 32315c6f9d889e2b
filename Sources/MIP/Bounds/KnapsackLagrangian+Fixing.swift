extension KnapsackLagrangian {
    /// One block under a node's bounds and the current reduced costs: the items the node forces
    /// in, the items worth taking, the room left, and the value with the block switched on or off.
    struct BlockOptions {
        /// Items with lower bound 1.
        let forced: [Int]
        /// Positions (in the block's items) of free items with negative reduced cost that fit.
        let candidates: [Int]
        /// The capacity left after the forced items (negative: nothing fits).
        let capacity: Int
        /// The switch's and the forced items' reduced costs.
        let base: Double
        /// Whether the block may be on (its switch allowed at 1 and the forced items fit), and off.
        let onAllowed: Bool, offAllowed: Bool
        /// The value with the block on: `base` less the candidates' best knapsack profit.
        let onValue: Double
        /// The candidates (positions in ``candidates``) that best knapsack takes.
        let taken: Set<Int>

        init(_ block: Block, rc: [Double], lower: [Int], upper: [Int]) {
            let s = block.switchVariable
            var forced = [Int](), used = 0
            for (t, j) in block.items.enumerated() where lower[j] == 1 { forced.append(j); used += block.weights[t] }
            let room = block.capacity - used
            candidates = block.items.indices.filter {
                let j = block.items[$0]
                return lower[j] == 0 && upper[j] == 1 && rc[j] < 0 && block.weights[$0] <= room
            }
            self.forced = forced
            capacity = room
            base = (s >= 0 ? rc[s] : 0) + forced.reduce(0) { $0 + rc[$1] }
            onAllowed = room >= 0 && (s < 0 || upper[s] == 1)
            offAllowed = s >= 0 && lower[s] == 0 && forced.isEmpty
            if onAllowed {
                let solved = KnapsackTable.solve(weights: candidates.map { block.weights[$0] },
                                                 profits: candidates.map { -rc[block.items[$0]] }, capacity: room)
                onValue = base - solved.value
                taken = solved.taken
            } else {
                onValue = .infinity
                taken = []
            }
        }

        /// The better of on and off (off on a tie), or `nil` when neither is allowed.
        var best: (value: Double, on: Bool)? {
            switch (onAllowed, offAllowed) {
            case (true, true): onValue < 0 ? (onValue, true) : (0, false)
            case (true, false): (onValue, true)
            case (false, true): (0, false)
            case (false, false): nil
            }
        }
    }

    /// What the relaxation proves under a node's bounds given an incumbent of internal cost
    /// `cutoff`: its bound, and the variables that no point cheaper than the incumbent moves off
    /// the value given (`fixed[j]` is 0 or 1; only binary variables free in the node are fixed).
    public struct Fixings: Sendable {
        /// The relaxation's bound at the multipliers used (+∞: the node has no feasible point).
        public let bound: Double
        /// Variables and the value each must take.
        public let fixed: [(variable: Int, value: Int)]
    }

    /// Evaluates the relaxation once at `m` under the bounds and lists the fixings `cutoff` allows.
    public func fixings(lower: [Int], upper: [Int], multipliers m: Multipliers, cutoff: Int) -> Fixings {
        fixings(lower: lower, upper: upper, evaluation: evaluate(m, lower: lower, upper: upper), cutoff: cutoff)
    }

    /// The fixings `cutoff` allows given the relaxation's evaluation `e` under the bounds.
    func fixings(lower: [Int], upper: [Int], evaluation e: Evaluation, cutoff: Int) -> Fixings {
        guard !Self.excludes(e.value, cutoff: cutoff) else { return Fixings(bound: e.value, fixed: []) }
        var fixed = [(variable: Int, value: Int)]()
        for j in loose where lower[j] == 0 && upper[j] == 1 {
            // Moving a loose binary off its relaxation value costs its reduced cost's magnitude.
            if Self.excludes(e.value + abs(e.reducedCost[j]), cutoff: cutoff) { fixed.append((j, e.point[j])) }
        }
        for (b, block) in blocks.enumerated() {
            fixBlock(block, e: e, others: e.value - e.blockValue[b], lower: lower, upper: upper, cutoff: cutoff, into: &fixed)
        }
        return Fixings(bound: e.value, fixed: fixed)
    }

    /// The fixings of one block: for each free item, the block's value with the item forced in
    /// and forced out (exactly, from prefix and suffix knapsack tables), added to `others`, the
    /// rest of the bound.
    private func fixBlock(_ block: Block, e: Evaluation, others: Double, lower: [Int], upper: [Int], cutoff: Int,
                          into fixed: inout [(variable: Int, value: Int)]) {
        let o = BlockOptions(block, rc: e.reducedCost, lower: lower, upper: upper)
        let s = block.switchVariable
        if s >= 0, lower[s] == 0, upper[s] == 1 {
            if Self.excludes(others + o.onValue, cutoff: cutoff) { fixed.append((s, 0)) }
            else if Self.excludes(others + (o.offAllowed ? 0 : .infinity), cutoff: cutoff) { fixed.append((s, 1)) }
        }
        guard o.onAllowed else { return }
        let width = o.capacity + 1, count = o.candidates.count
        let weights = o.candidates.map { block.weights[$0] }, profits = o.candidates.map { -e.reducedCost[block.items[$0]] }
        let prefixes = KnapsackTable.prefixes(weights: weights, profits: profits, capacity: o.capacity)
        let suffixes = KnapsackTable.prefixes(weights: weights.reversed(), profits: profits.reversed(), capacity: o.capacity)
        var position = [Int: Int]()
        for (t, c) in o.candidates.enumerated() { position[c] = t }
        let off = o.offAllowed ? 0.0 : .infinity
        for (c, j) in block.items.enumerated() where lower[j] == 0 && upper[j] == 1 {
            let w = block.weights[c], rc = e.reducedCost[j]
            var valueIn = Double.infinity, valueOut = min(off, o.onValue)
            if w <= o.capacity {
                if let t = position[c] {
                    valueIn = o.base + rc - KnapsackTable.bestWithout(t, within: o.capacity - w, prefixes: prefixes,
                                                                      suffixes: suffixes, count: count, width: width)
                    valueOut = min(off, o.base - KnapsackTable.bestWithout(t, within: o.capacity, prefixes: prefixes,
                                                                             suffixes: suffixes, count: count, width: width))
                } else {
                    valueIn = o.base + rc - prefixes[count * width + o.capacity - w]
                }
            }
            if Self.excludes(others + valueIn, cutoff: cutoff) { fixed.append((j, 0)) }
            else if Self.excludes(others + valueOut, cutoff: cutoff) { fixed.append((j, 1)) }
        }
    }
}
