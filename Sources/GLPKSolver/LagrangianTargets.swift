import MIP

/// The Lagrangian target searches of one solve (``MIP/LagrangianTargetSearch``), spread over
/// GLPK's search. They start when the root is bounded, or on smaller models once GLPK has
/// searched ``laterStart`` nodes without finishing (most end before, and pay nothing; the choice
/// is ``SearchSettings``'), with ``firstNodes`` nodes, then take
/// ``nodeNodes`` more at each node GLPK solves, resuming where the last slice stopped, up to
/// ``totalNodes`` in all, so that GLPK's heuristics keep improving the incumbent while the
/// targets raise the bound.
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

    /// GLPK's nodes before the searches start; their nodes in the first slice, at each later
    /// node, and in the whole solve. The total keeps a search that cannot finish from taxing
    /// every node: on small one-to-many models, where a node of GLPK's costs microseconds, slices
    /// at every node without it made the quick pass's twenty scenarios take 16× as long; the
    /// start keeps it off the many that GLPK proves in a few nodes.
    static let laterStart = 200, firstNodes = 5_000, nodeNodes = 50, totalNodes = 6_000
    /// GLPK's nodes before the searches start (0: at the root).
    private let startAfterNodes: Int
    /// The root's Lagrangian bound and multipliers, once the root has been bounded.
    private var root: (bound: Double, multipliers: KnapsackLagrangian.Multipliers)?
    /// Target-search nodes spent so far.
    private var spent = 0
    /// The most targets between the root's bound and the incumbent for the searches to start
    /// (gapd-3 starts 52 apart; every problem of gapa–gapc within 10).
    static let maximumTargets = 64

    /// The step between targets: the costs' greatest common divisor.
    private let step: Int

    init(_ relaxation: KnapsackLagrangian, startAfterNodes: Int) {
        self.relaxation = relaxation
        self.startAfterNodes = startAfterNodes
        step = relaxation.costStep
    }

    /// Records the root's bound and multipliers, from which the searches start.
    func prepare(rootBound bound: Double, multipliers: KnapsackLagrangian.Multipliers) {
        if root == nil { root = (bound, multipliers) }
    }

    /// Starts the searches once GLPK has searched `startAfterNodes` nodes (`searchedNodes`),
    /// or resumes them, searching targets below `cutoff` (the incumbent's internal cost).
    /// Returns whether the proven bound rose.
    func advance(cutoff: Int, searchedNodes: Int, stop: () -> Bool, sink: LogSink) -> Bool {
        var nodes = Self.nodeNodes
        if !started {
            guard let root, searchedNodes >= startAfterNodes else { return false }
            started = true
            guard begin(rootBound: root.bound, multipliers: root.multipliers, cutoff: cutoff) else { return false }
            nodes = Self.firstNodes
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

    /// Starts the first target from the root's bound; whether it is worth starting: a bound far
    /// from the incumbent (weighted tiers' costs run to thousands) leaves too many targets.
    private func begin(rootBound bound: Double, multipliers: KnapsackLagrangian.Multipliers, cutoff: Int) -> Bool {
        start = multipliers
        proven = max(proven, bound)
        let steps = bound / Double(step)
        // Int(_:) traps beyond its range; bounds that far out have no target worth searching.
        guard abs(steps) < 1e15 else { return false }
        let first = step * Int((steps - 1e-6 * (1 + abs(steps))).rounded(.up))
        guard (cutoff - first) / step <= Self.maximumTargets else { return false }
        begin(target: first)
        return true
    }

    private func begin(target: Int) {
        guard let start else { return }
        let (lower, upper) = relaxation.modelBounds
        search = LagrangianTargetSearch(relaxation, target: target, lower: lower, upper: upper, start: start)
    }
}
