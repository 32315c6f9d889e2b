import CGLPK
import MIP

/// State shared between a solve and GLPK's branch-and-bound callback.
///
/// The callback is a C function pointer and cannot capture Swift context, so GLPK
/// hands this object back through its `void *info` argument (an unretained
/// `Unmanaged` reference kept alive by the solve for the whole `glp_intopt` call).
/// It is used on the solving thread only.
final class SearchMonitor {
    /// Minimise or maximise: decides which of two bounds is tighter.
    let sense: Sense
    /// The caller's progress callback.
    let progress: (@Sendable (Progress) -> Void)?
    /// When to stop the search, if there is a time limit.
    let deadline: ContinuousClock.Instant?
    /// A verified initial point to offer as the first incumbent.
    let initialPoint: InitialPoint?
    /// Where notes about the initial point go.
    let sink: LogSink
    /// cadreplan's own primal heuristics, when the settings and the model's shape call for them.
    let heuristic: HeuristicSchedule?
    /// cadreplan's own cuts, likewise.
    let cuts: CoverCuts?
    /// Lagrangian pruning and fixing, likewise.
    let lagrangian: LagrangianPruning?
    /// The caller's node limit, if any.
    let nodeLimit: NodeLimit?
    /// The caller's request to stop, polled at every callback.
    var cancellation: Cancellation?

    /// The tightest proven bound on the optimum seen so far.
    private(set) var bound: Double?
    /// Branch-and-bound nodes created so far (GLPK's total node count).
    private(set) var nodes = 0
    /// Whether the initial point has been offered to GLPK.
    private(set) var initialPointOffered = false
    /// Whether this monitor stopped the search because the deadline passed.
    private(set) var stoppedAtDeadline = false
    /// Whether this monitor stopped the search at the caller's node limit.
    private(set) var stoppedAtNodeLimit = false
    /// Nodes whose processing has finished (GLPK asks for the next node after each).
    private var nodesDone = 0
    /// Whether this monitor stopped the search because the caller cancelled it.
    private(set) var stoppedByCancellation = false
    /// When progress was last reported.
    private var lastReport: ContinuousClock.Instant?
    /// Progress reports at most this often, except on a new incumbent.
    static let reportInterval = Duration.milliseconds(200)

    /// Creates a monitor; `rootBound` is the LP relaxation's optimum, already a valid bound.
    init(sense: Sense, rootBound: Double?, progress: (@Sendable (Progress) -> Void)?,
         deadline: ContinuousClock.Instant?, initialPoint: InitialPoint?, sink: LogSink,
         heuristic: HeuristicSchedule? = nil, cuts: CoverCuts? = nil, lagrangian: LagrangianPruning? = nil,
         nodeLimit: NodeLimit? = nil) {
        self.sense = sense; self.bound = rootBound; self.progress = progress
        self.deadline = deadline; self.initialPoint = initialPoint; self.sink = sink
        self.heuristic = heuristic
        self.cuts = cuts
        self.lagrangian = lagrangian
        self.nodeLimit = nodeLimit
    }

    /// The C callback installed as `glp_iocp.cb_func`.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<SearchMonitor>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }

    /// Tightens the bound with `candidate` if it is a better proven bound.
    func tighten(with candidate: Double) {
        guard let bound else { bound = candidate; return }
        self.bound = sense == .minimize ? max(bound, candidate) : min(bound, candidate)
    }

    /// Handles one callback from `glp_intopt`.
    private func handle(_ tree: OpaquePointer) {
        var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        nodes = max(nodes, Int(total))
        let incumbent = currentIncumbent(tree)
        updateBound(tree, incumbent: incumbent)

        switch glp_ios_reason(tree) {
        case GLP_IHEUR:
            offerInitialPoint(tree)
            offerTargetPoint(tree)
            // A heuristic's incumbent never passes through GLP_IBINGO: report it here, as that would.
            if heuristic?.run(tree, sink: sink) == true { report(incumbent: currentIncumbent(tree), force: true) }
        case GLP_IROWGEN:
            if let proven = lagrangian?.run(tree, searchedNodes: nodes, sink: sink, stop: { self.shouldStop }) { tighten(with: proven) }
        case GLP_ICUTGEN:
            cuts?.run(tree, sink: sink)
        case GLP_IBINGO:
            report(incumbent: incumbent, force: true)
        case GLP_ISELECT:
            report(incumbent: incumbent, force: false)
            nodesDone += 1
            stopAtNodeLimit(tree, hasIncumbent: incumbent != nil)
        default:
            break
        }

        // GLPK's own tm_lim covers only glp_intopt and is checked between nodes; this
        // enforces the caller's wall-clock deadline (which began before the root LP) too.
        if let deadline, ContinuousClock.now >= deadline, !stoppedAtDeadline {
            stoppedAtDeadline = true
            glp_ios_terminate(tree)
        }
        if cancellation?.isCancelled == true, !stoppedByCancellation, !stoppedAtDeadline {
            stoppedByCancellation = true
            glp_ios_terminate(tree)
        }
    }

