import CGLPK
import MIP

/// Relaxation induced neighbourhood search (RINS, Danna, Rothberg and Le Pape 2005): on a copy
/// of a node's problem, every integer column on which the incumbent and the node's relaxation
/// agree is fixed at that value, a row keeps the objective a whole unit better than the
/// incumbent, and GLPK's branch-and-bound solves what is left — a small problem when the two
/// points agree on most columns, as they do on generalised assignment problems, whose
/// relaxation splits only a few jobs.
///
/// GLPK's own search is untouched. Effort is bounded by nodes and simplex iterations, never
/// time, so the search is reproducible. The point it returns is integral within GLPK's
/// tolerance; the caller rounds it and checks it exactly before offering it (``HeuristicSchedule``).
struct NeighbourhoodSearch {
    /// The columns of integer variables (0-based model positions).
    let integerColumns: [Int]
    /// The number of columns of the model.
    let columns: Int
    /// Minimise (true) or maximise.
    let minimise: Bool

    /// The largest share of the integer columns left free: with more, the sub-problem is about
    /// as hard as the problem.
    static let freeShareLimit = 0.5

    /// Solves the neighbourhood of `incumbent` (objective `cutoff`) and the relaxation at the
    /// current node of `problem`; returns the column values of the best point found, if any.
    func run(from problem: OpaquePointer, incumbent: [Double], cutoff: Double, nodes: Int, iterations: Int,
             limits: SolveLimits? = nil) -> [Double]? {
        var free = [Bool](repeating: false, count: columns), count = 0
        for j in integerColumns where abs(glp_get_col_prim(problem, Int32(j + 1)) - incumbent[j]) > 1e-6 {
            free[j] = true; count += 1
        }
        guard count > 0, Double(count) <= Self.freeShareLimit * Double(integerColumns.count) else { return nil }
        return solve(problem, fixing: incumbent, except: free, cutoff: cutoff, nodes: nodes, iterations: iterations, limits: limits)
    }

    /// Solves a copy of `problem` with every integer column fixed at `incumbent`'s value except
    /// the `free` ones, with the objective a unit better than `cutoff`; the column values of the
    /// best point found, if any. The caller's time limit (`limits`) bounds it too.
    func solve(_ problem: OpaquePointer, fixing incumbent: [Double], except free: [Bool], cutoff: Double,
               nodes: Int, iterations: Int, limits: SolveLimits? = nil) -> [Double]? {
        if let deadline = limits?.deadline, ContinuousClock.now >= deadline { return nil }
        let milliseconds = limits?.remainingMilliseconds()
        guard let copy = glp_create_prob() else { return nil }
        defer { glp_delete_prob(copy) }
        glp_copy_prob(copy, problem, GLP_OFF)
        for j in integerColumns where !free[j] {
            glp_set_col_bnds(copy, Int32(j + 1), GLP_FX, incumbent[j], incumbent[j])
        }
        addCutoffRow(copy, cutoff: cutoff)

        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = GLP_MSG_OFF
        simplex.meth = GLP_DUALP
        simplex.it_lim = Int32(clamping: iterations)
        if let milliseconds { simplex.tm_lim = milliseconds }
        guard glp_simplex(copy, &simplex) == 0, glp_get_status(copy) == GLP_OPT else { return nil }

        let limit = NodeBudget(nodes: nodes)
        var search = glp_iocp()
        glp_init_iocp(&search)
        search.msg_lev = GLP_MSG_OFF
        search.mir_cuts = GLP_ON
        search.br_tech = GLP_BR_DTH
        search.bt_tech = GLP_BT_BLB
        search.cb_func = NodeBudget.callback
        if let milliseconds { search.tm_lim = milliseconds }
        search.cb_info = Unmanaged.passUnretained(limit).toOpaque()
        _ = withExtendedLifetime(limit) { glp_intopt(copy, &search) }
        let status = glp_mip_status(copy)
        guard status == GLP_OPT || status == GLP_FEAS else { return nil }
        return (0..<columns).map { glp_mip_col_val(copy, Int32($0 + 1)) }
    }

    /// The row `objective ≤ cutoff − 1` (or `≥ cutoff + 1`): objectives are integers here, so
    /// only a point a whole unit better is of use, and the row prunes the rest.
    private func addCutoffRow(_ copy: OpaquePointer, cutoff: Double) {
        var index: [Int32] = [0], value: [Double] = [0]
        for j in 0..<columns {
            let c = glp_get_obj_coef(copy, Int32(j + 1))
            if c != 0 { index.append(Int32(j + 1)); value.append(c) }
        }
        guard index.count > 1 else { return }
        let row = glp_add_rows(copy, 1)
        glp_set_mat_row(copy, row, Int32(index.count - 1), index, value)
        let constant = glp_get_obj_coef(copy, 0)
        if minimise {
            glp_set_row_bnds(copy, row, GLP_UP, 0, cutoff - 1 - constant)
        } else {
            glp_set_row_bnds(copy, row, GLP_LO, cutoff + 1 - constant, 0)
        }
    }
}

/// Ends a sub-problem's branch-and-bound after a number of nodes (GLPK has no node limit).
final class NodeBudget {
    let nodes: Int
    init(nodes: Int) { self.nodes = nodes }

    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info, glp_ios_reason(tree) == GLP_ISELECT else { return }
        let budget = Unmanaged<NodeBudget>.fromOpaque(info).takeUnretainedValue()
        var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        if Int(total) >= budget.nodes { glp_ios_terminate(tree) }
    }
}
