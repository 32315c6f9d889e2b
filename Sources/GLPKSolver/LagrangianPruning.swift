import CGLPK
import MIP

/// Prunes nodes and fixes variables inside GLPK's branch-and-bound with the bounds of
/// ``MIP/KnapsackLagrangian``, when GLPK offers to add rows (`GLP_IROWGEN`, after each node's
/// relaxation is solved) and an incumbent exists.
///
/// At the root the multipliers are optimised from the relaxation's row duals
/// (``rootIterations`` subgradient steps); at every other node they start from the root's and
/// take ``nodeIterations`` steps under the node's bounds. Then:
/// - if the bound shows that no point of the node beats the incumbent (costs are integers),
///   one row `Σ cost·x ≥ incumbent's cost` is added: valid for every point of the node that
///   could matter, it lifts the relaxation to the incumbent and GLPK prunes the node;
/// - otherwise, below the root, each variable whose other value would lift the bound that far is
///   fixed for the node's subtree. Only columns at that value and non-basic are fixed, as GLPK's
///   own reduced-cost fixing does, so the node's optimal basis stays optimal and nothing is
///   re-solved. (At the root, fixed columns kept GLPK's rounds of cuts going.)
/// Below the root the work backs off where it finds nothing: a call every 2, 4, … up to
/// ``maximumInterval`` nodes, and every node again after a call that prunes or fixes.
/// Both exclude only points no better than the incumbent, which GLPK keeps: the search's
/// answer and its proof are unchanged, only shorter. The root's bound (capped by the incumbent)
/// is a bound of the whole model and is reported as such.
///
/// The Lagrangian target searches (``LagrangianTargets``) start once the root is bounded and
/// take a slice of nodes at every later node: each target searched out raises the reported
/// bound, and once the bound reaches the incumbent every node is pruned as above.
final class LagrangianPruning {
    private let relaxation: KnapsackLagrangian
    /// The target searches, which raise the bound a unit at a time and find the optimum.
    private let targets: LagrangianTargets
    private var multipliers: KnapsackLagrangian.Multipliers?
    /// The row duals of the root's first relaxation.
    private var rootDuals: [Double]?
    /// The node and incumbent cost of the last call that did the work (GLPK calls again after
    /// re-solving a node whose rows changed; the bound would not).
    private var lastNode: Int32 = 0, lastCutoff: Int?
    /// Nodes pruned and variables fixed (for the log).
    private(set) var pruned = 0, fixed = 0

    /// Nodes between calls below the root (doubling after each call that neither prunes nor
    /// fixes, back to 1 after one that does), and nodes passed over since the last call.
    private var interval = 1, skipped = 0
    static let maximumInterval = 64

    /// Subgradient steps at the root, and at each other node.
    static let rootIterations = 1_000, nodeIterations = 10

    /// The pruning for `model`, or `nil` when it has no knapsack rows to relax;
    /// `targetsAtRoot`: whether the target searches start at the root (see ``LagrangianTargets``).
    init?(model: Model, targetsAtRoot: Bool = false) {
        guard let relaxation = KnapsackLagrangian(model) else { return nil }
        self.relaxation = relaxation
        targets = LagrangianTargets(relaxation, startAfterNodes: targetsAtRoot ? 0 : LagrangianTargets.laterStart)
    }

    /// The point a target search found, once: the caller offers it to GLPK.
    func takePendingPoint() -> [Int]? { targets.takePendingPoint() }

    /// Handles one `GLP_IROWGEN` request; returns a proven bound of the whole model (objective
    /// value) when the root was just bounded or a target searched out. `searchedNodes`: GLPK's
    /// nodes so far (the monitor's count).
    func run(_ tree: OpaquePointer, searchedNodes: Int, sink: LogSink, stop: () -> Bool) -> Double? {
        let node = glp_ios_curr_node(tree)
        guard node != 0, let problem = glp_ios_get_prob(tree) else { return nil }
        let root = glp_ios_node_level(tree, node) == 0
        // The root's first relaxation (before any cut) prices the model's rows alone: its duals
        // start the multipliers with the bound at least the relaxation's value.
        if rootDuals == nil, root { rootDuals = rowDuals(problem) }
        let status = glp_mip_status(problem)
        guard status == GLP_FEAS || status == GLP_OPT else { return nil }
        let incumbent = glp_mip_obj_val(problem)
        let cutoff = Int(relaxation.internalCost(ofObjective: incumbent).rounded())
        guard node != lastNode || cutoff != lastCutoff else { return nil }
        lastNode = node; lastCutoff = cutoff
        // Every point costs at least what the targets proved: at the incumbent, nothing is left.
        if KnapsackLagrangian.excludes(targets.proven, cutoff: cutoff) {
            prune(problem, cutoff: cutoff)
            return provenObjective(cutoff: cutoff)
        }
        // The targets take their slice at every node, whatever the back-off.
        var rose = targets.advance(cutoff: cutoff, searchedNodes: searchedNodes, stop: stop, sink: sink)
        // Below the root, back off where it finds nothing (small models whose relaxation is
        // already tight): every node again as soon as a call prunes or fixes.
        if !root {
            skipped += 1
            guard skipped >= interval else { return rose ? provenObjective(cutoff: cutoff) : nil }
            skipped = 0
        }

        let (lower, upper) = nodeBounds(problem)
        let start = multipliers ?? relaxation.multipliers(fromDuals: rootDuals ?? rowDuals(problem))
        let (bound, best) = relaxation.optimise(lower: lower, upper: upper, start: start, cutoff: cutoff,
                                                iterations: root ? Self.rootIterations : Self.nodeIterations)
        if root || multipliers == nil { multipliers = best }
        if root { sink.write("Lagrangian bound at the root: \(relaxation.objective(ofInternalCost: bound)) (incumbent \(incumbent))\n") }
        if root {
            targets.prepare(rootBound: bound, multipliers: best)
            rose = targets.advance(cutoff: cutoff, searchedNodes: searchedNodes, stop: stop, sink: sink) || rose
        }
        // The root's bound holds for the whole model; a node's only for its subtree. (What the
        // targets prove is reported, not added as a row `cost ≥ bound` at the root: with that row
        // GLPK's relaxations sit on it and its heuristics found worse points, gapd-3 at 60 s: 6392
        // with the row, 6379 without.)
        let global = root ? relaxation.objective(ofInternalCost: min(max(bound, targets.proven), Double(cutoff)))
            : rose ? provenObjective(cutoff: cutoff) : nil
        if KnapsackLagrangian.excludes(bound, cutoff: cutoff) {
            prune(problem, cutoff: cutoff)
            interval = 1
            return global
        }
        // Columns fixed at the root keep GLPK's root rounds of cuts going (measured on gapc-6: the
        // root's MIR rounds ran the whole 60 s); below the root the fixings are the node's own.
        if !root { fixColumns(problem, lower: lower, upper: upper, multipliers: best, cutoff: cutoff) }
        return global
    }

