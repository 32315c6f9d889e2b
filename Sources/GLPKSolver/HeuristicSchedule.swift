import CGLPK
import MIP

/// When and how cadreplan's own heuristics run inside GLPK's branch-and-bound — fractional
/// diving (``Dive``), ``MIP/AssignmentHeuristic``, the shift-and-swap tabu search
/// (``MIP/ShiftSwapHeuristic``) and relaxation induced neighbourhood search
/// (``NeighbourhoodSearch``) — and how their points reach GLPK.
///
/// GLPK asks for heuristic solutions (`GLP_IHEUR`) each time a node's relaxation is solved and
/// not integral. The heuristics run at every such request at the root, then at a node
/// interval that doubles after each call that finds nothing and halves after one that finds a
/// better point, so a search where they stop helping spends little on them. The shift-and-swap
/// search starts once from the root relaxation and then from each new incumbent; diving runs
/// while GLPK has no incumbent; the assignment heuristic improves the incumbent (or, without
/// one, builds a point from the relaxation); the neighbourhood search solves what the best
/// point so far and the node's relaxation leave open. Effort is counted in simplex iterations,
/// nodes, moves and move evaluations, never in time, so a solve is reproducible.
///
/// GLPK's `glp_ios_heur_sol` does not check feasibility: every point offered here has passed
/// ``MIP/IntegerCheck`` (integer arithmetic over every bound and row, no tolerance).
final class HeuristicSchedule {
    private let check: IntegerCheck
    private let dive: Dive?
    private let assignment: AssignmentHeuristic?
    private let shiftSwap: ShiftSwapHeuristic?
    private let neighbourhood: NeighbourhoodSearch?
    /// The incumbent the shift-and-swap search last started from, so it is not searched twice.
    private var lastSwapStart: [Double]?
    private var swapRootDone = false
    /// Agent exchange rounds so far: each picks its agents from its number.
    private var agentRound = 0
    private let variables: Int
    /// Terms of the model's rows: the scale of the shift-and-swap search's effort.
    private let nonzeros: Int
    private let sense: Sense
    /// Move evaluations per assignment search, and simplex iterations per dive.
    private let searchEffort: Int, diveIterations: Int
    /// Nodes to wait between calls, and GLPK's node count at the last call.
    private var interval = 1
    private var lastNode = -1
    private var calls = 0
    /// Points offered and accepted (for the log).
    private(set) var offered = 0, accepted = 0
    /// The caller's limits (a time-limited solve): no heuristic starts after the deadline, and the
    /// neighbourhood searches stop at it. Nil without a time limit, so effort alone decides.
    var limits: SolveLimits?
    private var pastDeadline: Bool { limits?.deadline.map { ContinuousClock.now >= $0 } ?? false }

    static let maximumInterval = 1024

    /// The schedule for `model` with the heuristics `enabled`, or `nil` if none applies.
    init?(model: Model, enabled: PrimalHeuristics, diveIterations: Int = 20_000) {
        guard let check = IntegerCheck(model) else { return nil }
        let integerColumns = model.variables.indices.filter { model.variables[$0].kind == .integer }
        dive = enabled.contains(.diving)
            ? Dive(integerColumns: integerColumns, columns: model.variables.count, minimise: model.objective.sense == .minimize)
            : nil
        assignment = enabled.contains(.assignment) ? AssignmentHeuristic(model) : nil
        shiftSwap = enabled.contains(.shiftSwap) ? ShiftSwapHeuristic(model) : nil
        neighbourhood = enabled.contains(.neighbourhood)
            ? NeighbourhoodSearch(integerColumns: integerColumns, columns: model.variables.count, minimise: model.objective.sense == .minimize)
            : nil
        guard dive != nil || assignment != nil || shiftSwap != nil || neighbourhood != nil else { return nil }
        self.check = check
        variables = model.variables.count
        nonzeros = max(1, model.nonzeroCount)
        sense = model.objective.sense
        // About ten passes over the matrix per search, within [1,000, 200,000] move evaluations.
        searchEffort = min(200_000, max(1_000, 10 * model.nonzeroCount))
        self.diveIterations = diveIterations
    }

