/// A tabu search over the jobs of an ``AssignmentView``: each step takes the best *shift* (one
/// job to another agent) or *swap* (two jobs trade agents) that is not tabu, judged by
/// cost + penalty · violation, where the violation of each row is counted in units of its
/// largest job coefficient (one job's worth of capacity).
///
/// The penalty rises by ``penaltyStep`` after each step that ends infeasible and falls by it
/// after each feasible one (strategic oscillation): the search runs along the boundary of the
/// capacities, where a generalised assignment problem's good points lie. A job just moved away
/// from an agent may not return to it for a few steps (the tabu tenure, drawn at random);
/// a move to a point cheaper than the best feasible one is allowed anyway. After
/// ``stallFactor`` · jobs steps without a better point, the search restarts from the best with
/// a few random shifts.
///
/// Variables outside the jobs (the agents' switches) keep their start values. Work is counted
/// in candidate moves considered, never in time; the order of moves depends only on the start
/// and the seed, so a search is reproducible. Feasibility is tracked exactly in integers; the
/// caller still checks the best point from scratch before offering it.
struct ShiftSwapSearch {
    let program: IntegerProgram
    let view: AssignmentView
    /// The point.
    private(set) var x: [Int]
    private var activity: [Int]
    /// The variable at 1 of each job, or −1.
    private var assigned: [Int]
    private var cost: Int
    /// Σ over rows of how far each activity lies outside its sides (0: feasible).
    private var violation: Int
    /// 1 / the largest |coefficient| of a job variable in each row (1 for rows without one).
    private let rowScale: [Double]
    private var penalty: Double
    /// The step until which setting each variable to 1 is tabu.
    private var tabuUntil: [Int]
    private var step = 0, lastImprovement = 0
    /// Candidate moves considered so far.
    private(set) var work = 0
    let budget: Int
    /// The search stops when the best cost reaches this (a lower bound on the internal cost).
    let target: Int
    private var random: SplitMix
    /// The best feasible point and its internal cost.
    private(set) var best: [Int]?
    private(set) var bestCost = Int.max
    // Scratch space of ``evaluate``.
    private var accumulated: [Int], stamp: [Int], currentStamp = 0, touched: [Int] = []
    private var agentViolated: [Bool]

    static let penaltyStep = 1.1
    static let stallFactor = 5
    /// Tabu tenures are drawn from `base...2 · base` steps, base = ``tenureBase`` (measured on
    /// gapc #6: 5, 10, 20, 50 and 100 ended within 1% of each other after 3,000 steps; 100 was
    /// worst), or a quarter of the jobs on small problems, whose few moves a long tenure blocks.
    static let tenureBase = 10

    /// A move: variables set to 0 (`outA`, `outB`) and to 1 (`inA`, `inB`); −1 for none.
    struct Move { var outA = -1, inA = -1, outB = -1, inB = -1 }

    init(program: IntegerProgram, view: AssignmentView, start: [Int], budget: Int, target: Int, seed: UInt64) {
        self.program = program; self.view = view
        self.budget = budget; self.target = target
        random = SplitMix(seed: seed)
        var x = start, assigned = [Int](repeating: -1, count: view.jobs.count)
        for (u, members) in view.jobs.enumerated() {
            for j in members where x[j] >= 1 {
                if assigned[u] < 0 { assigned[u] = j } else { x[j] = 0 }
            }
        }
        self.x = x; self.assigned = assigned
        let m = program.rowCount
        var activity = [Int](repeating: 0, count: m), largest = [Int](repeating: 0, count: m)
        for i in 0..<m {
            for p in program.rowStart[i]..<program.rowStart[i + 1] {
                activity[i] += program.rowValue[p] * x[program.rowColumn[p]]
                if view.jobOf[program.rowColumn[p]] >= 0 { largest[i] = max(largest[i], abs(program.rowValue[p])) }
            }
        }
        self.activity = activity
        rowScale = largest.map { 1 / Double(max($0, 1)) }
        cost = program.cost(of: x)
        violation = 0
        accumulated = [Int](repeating: 0, count: m); stamp = accumulated
        tabuUntil = [Int](repeating: 0, count: program.variableCount)
        agentViolated = [Bool](repeating: false, count: view.agentCount)
        // One job's worth of violation starts at the price of the dearest job variable.
        var dearest = 1
        for members in view.jobs { for j in members { dearest = max(dearest, abs(program.cost[j])) } }
        penalty = Double(dearest)
        for i in 0..<m { violation += rowViolation(i, activity[i]) }
        record()
    }

    /// Steps until the budget is spent or the best point reaches the target.
    mutating func run() {
        while work < budget && bestCost > target {
            guard let move = bestMove() else { return }
            apply(move)
            step += 1
            penalty = violation > 0 ? min(penalty * Self.penaltyStep, 1e12) : max(penalty / Self.penaltyStep, 1e-3)
            record()
            if step - lastImprovement > Self.stallFactor * view.jobs.count, best != nil { restart() }
        }
    }

    @inline(__always)
    private func rowViolation(_ i: Int, _ value: Int) -> Int {
        if value < program.rowLower[i] { return program.rowLower[i] - value }
        if value > program.rowUpper[i] { return value - program.rowUpper[i] }
        return 0
    }

    private mutating func record() {
        guard violation == 0, cost < bestCost else { return }
        best = x; bestCost = cost; lastImprovement = step
    }

