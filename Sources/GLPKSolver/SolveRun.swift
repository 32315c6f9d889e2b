import CGLPK
import MIP

/// One solve: the LP relaxation, then branch-and-bound, and the mapping of GLPK's
/// return codes and statuses to a ``MIP/Solution``.
///
/// Mapping rules (every code GLPK documents for the two calls is handled):
/// - relaxation infeasible → `.infeasible`; relaxation unbounded → `.unbounded`
///   (also for integer models: the bound is gone, which the caller must fix);
/// - time limit with an incumbent → `.feasible(.timeLimit)` with bound and gap;
///   without one → `.noSolution(.timeLimit)`;
/// - gap tolerance reached → `.feasible(.gapLimit)`;
/// - the caller's node limit reached → `.feasible(.nodeLimit)` or `.noSolution(.nodeLimit)`;
/// - basis, factorisation and numerical failures, and iteration or objective
///   limits that this solver never sets → thrown ``MIP/SolverError``.
struct SolveRun {
    let model: Model
    let problem: GLPKProblem
    let limits: SolveLimits
    let options: SolveOptions
    var initialPoint: InitialPoint?
    let sink: LogSink
    /// Cuts, presolve, branching, heuristics and relaxation start of this solve.
    let settings: SearchSettings
    /// Whether the problem object holds the basis of an earlier solve (a warm start is possible).
    var warmBasis = false

    private var messageLevel: Int32 { sink.isEnabled ? GLP_MSG_ON : GLP_MSG_OFF }

    /// Runs the solve.
    mutating func execute() throws(SolverError) -> Solution {
        // Scaling as glpsol does by default: it makes the simplex method robust
        // against badly scaled rows without changing the reported values.
        glp_scale_prob(problem.pointer, GLP_SF_AUTO)

        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = messageLevel
        // Without the presolver, glp_simplex leaves an optimal basis in the problem
        // object, which glp_intopt (also without presolver) needs for its root node.
        simplex.presolve = GLP_OFF
        if let milliseconds = limits.remainingMilliseconds() { simplex.tm_lim = milliseconds }
        if settings.relaxation == .cold { glp_adv_basis(problem.pointer, 0) }
        let code = glp_simplex(problem.pointer, &simplex)

        switch code {
        case 0:
            break
        case GLP_ETMLIM:
            return relaxationTimedOut()
        case GLP_ENOPFS:
            // Only returned by the presolver, which is off; kept for completeness.
            return solution(.infeasible)
        case GLP_ENODFS:
            // Only returned by the presolver: no dual feasible solution, the relaxation is unbounded.
            return solution(.unbounded)
        default:
            throw SolverError("GLPK simplex failed: \(GLPKCodes.returnCode(code))")
        }

        let status = glp_get_status(problem.pointer)
        switch status {
        case GLP_OPT:
            break
        case GLP_NOFEAS:
            return solution(.infeasible)
        case GLP_UNBND:
            return solution(.unbounded)
        default:
            // GLP_FEAS, GLP_INFEAS or GLP_UNDEF after a successful return would be a GLPK bug.
            throw SolverError("GLPK simplex returned success with status \(GLPKCodes.status(status))")
        }

        let fractional = model.integerCount > 0 && !relaxationIsIntegral()
        if fractional, let closed = rootDive() { return closed }
        var rootNodes = 0
        if warmBasis && fractional {
            switch settings.relaxation {
            case .warmThenCold:
                if let closed = try restartCold(&simplex) { return closed }
            case .warmRootThenCold where options.nodeLimit == nil:
                // The caller wants the whole search: try the warm vertex's root node first.
                let root = try branchAndBound(rootBound: glp_get_obj_val(problem.pointer), nodeLimit: Self.rootOnly)
                guard root.termination == .feasible(.nodeLimit) || root.termination == .noSolution(.nodeLimit) else {
                    return root
                }
                if root.termination.hasSolution, let objective = root.objective { adopt(root.values, objective: objective) }
                rootNodes = root.statistics.nodes
                if let closed = try restartCold(&simplex) { return closed }
            default:
                break
            }
        }
        let relaxationValue = glp_get_obj_val(problem.pointer)
        if model.integerCount == 0 {
            return solution(.optimal, objective: relaxationValue, bound: relaxationValue,
                            values: columnValues(glp_get_col_prim))
        }
        let searchStart = ContinuousClock.now
        sink.write("Relaxation: \(relaxationValue), \(glp_get_it_cnt(problem.pointer)) iterations so far, "
            + "\(limits.start.duration(to: searchStart).seconds) s\n")
        defer { sink.write("Branch-and-bound: \(searchStart.duration(to: .now).seconds) s\n") }
        var searched = try branchAndBound(rootBound: relaxationValue, nodeLimit: options.nodeLimit)
        searched.statistics.nodes += rootNodes
        return searched
    }

