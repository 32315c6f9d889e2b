/// Searches the points of an ``IntegerProgram`` with *shifts* (one unit from one variable of a
/// choice row to another) and *lifts* (one variable ±1), each followed by *repairs* of the
/// linking rows it breaks (through their links), and *ejection chains*: a move that breaks a
/// row or raises the cost, then a second move on a row the first touched (the swap of two jobs
/// between two agents, making room for a job).
///
/// Moves are judged by cost + weight · violation (Σ of how far rows are outside their sides),
/// so the search may cross infeasible points. The weight doubles while a local optimum is
/// infeasible and halves when one is feasible (strategic oscillation); a feasible local optimum
/// that cannot be improved is left by a few random shifts from the best point found (an
/// iterated local search). The best feasible point is kept. Every variable change is counted in
/// ``SearchState/work``; the search stops at its budget. Deterministic: the order of moves
/// depends only on the model and `seed`.
struct LocalSearch {
    let program: IntegerProgram
    let roles: RowRoles
    private(set) var state: SearchState
    /// The work at which the search stops.
    let budget: Int
    private var random: SplitMix
    /// Whether moves may be followed by a second move (the expensive neighbourhood).
    private var chains = false
    /// Whether some row of each variable has a link with a cost (repairs can then change the cost).
    private let linkCost: [Bool]
    /// The best feasible point seen and its cost.
    private(set) var best: [Int]?
    private(set) var bestCost = Int.max
    /// The price of one unit of violation in the move criterion.
    private var weight: Double = 1
    static let maximumWeight: Double = 16_777_216

    init(program: IntegerProgram, roles: RowRoles, start: [Int], budget: Int, seed: UInt64) {
        self.program = program; self.roles = roles
        state = SearchState(program, point: start)
        self.budget = budget
        random = SplitMix(seed: seed)
        var linkCost = [Bool](repeating: false, count: program.variableCount)
        for j in 0..<program.variableCount {
            for p in program.columnStart[j]..<program.columnStart[j + 1] {
                let y = roles.link[program.columnRow[p]]
                if y >= 0 && y != j && program.cost[y] != 0 { linkCost[j] = true; break }
            }
        }
        self.linkCost = linkCost
    }

    private var exhausted: Bool { state.work >= budget }

    /// Descends to a local optimum and adjusts the violation weight, again and again: an
    /// infeasible optimum doubles the weight, a feasible one halves it and, when it is no better
    /// than the best, restarts from the best after a few random shifts. Runs until the budget is
    /// spent or `rounds` descents are done. `liftOrder` fixes the order in which lifts are tried
    /// (e.g. by a relaxation's fractional parts); otherwise it is shuffled.
    mutating func run(liftOrder: [Int]? = nil, rounds: Int = .max) {
        // Start where one unit of violation outweighs any single variable's cost, so the first
        // descent stays close to feasible; the oscillation adjusts it from there.
        weight = Double(max(1, program.cost.lazy.map(abs).max() ?? 1))
        var round = 0, futile = 0
        var order = liftOrder
        while round < rounds && futile < Self.futileRounds && !exhausted {
            round += 1
            let bestBefore = bestCost
            descend(liftOrder: order)
            order = nil
            futile = bestCost < bestBefore ? 0 : futile + 1
            if state.violation > 0 {
                weight = min(weight * 2, Self.maximumWeight)
                continue
            }
            record()
            weight = max(weight / 2, 1)
            if bestCost >= bestBefore, let best {
                state = SearchState(program, point: best, work: state.work)
                kick(strength: 2 + random.below(6))
            }
        }
        record()
    }

    /// Descents in a row that find no better point before the search gives up.
    static let futileRounds = 8

    /// Keeps the open move, and the point if it is feasible and the cheapest so far.
    private mutating func commit() {
        state.commit()
        record()
    }

    /// Keeps the current point if it is feasible and the cheapest so far.
    private mutating func record() {
        if state.violation == 0 && state.cost < bestCost { best = state.x; bestCost = state.cost }
    }

