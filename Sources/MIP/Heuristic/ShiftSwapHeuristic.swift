/// A primal heuristic for generalised assignment structure — jobs that each go to one agent,
/// agents with capacities — that a backend calls during branch-and-bound: a tabu search of
/// shifts and swaps with an oscillating penalty on the capacities (``ShiftSwapSearch``), on the
/// structure ``AssignmentView`` reads from the coefficients.
///
/// It starts from a relaxation (each job to its largest variable: the relaxation of a
/// generalised assignment problem splits only a few jobs) or from an integer point (the
/// incumbent). Every point it returns has been checked against every bound and row from scratch
/// in integer arithmetic (``IntegerProgram/isFeasible(_:)``), because solvers such as GLPK accept
/// an offered point without checking it. Effort is a count of candidate moves, never time.
public final class ShiftSwapHeuristic {
    private let program: IntegerProgram
    private let view: AssignmentView
    /// Calls so far; seeds each search differently but deterministically.
    private var calls: UInt64 = 0

    /// Prepares the heuristic for `model`, or returns `nil` when it does not apply: the model is
    /// not pure integer with integer data and finite bounds, or has no jobs over two agents.
    public init?(_ model: Model) {
        guard let program = IntegerProgram(model), let view = AssignmentView(program, roles: RowRoles(program)) else { return nil }
        self.program = program
        self.view = view
    }

    /// Candidate moves in one step of the search (every shift and every swap): the unit in
    /// which callers size ``search(from:others:bound:cutoff:effort:)``'s effort.
    public var neighbourhood: Int {
        let jobs = view.jobs.count
        return view.jobs.reduce(0) { $0 + $1.count } + jobs * (jobs - 1) / 2
    }

    /// Searches from `start` and returns the best feasible point found if it beats `cutoff`.
    ///
    /// - `start`: one value per variable; each job goes to its largest variable (none when the
    ///   job's values sum to less than ½), so a relaxation or an integer point will do.
    /// - `others`: values for the variables outside the jobs (e.g. the incumbent's); without it,
    ///   `start`'s values rounded up, within the bounds.
    /// - `bound`: a proven bound on the objective; the search stops once it reaches it.
    /// - `cutoff`: the incumbent's objective; only a point better by a whole unit is returned.
    /// - `effort`: candidate moves to consider.
    public func search(from start: [Double], others: [Double]? = nil, bound: Double? = nil, cutoff: Double? = nil,
                       effort: Int) -> AssignmentHeuristic.Candidate? {
        guard let point = startingPoint(start, others: others) else { return nil }
        calls += 1
        let seed = 0xC0FF_EE15_600D_BEEF &+ calls &* 0x9E37_79B9_7F4A_7C15
        var search = ShiftSwapSearch(program: program, view: view, start: point, budget: effort,
                                     target: bound.map(internalBound) ?? Int.min, seed: seed)
        search.run()
        guard let best = search.best else { return nil }
        let cost = program.cost(of: best)
        let limit = cutoff.map(internalCutoff) ?? Int.max
        guard cost < limit, program.isFeasible(best) else { return nil }
        return AssignmentHeuristic.Candidate(values: best.map(Double.init), objective: Double(program.objectiveValue(cost: cost)))
    }

    /// Agents in the model's assignment structure.
    public var agentCount: Int { view.agentCount }

    /// The variables to leave free when the jobs that `incumbent` gives to a few agents are
    /// re-assigned among those agents alone: each such job's variables at those agents. The
    /// agents are agent `round` modulo their number and `size − 1` others drawn from a
    /// generator seeded with `round`, so the neighbourhoods repeat with the rounds. `nil` when
    /// `incumbent` is not an integer point.
    public func agentNeighbourhood(of incumbent: [Double], size: Int, round: Int) -> [Bool]? {
        guard let point = program.integerPoint(incumbent) else { return nil }
        var chosen = [Bool](repeating: false, count: view.agentCount)
        chosen[round % view.agentCount] = true
        var random = SplitMix(seed: 0xA6E7_5EED &+ UInt64(round) &* 0x9E37_79B9_7F4A_7C15)
        var count = 1
        while count < min(size, view.agentCount) {
            let agent = random.below(view.agentCount)
            if !chosen[agent] { chosen[agent] = true; count += 1 }
        }
        var free = [Bool](repeating: false, count: program.variableCount)
        for members in view.jobs {
            guard let current = members.first(where: { point[$0] == 1 }), chosen[view.agentOf[current]] else { continue }
            for j in members where chosen[view.agentOf[j]] { free[j] = true }
        }
        return free
    }

    /// The integer start: jobs from `start`, other variables from `others` or `start` rounded up.
    private func startingPoint(_ start: [Double], others: [Double]?) -> [Int]? {
        let n = program.variableCount
        guard start.count == n, start.allSatisfy(\.isFinite), others.map({ $0.count == n && $0.allSatisfy(\.isFinite) }) ?? true else { return nil }
        var point = [Int](repeating: 0, count: n)
        for j in 0..<n where view.jobOf[j] < 0 {
            let value = ((others ?? start)[j] - 1e-6).rounded(.up)
            point[j] = min(max(Int(max(min(value, 1e15), -1e15)), program.lower[j]), program.upper[j])
        }
        for members in view.jobs {
            var largest = -1, total = 0.0
            for j in members {
                total += start[j]
                if largest < 0 || start[j] > start[largest] { largest = j }
            }
            if total >= 0.5 { point[largest] = 1 }
        }
        return point
    }

    /// The internal (minimised) cost an objective bound guarantees, rounded towards the bound's side.
    private func internalBound(_ objective: Double) -> Int {
        guard objective.isFinite, abs(objective) < Double(IntegerProgram.magnitudeLimit) else { return Int.min }
        let withoutConstant = objective - Double(program.constant)
        let minimised = program.maximise ? -withoutConstant : withoutConstant
        return Int((minimised - 1e-6 * (1 + abs(minimised))).rounded(.up))
    }

    /// The internal cost a point must stay below to beat the objective `cutoff`.
    private func internalCutoff(_ objective: Double) -> Int {
        guard objective.isFinite, abs(objective) < Double(IntegerProgram.magnitudeLimit) else { return Int.max }
        let withoutConstant = objective - Double(program.constant)
        let minimised = program.maximise ? -withoutConstant : withoutConstant
        return Int(minimised.rounded(.up))
    }
}