    /// The limit of a root-only search: stop at the first node after the root, found or not.
    /// (GLPK selects the root through the callback too, so the root's selection is node 1.)
    static let rootOnly = NodeLimit(nodes: 1, nodesWithoutSolution: 2)

    /// Re-solves the relaxation from a fresh advanced basis. A warm start from an earlier
    /// objective's basis tends to end on a fractional vertex of the optimal face, where a cold
    /// start often ends on an integral one of the same value (measured on the 10× Hainan preset:
    /// 849 nodes against a root close). The optimum is the same; only the vertex, and the search
    /// after it, differ. Returns the solve's answer if a dive from the new vertex closes it.
    private mutating func restartCold(_ simplex: inout glp_smcp) throws(SolverError) -> Solution? {
        glp_adv_basis(problem.pointer, 0)
        let again = glp_simplex(problem.pointer, &simplex)
        guard again == 0, glp_get_status(problem.pointer) == GLP_OPT else {
            throw SolverError("GLPK simplex failed on a cold restart: \(GLPKCodes.returnCode(again))")
        }
        // The cold vertex differs from the warm one: a dive from it may close the tier.
        if !relaxationIsIntegral(), let closed = rootDive() { return closed }
        return nil
    }

    /// Makes `values` (a point GLPK found, so feasible within its tolerances) the initial point
    /// of the next search if it beats the current one.
    private mutating func adopt(_ values: [Double], objective: Double) {
        guard initialPoint.map({ isBetter(objective, than: $0.objective) }) ?? true,
              case .success(let prepared) = InitialPoint.prepare(values, for: model) else { return }
        initialPoint = prepared
    }

    /// Simplex iterations a dive from the root relaxation may spend.
    static let rootDiveIterations: Int32 = 20_000

    /// Dives from the root relaxation before any branch-and-bound (see ``Dive``). A point
    /// whose objective reaches the relaxation's value, rounded up (objectives are integers when
    /// the exact check applies), is optimal: the solve ends there. Any other point becomes the
    /// initial point if it beats the caller's.
    private mutating func rootDive() -> Solution? {
        guard settings.heuristics.contains(.diving), !settings.presolve, let check = IntegerCheck(model) else { return nil }
        let bound = glp_get_obj_val(problem.pointer)
        let dive = Dive(integerColumns: model.variables.indices.filter { model.variables[$0].kind == .integer },
                        columns: model.variables.count, minimise: model.objective.sense == .minimize)
        guard let values = dive.run(from: problem.pointer, cutoff: initialPoint?.objective, iterations: Int(Self.rootDiveIterations)),
              let point = check.feasiblePoint(values) else { return nil }
        let objective = check.objective(point)
        sink.write("Root dive: \(objective) (relaxation \(bound))\n")
        if reaches(objective, bound: bound) {
            return solution(.optimal, objective: objective, bound: objective, values: point)
        }
        adopt(point, objective: objective)
        return nil
    }

    /// Whether an integer objective value is proven optimal by the relaxation's value `bound`:
    /// no integer lies strictly between them. The bound is first moved towards the incumbent by
    /// GLPK's own objective tolerance (`tol_obj`, 10⁻⁷ relative), so a relaxation value a
    /// little too high from round-off never proves more than GLPK's search would.
    private func reaches(_ objective: Double, bound: Double) -> Bool {
        let tolerance = 1e-7 * (1 + abs(bound))
        return model.objective.sense == .minimize
            ? objective <= (bound - tolerance).rounded(.up)
            : objective >= (bound + tolerance).rounded(.down)
    }