    /// Handles one `GLP_IHEUR` request; whether GLPK accepted a point as its new incumbent.
    @discardableResult
    func run(_ tree: OpaquePointer, sink: LogSink) -> Bool {
        let node = glp_ios_curr_node(tree)
        guard node != 0, !pastDeadline, let problem = glp_ios_get_prob(tree) else { return false }
        var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        // Every request at the root (each round of cuts gives a new relaxation), then by interval.
        let root = glp_ios_node_level(tree, node) == 0
        if !root && Int(total) - lastNode < interval { return false }
        lastNode = Int(total)

        let status = glp_mip_status(problem)
        let hasIncumbent = status == GLP_FEAS || status == GLP_OPT
        var cutoff: Double? = hasIncumbent ? glp_mip_obj_val(problem) : nil
        var best: (values: [Double], objective: Double, source: String)?
        func consider(_ values: [Double], _ objective: Double, _ source: String) {
            if let cutoff, !isBetter(objective, than: cutoff) { return }
            best = (values, objective, source)
            cutoff = objective
        }
        // The node's relaxation bounds every point of the node: a point that reaches it (objectives
        // are integers here) cannot be improved within the node, so stop searching.
        let nodeBound = glp_get_obj_val(problem)
        func unbeatable() -> Bool {
            if pastDeadline { return true }   // not unbeatable, but no time is left to beat it
            guard let cutoff else { return false }
            let tolerance = 1e-7 * (1 + abs(nodeBound))
            return sense == .minimize ? cutoff <= (nodeBound - tolerance).rounded(.up) : cutoff >= (nodeBound + tolerance).rounded(.down)
        }

        let incumbent = hasIncumbent ? (0..<variables).map { glp_mip_col_val(problem, Int32($0 + 1)) } : nil
        if let shiftSwap, !unbeatable(), let found = searchShiftSwap(shiftSwap, problem: problem, incumbent: incumbent,
                                                                     bound: nodeBound, cutoff: cutoff) {
            consider(found.values, found.objective, "shift-swap")
        }
        if let assignment, let incumbent, !unbeatable() {
            if let found = assignment.improve(incumbent, effort: searchEffort) { consider(found.values, found.objective, "assignment") }
        }
        if let neighbourhood, !unbeatable(), let cutoff, let start = best?.values ?? incumbent,
           let values = neighbourhood.run(from: problem, incumbent: start, cutoff: cutoff,
                                          nodes: Self.neighbourhoodNodes, iterations: diveIterations, limits: limits),
           let point = check.feasiblePoint(values) {
            consider(point, check.objective(point), "rins")
        }
        if let shiftSwap, let neighbourhood, let start = best?.values ?? incumbent, let cutoff {
            if let found = exchangeAgents(shiftSwap, neighbourhood, problem: problem, start: start, cutoff: cutoff, unbeatable: unbeatable) {
                consider(found, check.objective(found), "agent exchange")
            }
        }
        // Dives alternate between plain fractional diving and diving guided by the incumbent.
        calls += 1
        let guide = calls % 2 == 0 ? incumbent : nil
        if let dive, !unbeatable(), let values = dive.run(from: problem, cutoff: cutoff, guide: guide, iterations: diveIterations),
           let point = check.feasiblePoint(values) {
            consider(point, check.objective(point), "dive")
            if let assignment, !unbeatable(), let found = assignment.improve(point, effort: searchEffort) {
                consider(found.values, found.objective, "dive + assignment")
            }
        } else if let assignment, best == nil, !hasIncumbent {
            let relaxation = (0..<variables).map { glp_get_col_prim(problem, Int32($0 + 1)) }
            if let found = assignment.construct(from: relaxation, cutoff: cutoff, effort: searchEffort) {
                consider(found.values, found.objective, "assignment")
            }
        }

        guard let best, let point = check.feasiblePoint(best.values) else {
            interval = min(interval * 2, Self.maximumInterval)
            return false
        }
        offered += 1
        let oneBased = [0] + point
        if oneBased.withUnsafeBufferPointer({ glp_ios_heur_sol(tree, $0.baseAddress) }) == 0 {
            accepted += 1
            interval = max(interval / 2, 1)
            sink.write("Heuristic (\(best.source)): \(best.objective) at node \(total)\n")
            return true
        }
        interval = min(interval * 2, Self.maximumInterval)
        return false
    }