    /// Passes of every neighbourhood until one improves nothing: single moves first, then chains.
    private mutating func descend(liftOrder: [Int]?) {
        var rows = roles.choiceRows
        var columns = liftOrder ?? Array(0..<program.variableCount)
        for withChains in [false, true] {
            chains = withChains
            while !exhausted {
                random.shuffle(&rows)
                if liftOrder == nil { random.shuffle(&columns) }
                var improved = false
                for r in rows where !exhausted {
                    if shiftPass(row: r) { improved = true }
                }
                for j in columns where !exhausted {
                    if liftPass(column: j) { improved = true }
                }
                if !improved { break }
            }
        }
    }

    /// Random shifts that keep the point feasible, whatever they cost.
    private mutating func kick(strength: Int) {
        guard !roles.choiceRows.isEmpty else { return }
        var done = 0, attempts = 0
        while done < strength && attempts < 20 * strength && !exhausted {
            attempts += 1
            let members = roles.choiceMembers[roles.choiceRows[random.below(roles.choiceRows.count)]]
            let j = members[random.below(members.count)], k = members[random.below(members.count)]
            guard j != k, state.canChange(j, by: -1), state.canChange(k, by: 1) else { continue }
            state.change(j, by: -1)
            state.change(k, by: 1)
            repair(pins: Pins(j, k), from: 0)
            if state.pending.violation <= 0 { state.commit(); done += 1 } else { state.rollBack() }
        }
    }

    /// Tries every shift out of row r's variables.
    private mutating func shiftPass(row r: Int) -> Bool {
        let members = roles.choiceMembers[r]
        var improved = false
        for j in members where state.x[j] > program.lower[j] {
            for k in members where k != j && state.canChange(k, by: 1) {
                guard state.x[j] > program.lower[j] else { break }
                if exhausted { return improved }
                if tryPrimary(j, -1, k, 1) { improved = true }
            }
        }
        return improved
    }

    /// Tries x[j] ± 1 where it can help.
    private mutating func liftPass(column j: Int) -> Bool {
        for delta in [1, -1] where state.canChange(j, by: delta) {
            // With no violation left, a lift can only help by its own cost or its repairs' costs.
            if state.violation == 0 && program.cost[j] * delta >= 0 && !linkCost[j] { continue }
            if tryPrimary(j, delta, -1, 0) { return true }
        }
        return false
    }

    /// Applies x[j] += dj (and x[k] += dk when k ≥ 0), repairs, and keeps the result if it
    /// improves; otherwise tries a second move on a row the first touched before giving up:
    /// - if a row is left broken, a move that mends it;
    /// - if every row holds but the cost rose, a move that lowers a linking row the first move
    ///   raised (making room where it put something; with a shift back, a swap).
    private mutating func tryPrimary(_ j: Int, _ dj: Int, _ k: Int, _ dk: Int) -> Bool {
        state.change(j, by: dj)
        if k >= 0 { state.change(k, by: dk) }
        let pins = Pins(j, k)
        repair(pins: pins, from: 0)
        let change = state.pending
        if improves(change) { commit(); return true }
        if chains {
            if let broken = state.firstViolatedTouchedRow(from: 0) {
                if eject(row: broken, lower: state.activity[broken] > program.rowUpper[broken], pins: pins) {
                    commit(); return true
                }
            } else if change.violation == 0 {
                if compensate(raised: dj > 0 ? j : k, pins: pins) { commit(); return true }
            }
        }
        state.rollBack()
        return false
    }

    /// After a feasible move that raised the cost: a second move lowering a linking row of
    /// `raised` (one row per link: the count and load rows of one link hold the same variables).
    private mutating func compensate(raised j: Int, pins: Pins) -> Bool {
        guard j >= 0 else { return false }
        var lastLink = -1
        for p in program.columnStart[j]..<program.columnStart[j + 1] {
            let i = program.columnRow[p], y = roles.link[i]
            guard y >= 0, y != j, y != lastLink, program.columnValue[p] > 0 else { continue }
            lastLink = y
            if eject(row: i, lower: true, pins: pins) { return true }
        }
        return false
    }

    /// Whether a change of (violation, cost) lowers cost + weight · violation.
    @inline(__always)
    private func improves(_ change: (violation: Int, cost: Int)) -> Bool {
        Double(change.cost) + weight * Double(change.violation) < -1e-9
    }