    /// Whether every integer column of the current basic solution is integral.
    private func relaxationIsIntegral() -> Bool {
        for (offset, v) in model.variables.enumerated() where v.kind == .integer {
            let x = glp_get_col_prim(problem.pointer, Int32(offset + 1))
            if abs(x - x.rounded()) > 1e-9 { return false }
        }
        return true
    }

    /// Runs `glp_intopt` from the optimal relaxation.
    private func branchAndBound(rootBound: Double, nodeLimit: NodeLimit?) throws(SolverError) -> Solution {
        let monitor = SearchMonitor(
            sense: model.objective.sense, rootBound: rootBound, progress: options.progress,
            // GLPK's presolver hands the callback its transformed problem, whose columns are not
            // the model's: a point can be offered only without it (kept as a fallback otherwise).
            deadline: limits.deadline, initialPoint: settings.presolve ? nil : initialPoint, sink: sink,
            heuristic: heuristicSchedule(),
            cuts: settings.cuts.contains(.liftedCover) ? CoverCuts(model: model) : nil,
            // Like the heuristics, the pruning reads the model's columns, which the presolver renumbers.
            lagrangian: settings.lagrangian && !settings.presolve
                ? LagrangianPruning(model: model, targetsAtRoot: settings.targetsAtRoot) : nil,
            nodeLimit: nodeLimit)
        monitor.cancellation = options.cancellation

        var search = glp_iocp()
        glp_init_iocp(&search)
        search.msg_lev = messageLevel
        settings.apply(to: &search)
        search.mip_gap = limits.relativeGap
        if let milliseconds = limits.remainingMilliseconds() {
            search.tm_lim = milliseconds
            search.ps_tm_lim = min(search.ps_tm_lim, milliseconds)
        }
        sink.write("Search: \(settings)\n")
        search.cb_func = SearchMonitor.callback
        // Unretained: `withExtendedLifetime` keeps the monitor alive for the whole call.
        search.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
        let code = withExtendedLifetime(monitor) { glp_intopt(problem.pointer, &search) }
        if let lagrangian = monitor.lagrangian, lagrangian.pruned + lagrangian.fixed > 0 {
            sink.write("Lagrangian: \(lagrangian.pruned) nodes pruned, \(lagrangian.fixed) columns fixed\n")
        }

        let status = glp_mip_status(problem.pointer)
        let hasIncumbent = status == GLP_FEAS || status == GLP_OPT
        let nodes = monitor.nodes
        switch code {
        case 0:
            if status == GLP_OPT {
                let value = glp_mip_obj_val(problem.pointer)
                return solution(.optimal, objective: value, bound: value,
                                values: columnValues(glp_mip_col_val), nodes: nodes)
            }
            if status == GLP_NOFEAS { return solution(.infeasible, nodes: nodes) }
        case GLP_EMIPGAP where hasIncumbent:
            return incumbentSolution(.feasible(.gapLimit), monitor: monitor)
        case GLP_ETMLIM:
            return timedOutSearch(hasIncumbent: hasIncumbent, monitor: monitor)
        case GLP_ESTOP where monitor.stoppedByCancellation:
            throw SolverError.cancelled
        case GLP_ESTOP where monitor.stoppedAtDeadline:
            // The monitor terminated the search because the caller's deadline passed.
            return timedOutSearch(hasIncumbent: hasIncumbent, monitor: monitor)
        case GLP_ESTOP where monitor.stoppedAtNodeLimit:
            if hasIncumbent { return incumbentSolution(.feasible(.nodeLimit), monitor: monitor) }
            return fallBackToInitialPoint(bound: monitor.bound, nodes: nodes, reason: .nodeLimit)
        case GLP_ENOPFS:
            return solution(.infeasible, nodes: nodes)
        case GLP_ENODFS:
            return solution(.unbounded, nodes: nodes)
        default:
            break
        }
        throw SolverError("GLPK branch-and-bound failed: \(GLPKCodes.returnCode(code)), "
            + "solution status \(GLPKCodes.status(status))")
    }

