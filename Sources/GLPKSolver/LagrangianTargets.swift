import MIP

/// The Lagrangian target searches of one solve (``MIP/LagrangianTargetSearch``), spread over
/// GLPK's search: ``rootNodes`` nodes when the root is first bounded, then ``nodeNodes`` more at
/// each node GLPK solves, resuming where the last slice stopped, so neither search starves the
/// other (GLPK's heuristics keep improving the incumbent while the targets raise the bound).
///
/// The first target is the least integer cost the root's Lagrangian bound allows. A target
/// searched out proves that every point costs at least one more, and the next target starts; a
/// point found costs exactly its target, the least any point can cost, and waits for GLPK's next
/// request for heuristic points. Targets at or above the incumbent's cost are not searched.
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

    /// Target-search nodes at the root, and at each later node.
    static let rootNodes = 5_000, nodeNodes = 50

    init(_ relaxation: KnapsackLagrangian) {
        self.relaxation = relaxation
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
            begin(target: Int((bound - 1e-6 * (1 + abs(bound))).rounded(.up)))
        }
        var budget = nodes, rose = false
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
                proven = max(proven, Double(target + 1))
                rose = true
                sink.write("Lagrangian target \(value): no point, searched in \(searched) nodes\n")
                begin(target: target + 1)
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