    /// Repairs rows touched since position `start` that are broken, by changing their links,
    /// a few rounds deep; a repair is kept only if it lowers the total violation.
    private mutating func repair(pins: Pins, from start: Int) {
        for _ in 0..<4 {
            var repaired = false
            var index = start
            while index < state.touchedCount {
                let i = state.touchedRow(at: index)
                index += 1
                let y = roles.link[i]
                guard y >= 0, !pins.contains(y), let delta = repairStep(row: i, link: y),
                      state.canChange(y, by: delta) else { continue }
                let before = state.mark
                let violationBefore = state.pending.violation
                state.change(y, by: delta)
                if state.pending.violation >= violationBefore { state.rollBack(to: before) } else { repaired = true }
            }
            if !repaired { return }
        }
    }

    /// The smallest change of link y that brings row i within its sides; `nil` if the row holds.
    private func repairStep(row i: Int, link y: Int) -> Int? {
        let a = state.activity[i]
        let needed: Int
        if a > program.rowUpper[i] { needed = program.rowUpper[i] - a }
        else if a < program.rowLower[i] { needed = program.rowLower[i] - a }
        else { return nil }
        let coefficient = roles.linkCoefficient[i]
        guard coefficient != 0 else { return nil }
        let magnitude = (abs(needed) + abs(coefficient) - 1) / abs(coefficient)
        return (needed > 0) == (coefficient > 0) ? magnitude : -magnitude
    }

    /// A second shift or lift of a variable of row i that moves its activity down (`lower`) or
    /// up, kept if the whole chain improves.
    private mutating func eject(row i: Int, lower: Bool, pins: Pins) -> Bool {
        let chainCost = state.pending.cost
        let feasible = state.violation == 0 && state.pending.violation == 0
        // How far the row is on the wrong side, if it is (0 when the row holds).
        let excess = max(0, lower ? state.activity[i] - program.rowUpper[i] : program.rowLower[i] - state.activity[i])
        for p in program.rowStart[i]..<program.rowStart[i + 1] {
            let j = program.rowColumn[p]
            state.count()
            guard !pins.contains(j) else { continue }
            // The direction of x[j] that moves the activity the wanted way.
            let delta = (program.rowValue[p] > 0) == lower ? -1 : 1
            guard state.canChange(j, by: delta), excess <= abs(program.rowValue[p]) else { continue }
            let choice = roles.choiceRow[j]
            if choice >= 0 {
                for k in roles.choiceMembers[choice] where k != j && !pins.contains(k) && state.canChange(k, by: -delta) {
                    if exhausted { return false }
                    state.count()
                    // Only chains whose costs can add up to a gain are worth evaluating.
                    if state.violation == 0 && chainCost + (program.cost[j] - program.cost[k]) * delta >= 0
                        && !linkCost[j] && !linkCost[k] { continue }
                    if trySecondary(j, delta, k, -delta, pins: pins) { return true }
                }
            }
            if !feasible || chainCost + program.cost[j] * delta < 0 || linkCost[j] {
                if exhausted { return false }
                if trySecondary(j, delta, -1, 0, pins: pins) { return true }
            }
        }
        return false
    }

    /// Adds x[j] += dj (and x[k] += dk) to the open chain with repairs; keeps it if the chain improves.
    private mutating func trySecondary(_ j: Int, _ dj: Int, _ k: Int, _ dk: Int, pins: Pins) -> Bool {
        let mark = state.mark
        state.change(j, by: dj)
        if k >= 0 { state.change(k, by: dk) }
        repair(pins: pins.adding(j, k), from: mark.saved)
        if improves(state.pending) { return true }
        state.rollBack(to: mark)
        return false
    }
}

/// Up to four variables a chain must leave alone (the ones it moves), without allocating.
struct Pins {
    private var a = -1, b = -1, c = -1, d = -1
    init(_ first: Int, _ second: Int) { a = first; b = second }
    func contains(_ j: Int) -> Bool { j == a || j == b || j == c || j == d }
    func adding(_ first: Int, _ second: Int) -> Pins {
        var copy = self
        copy.c = first; copy.d = second
        return copy
    }
}

/// A small deterministic generator (SplitMix64), so that a search depends only on its seed.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Fisher–Yates.
    mutating func shuffle(_ values: inout [Int]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) { values.swapAt(i, below(i + 1)) }
    }
}