    /// cadreplan's own heuristics, if the settings ask for them and the model allows them.
    private func heuristicSchedule() -> HeuristicSchedule? {
        guard !settings.presolve else { return nil }
        let schedule = HeuristicSchedule(model: model, enabled: settings.heuristics)
        schedule?.limits = limits
        return schedule
    }

    /// The answer when the time limit ran out during branch-and-bound.
    private func timedOutSearch(hasIncumbent: Bool, monitor: SearchMonitor) -> Solution {
        if hasIncumbent { return incumbentSolution(.feasible(.timeLimit), monitor: monitor) }
        return fallBackToInitialPoint(bound: monitor.bound, nodes: monitor.nodes)
    }

    /// GLPK's incumbent (or the caller's initial point, if better) with the tracked bound.
    private func incumbentSolution(_ termination: Termination, monitor: SearchMonitor) -> Solution {
        var objective = glp_mip_obj_val(problem.pointer)
        var values = columnValues(glp_mip_col_val)
        // GLPK may never have been offered the initial point (e.g. the time ran out
        // before its first heuristic call), so keep whichever is better.
        if let initialPoint, isBetter(initialPoint.objective, than: objective) {
            objective = initialPoint.objective
            values = initialPoint.values
        }
        return solution(termination, objective: objective, bound: boundNotPast(objective, monitor.bound),
                        values: values, nodes: monitor.nodes)
    }

    /// The answer when the time limit ran out inside the LP relaxation.
    private func relaxationTimedOut() -> Solution {
        // A pure LP whose primal simplex reached phase 2 has a feasible (not optimal) point.
        if model.integerCount == 0, glp_get_prim_stat(problem.pointer) == GLP_FEAS {
            let objective = glp_get_obj_val(problem.pointer)
            if let initialPoint, isBetter(initialPoint.objective, than: objective) {
                return solution(.feasible(.timeLimit), objective: initialPoint.objective,
                                values: initialPoint.values)
            }
            return solution(.feasible(.timeLimit), objective: objective, values: columnValues(glp_get_col_prim))
        }
        return fallBackToInitialPoint(bound: nil, nodes: 0)
    }

    /// Stopped (out of time, or at the node limit) without a solver incumbent: the verified initial point if there is one.
    private func fallBackToInitialPoint(bound: Double?, nodes: Int, reason: StopReason = .timeLimit) -> Solution {
        guard let initialPoint else {
            return solution(.noSolution(reason), bound: bound, nodes: nodes)
        }
        return solution(.feasible(reason), objective: initialPoint.objective,
                        bound: boundNotPast(initialPoint.objective, bound), values: initialPoint.values,
                        nodes: nodes)
    }

    /// Whether objective value `a` is strictly better than `b` for the model's sense.
    private func isBetter(_ a: Double, than b: Double) -> Bool {
        model.objective.sense == .minimize ? a < b : a > b
    }

    /// `bound`, but never on the far side of a known feasible `objective` (rounding noise).
    private func boundNotPast(_ objective: Double, _ bound: Double?) -> Double? {
        guard let bound else { return nil }
        return model.objective.sense == .minimize ? min(bound, objective) : max(bound, objective)
    }

    /// Column values 1…n read with a GLPK getter, in model order.
    private func columnValues(_ read: (OpaquePointer?, Int32) -> Double) -> [Double] {
        (0..<model.variables.count).map { read(problem.pointer, Int32($0 + 1)) }
    }

    /// Assembles a ``Solution`` with the simplex iteration count and the gap.
    private func solution(
        _ termination: Termination, objective: Double? = nil, bound: Double? = nil,
        values: [Double] = [], nodes: Int = 0
    ) -> Solution {
        let statistics = SolveStatistics(
            simplexIterations: Int(glp_get_it_cnt(problem.pointer)), nodes: nodes)
        return Solution(termination: termination, objective: objective, bound: bound,
                        gap: relativeGap(objective: objective, bound: bound), values: values,
                        statistics: statistics)
    }
}
