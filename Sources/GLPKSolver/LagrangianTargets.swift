import MIP

/// The Lagrangian target searches of one solve (``MIP/LagrangianTargetSearch``), spread over
/// GLPK's search: ``rootNodes`` nodes when the root is first bounded, then ``nodeNodes`` more at
/// each node GLPK solves, resuming where the last slice stopped, up to ``totalNodes`` in all, so
/// that GLPK's heuristics keep improving the incumbent while the targets raise the bound.
///
/// The first target is the least cost the root's Lagrangian bound allows (costs are integers, and
/// multiples of their greatest common divisor). A target searched out proves that every point
/// costs at least one step more, and the next target starts; a point found costs exactly its
/// target, the least any point can cost, and waits for GLPK's next request for heuristic points.
/// Targets at or above the incumbent's cost are not searched.
final class LagrangianTargets {
    private let relaxation: KnapsackLagrangian
    private var search: LagrangianTargetSearch?
    private var started = false
    /// The multipliers each target's search starts from (the root's).
    private var start: KnapsackLagrangian.Multipliers?
    /// The least internal cost any point can have, as proven so far.
    private(set) var proven = -Double.infinity
    /// A point a search found (checked from scratch by it), until GLPK takes it.
    private var pending: [Int]?

    /// Target-search nodes at the root, at each later node, and in the whole solve. The total
    /// keeps a search that cannot finish from taxing every node: on small one-to-many models,
    /// where a node of GLPK's costs microseconds, slices at every node without it made the quick
    /// pass's twenty scenarios take 16× as long.
    static let rootNodes = 5_000, nodeNodes = 50, totalNodes = 6_000
    /// Target-search nodes spent so far.
    private var spent = 0
    /// The most targets between the root's bound and the incumbent for the searches to start
    /// (gapd-3 starts 52 apart; every problem of gapa–gapc within 10).
    static let maximumTargets = 64

    /// The step between targets: the costs' greatest common divisor.
    private let step: Int

    init(_ relaxation: KnapsackLagrangian) {
        self.relaxation = relaxation
        step = relaxation.costStep
    }

    /// Starts the searches from the root's `bound` and `multipliers` (on the first call) or
    /// resumes them for up to `nodes` nodes, searching targets below `cutoff` (the incumbent's
    /// internal cost). Returns whether the proven bound rose.
    func advance(rootBound bound: Double?, multipliers: KnapsackLagrangian.Multipliers?, cutoff: Int, nodes: Int,
                 stop: () -> Bool, sink: LogSink) -> Bool {
        if !started {
            guard let bound, bound.isFinite, let multipliers else { return false }
            started = true
            start = multipliers
            proven = max(proven, bound)
            let steps = bound / Double(step)
            // Int(_:) traps beyond its range; bounds that far out have no target worth searching.
            guard abs(steps) < 1e15 else { return false }
            let first = step * Int((steps - 1e-6 * (1 + abs(steps))).rounded(.up))
            // Targets a step apart: with more than a few dozen between the bound and the incumbent
            // the searches cannot close the gap (weighted tiers' costs run to thousands).
            guard (cutoff - first) / step <= Self.maximumTargets else { return false }
            begin(target: first)
        }
        let allowed = min(nodes, Self.totalNodes - spent)
        var budget = allowed, rose = false
        defer { spent += allowed - budget }
        while budget > 0, let target = search?.target {
            guard target < cutoff else { search = nil; break }
            // Through the optional in place: a copy would copy the search's stack.
            let (outcome, used) = search!.run(nodes: budget, stop: stop)
            budget -= used
            let value = relaxation.objective(ofInternalCost: Double(target)), searched = search!.searched
            switch outcome {
            case .found(let point, _):
                pending = point
                search = nil
                sink.write("Lagrangian target \(value): point found in \(searched) nodes\n")
            case .exhausted:
                proven = max(proven, Double(target + step))
                rose = true
                sink.write("Lagrangian target \(value): no point, searched in \(searched) nodes\n")
                begin(target: target + step)
            case .stopped:
                return rose
            }
        }
        return rose
    }

    /// The point a search found, once: the caller offers it to GLPK.
    func takePendingPoint() -> [Int]? {
        defer { pending = nil }
        return pending
    }

    private func begin(target: Int) {
        guard let start else { return }
        let (lower, upper) = relaxation.modelBounds
        search = LagrangianTargetSearch(relaxation, target: target, lower: lower, upper: upper, start: start)
    }
}