    /// Below the root: fixes the columns the relaxation at `multipliers` allows (or prunes the
    /// node if its evaluation there passes the cutoff), and sets the back-off's next interval.
    private func fixColumns(_ problem: OpaquePointer, lower: [Int], upper: [Int], multipliers: KnapsackLagrangian.Multipliers,
                            cutoff: Int) {
        let found = relaxation.fixings(lower: lower, upper: upper, multipliers: multipliers, cutoff: cutoff)
        if KnapsackLagrangian.excludes(found.bound, cutoff: cutoff) {
            prune(problem, cutoff: cutoff)
            interval = 1
            return
        }
        let before = fixed
        apply(found.fixed, to: problem)
        interval = fixed > before ? 1 : min(2 * interval, Self.maximumInterval)
    }

    /// The proven bound as a model objective value, capped by the incumbent's cost `cutoff`.
    private func provenObjective(cutoff: Int) -> Double {
        relaxation.objective(ofInternalCost: min(targets.proven, Double(cutoff)))
    }

    /// The node's integer bounds of every column (GLPK keeps the model's columns in order).
    private func nodeBounds(_ problem: OpaquePointer) -> (lower: [Int], upper: [Int]) {
        var (lower, upper) = relaxation.modelBounds
        for j in 0..<relaxation.variableCount {
            let column = Int32(j + 1), type = glp_get_col_type(problem, column)
            // Only bounded columns are read; the model's own bounds are finite and stay otherwise.
            guard type == GLP_DB || type == GLP_FX else { continue }
            lower[j] = max(lower[j], Int((glp_get_col_lb(problem, column) - 1e-9).rounded(.up)))
            upper[j] = min(upper[j], Int((glp_get_col_ub(problem, column) + 1e-9).rounded(.down)))
        }
        return (lower, upper)
    }

    /// The duals of the model's rows in the node's relaxation (cut rows after them are ignored).
    private func rowDuals(_ problem: OpaquePointer) -> [Double] {
        let rows = Int(glp_get_num_rows(problem))
        return (0..<rows).map { glp_get_row_dual(problem, Int32($0 + 1)) }
    }

    /// Adds `Σ cost·x ≥ cutoff` to the node (a lazy row: GLPK re-solves the node and prunes it).
    private func prune(_ problem: OpaquePointer, cutoff: Int) {
        let terms = relaxation.costTerms
        guard !terms.isEmpty else { return }
        let i = glp_add_rows(problem, 1)
        // 1-based arrays, each column once and in range (GLPK aborts otherwise).
        let index = [Int32(0)] + terms.map { Int32($0.variable + 1) }
        let value = [0.0] + terms.map(\.coefficient)
        glp_set_mat_row(problem, i, Int32(terms.count), index, value)
        glp_set_row_bnds(problem, i, GLP_LO, Double(cutoff), 0)
        pruned += 1
    }

    /// Fixes each listed column that is non-basic at the listed value (see the type's notes).
    private func apply(_ list: [(variable: Int, value: Int)], to problem: OpaquePointer) {
        for (j, value) in list {
            let column = Int32(j + 1)
            guard glp_get_col_type(problem, column) == GLP_DB else { continue }
            let status = glp_get_col_stat(problem, column)
            guard (value == 0 && status == GLP_NL) || (value == 1 && status == GLP_NU) else { continue }
            glp_set_col_bnds(problem, column, GLP_FX, Double(value), Double(value))
            fixed += 1
        }
    }
}