    /// The change of (scaled violation, violation) the move would make.
    private mutating func evaluate(_ move: Move) -> (scaled: Double, raw: Int) {
        currentStamp += 1
        touched.removeAll(keepingCapacity: true)
        accumulate(move.outA, -1); accumulate(move.inA, 1); accumulate(move.outB, -1); accumulate(move.inB, 1)
        var scaled = 0.0, raw = 0
        for i in touched {
            let before = activity[i], after = before + accumulated[i]
            guard after != before else { continue }
            let change = rowViolation(i, after) - rowViolation(i, before)
            raw += change
            scaled += Double(change) * rowScale[i]
        }
        return (scaled, raw)
    }

    @inline(__always)
    private mutating func accumulate(_ j: Int, _ delta: Int) {
        guard j >= 0 else { return }
        for p in program.columnStart[j]..<program.columnStart[j + 1] {
            let i = program.columnRow[p]
            if stamp[i] != currentStamp { stamp[i] = currentStamp; accumulated[i] = 0; touched.append(i) }
            accumulated[i] += program.columnValue[p] * delta
        }
    }

    /// The cost change of a move.
    @inline(__always)
    private func costChange(_ move: Move) -> Int {
        var change = 0
        if move.outA >= 0 { change -= program.cost[move.outA] }
        if move.inA >= 0 { change += program.cost[move.inA] }
        if move.outB >= 0 { change -= program.cost[move.outB] }
        if move.inB >= 0 { change += program.cost[move.inB] }
        return change
    }

    /// The best admissible shift or swap, or `nil` when there is none.
    private mutating func bestMove() -> Move? {
        let feasible = violation == 0
        if !feasible { markViolatedAgents() }
        var bestScore = Double.infinity, chosen: Move?
        func consider(_ move: Move, _ search: inout ShiftSwapSearch) {
            search.work += 1
            let costDelta = search.costChange(move)
            // From a feasible point the violation cannot fall: the cost alone bounds the score.
            if feasible && Double(costDelta) >= bestScore { return }
            let change = search.evaluate(move)
            let score = Double(costDelta) + search.penalty * change.scaled
            guard score < bestScore - 1e-9 else { return }
            let tabu = search.tabuUntil[move.inA] > search.step || (move.inB >= 0 && search.tabuUntil[move.inB] > search.step)
            if tabu && !(search.violation + change.raw == 0 && search.cost + costDelta < search.bestCost) { return }
            bestScore = score; chosen = move
        }
        let jobs = view.jobs.count, offset = random.below(jobs)
        for s in 0..<jobs {
            let u = (s + offset) % jobs, a = assigned[u]
            for k in view.jobs[u] where k != a { consider(Move(outA: a, inA: k), &self) }
        }
        for s in 0..<jobs {
            let u = (s + offset) % jobs, a = assigned[u]
            guard a >= 0 else { continue }
            let agentA = view.agentOf[a]
            for v in (u + 1)..<max(u + 1, jobs) {
                let b = assigned[v]
                guard b >= 0 else { continue }
                let agentB = view.agentOf[b]
                guard agentA != agentB, feasible || agentViolated[agentA] || agentViolated[agentB] else { continue }
                let k = view.option[u * view.agentCount + agentB], l = view.option[v * view.agentCount + agentA]
                guard k >= 0, l >= 0 else { continue }
                consider(Move(outA: a, inA: k, outB: b, inB: l), &self)
            }
        }
        return chosen
    }

    /// Which agents have one of their own rows violated.
    private mutating func markViolatedAgents() {
        for agent in 0..<view.agentCount {
            agentViolated[agent] = view.agentRows[agent].contains { rowViolation($0, activity[$0]) > 0 }
        }
    }

    private mutating func apply(_ move: Move) {
        let base = min(Self.tenureBase, view.jobs.count / 4 + 1)
        let tenure = base + random.below(base + 1)
        for (j, delta) in [(move.outA, -1), (move.inA, 1), (move.outB, -1), (move.inB, 1)] where j >= 0 {
            change(j, by: delta)
            if delta < 0 { tabuUntil[j] = step + tenure }
        }
    }

    private mutating func change(_ j: Int, by delta: Int) {
        x[j] += delta
        cost += program.cost[j] * delta
        let u = view.jobOf[j]
        if delta > 0 { assigned[u] = j } else if assigned[u] == j { assigned[u] = -1 }
        for p in program.columnStart[j]..<program.columnStart[j + 1] {
            let i = program.columnRow[p]
            let before = activity[i]
            activity[i] += program.columnValue[p] * delta
            violation += rowViolation(i, activity[i]) - rowViolation(i, before)
        }
    }

    /// Back to the best point, shaken by a few random shifts, with the tabu list cleared.
    private mutating func restart() {
        guard let best else { return }
        for j in 0..<x.count where x[j] != best[j] {
            if view.jobOf[j] >= 0 { change(j, by: best[j] - x[j]) }
        }
        precondition(cost == bestCost, "a restart must return to the best point exactly")
        for j in tabuUntil.indices { tabuUntil[j] = 0 }
        let shifts = 2 + random.below(max(1, view.jobs.count / 20))
        for _ in 0..<shifts {
            let u = random.below(view.jobs.count), members = view.jobs[u]
            let k = members[random.below(members.count)]
            guard k != assigned[u] else { continue }
            if assigned[u] >= 0 { change(assigned[u], by: -1) }
            change(k, by: 1)
        }
        lastImprovement = step
    }
}