    /// The shift-and-swap search: once from the first relaxation GLPK asks about (the root's),
    /// with ``swapRootSteps`` steps, then from each new incumbent with ``swapSteps``.
    private func searchShiftSwap(_ heuristic: ShiftSwapHeuristic, problem: OpaquePointer, incumbent: [Double]?,
                                 bound: Double, cutoff: Double?) -> AssignmentHeuristic.Candidate? {
        if !swapRootDone {
            swapRootDone = true
            let relaxation = (0..<variables).map { glp_get_col_prim(problem, Int32($0 + 1)) }
            // The agents' switches rounded up from the relaxation, not the incumbent's: an earlier
            // tier's point may leave agents closed that the relaxation uses.
            return heuristic.search(from: relaxation, bound: bound, cutoff: cutoff,
                                    effort: min(Self.swapRootSteps * heuristic.neighbourhood, Self.swapRootPerNonzero * nonzeros))
        }
        guard let incumbent, incumbent != lastSwapStart else { return nil }
        lastSwapStart = incumbent
        let found = heuristic.search(from: incumbent, bound: bound, cutoff: cutoff,
                                     effort: min(Self.swapSteps * heuristic.neighbourhood, Self.swapPerNonzero * nonzeros))
        if let found { lastSwapStart = found.values }
        return found
    }

    /// Re-assigns the jobs of a few agents at a time among themselves, exactly (a small
    /// branch-and-bound per round, ``agentRounds`` rounds of ``agentGroup`` agents), each round
    /// from the best point so far; the best checked point found, if better than `cutoff`.
    private func exchangeAgents(_ heuristic: ShiftSwapHeuristic, _ search: NeighbourhoodSearch, problem: OpaquePointer,
                                start: [Double], cutoff: Double, unbeatable: () -> Bool) -> [Double]? {
        var point = start, value = cutoff, found: [Double]?
        for _ in 0..<Self.agentRounds where !unbeatable() {
            agentRound += 1
            let size = min(Self.agentGroup, max(2, heuristic.agentCount / 2))
            guard let free = heuristic.agentNeighbourhood(of: point, size: size, round: agentRound),
                  let values = search.solve(problem, fixing: point, except: free, cutoff: value,
                                            nodes: Self.neighbourhoodNodes, iterations: diveIterations, limits: limits),
                  let checked = check.feasiblePoint(values) else { continue }
            let objective = check.objective(checked)
            guard isBetter(objective, than: value) else { continue }
            point = checked; value = objective; found = checked
        }
        return found
    }

    /// Rounds of agent exchange per heuristic call, and the most agents re-assigned in each
    /// (at most half of them, so that a round stays a small problem). Measured on gapc #6:
    /// groups of 5 found 2393 where groups of 3 found nothing on gapb #4 and gapc #4.
    static let agentRounds = 20, agentGroup = 5

    /// Nodes of each neighbourhood search's branch-and-bound.
    static let neighbourhoodNodes = 500

    /// Steps of the shift-and-swap search from the root relaxation, and from later incumbents.
    /// On gapc #6 (20 × 200) 500 steps from the root reached 2401, 2,000 steps 2399 (1.2 s) and
    /// 45,000 steps 2397 (optimum 2391): the neighbourhood searches do the rest better. A root
    /// search that does not reach the bound spends all its steps, which easy problems pay for
    /// (gapa #6: 2.1 s with 2,000 steps, 0.4 s without the heuristics), hence the few.
    /// The swaps grow with the square of the jobs, so the effort is capped by the model's size
    /// too (gapc #6, 20,000 nonzeros: about 400 root steps).
    static let swapRootSteps = 600, swapSteps = 200
    static let swapRootPerNonzero = 500, swapPerNonzero = 100

    /// Whether objective `a` is better than `b` by at least one unit (objectives are integers here).
    private func isBetter(_ a: Double, than b: Double) -> Bool { sense == .minimize ? a < b - 0.5 : a > b + 0.5 }
}