    /// Ends the search once the caller's node limit is reached (checked between nodes).
    private func stopAtNodeLimit(_ tree: OpaquePointer, hasIncumbent: Bool) {
        guard let nodeLimit, !stoppedAtNodeLimit else { return }
        let reached = nodeLimit.nodes.map { hasIncumbent && nodesDone >= $0 } ?? false
        let fruitless = nodeLimit.nodesWithoutSolution.map { !hasIncumbent && nodesDone >= $0 } ?? false
        guard reached || fruitless else { return }
        stoppedAtNodeLimit = true
        glp_ios_terminate(tree)
    }

    /// The objective of GLPK's current incumbent, if it has one.
    private func currentIncumbent(_ tree: OpaquePointer) -> Double? {
        guard let problem = glp_ios_get_prob(tree) else { return nil }
        let status = glp_mip_status(problem)
        return status == GLP_FEAS || status == GLP_OPT ? glp_mip_obj_val(problem) : nil
    }

    /// Reads the best local bound of the active nodes and tightens the global bound.
    private func updateBound(_ tree: OpaquePointer, incumbent: Double?) {
        let best = glp_ios_best_node(tree)
        // 0 means no active node; glp_ios_node_bound aborts on an invalid reference.
        guard best != 0 else { return }
        var candidate = glp_ios_node_bound(tree, best)
        // Nodes not yet solved carry ∓DBL_MAX as their bound: no information.
        guard candidate.isFinite, abs(candidate) < 0.5 * Double.greatestFiniteMagnitude else { return }
        // The global bound is the better of the best open node and the incumbent.
        if let incumbent {
            candidate = sense == .minimize ? min(candidate, incumbent) : max(candidate, incumbent)
        }
        tighten(with: candidate)
    }

    /// Offers the verified initial point at the root, once.
    private func offerInitialPoint(_ tree: OpaquePointer) {
        guard let initialPoint, !initialPointOffered else { return }
        let node = glp_ios_curr_node(tree)
        guard node != 0, glp_ios_node_level(tree, node) == 0 else { return }
        initialPointOffered = true
        let rejected = initialPoint.oneBased.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
        if rejected != 0 {
            // GLPK declines a point no better than its incumbent; that is not an error.
            sink.write("Initial solution not used: GLPK already has one at least as good\n")
        }
    }

    /// Whether the caller's deadline has passed or the solve was cancelled (for work inside one
    /// callback that runs long enough to check).
    private var shouldStop: Bool {
        if let deadline, ContinuousClock.now >= deadline { return true }
        return cancellation?.isCancelled == true
    }

    /// Offers the point a Lagrangian target search found, once (checked when it was found).
    private func offerTargetPoint(_ tree: OpaquePointer) {
        guard let point = lagrangian?.takePendingPoint() else { return }
        let oneBased = [0.0] + point.map(Double.init)
        if oneBased.withUnsafeBufferPointer({ glp_ios_heur_sol(tree, $0.baseAddress) }) == 0 {
            sink.write("Heuristic (lagrangian target): accepted\n")
            report(incumbent: currentIncumbent(tree), force: true)
        }
    }

    /// Calls the progress callback, at most every ``reportInterval`` unless forced.
    private func report(incumbent: Double?, force: Bool) {
        guard let progress else { return }
        let now = ContinuousClock.now
        if !force, let lastReport, now - lastReport < Self.reportInterval { return }
        lastReport = now
        progress(Progress(incumbent: incumbent, bound: bound,
                          gap: relativeGap(objective: incumbent, bound: bound), nodes: nodes))
    }
}

/// The relative gap as ``Solution/gap`` defines it: |objective − bound| / max(1, |objective|).
///
/// GLPK's own `glp_ios_mip_gap` divides by |objective| + ε instead; this form keeps
/// progress reports and the final ``Solution`` on one definition and stays finite near 0.
func relativeGap(objective: Double?, bound: Double?) -> Double? {
    guard let objective, let bound else { return nil }
    return abs(objective - bound) / max(1, abs(objective))
}
