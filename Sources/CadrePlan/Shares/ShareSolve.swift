import Scenario

/// The solutions of one share's blocks, ready to be written as a ``PartialPlan``.
public struct ShareSolution: Sendable {
    /// The share solved.
    public var share: BlockShare
    /// The number of independent blocks of the whole scenario.
    public var blockCount: Int
    /// The share's blocks, ascending.
    public var blocks: [PartialPlan.BlockResult]
    /// Wall-clock seconds of `prepare` and `solve`.
    public var seconds: [String: Double]
}

extension Planner {
    /// Solves only the blocks of `share`, exactly as ``plan(_:options:)`` solves them: the same
    /// classes, blocks, models and solver calls, so that ``merge(_:scenario:options:)`` can put the
    /// shares together into the plan a single run would make.
    public func solve(_ scenario: Scenario, share: BlockShare, options: PlannerOptions = PlannerOptions()) throws -> ShareSolution {
        let clock = Stopwatch()
        let problem = try PlanningProblem(scenario, options: options)
        let mine = share.blocks(sizes: problem.blockSizes)
        let models = mine.map(problem.model)
        let prepare = clock.lap()
        let solved = try solve(mine, models: models, of: problem, options: options)
        var results: [PartialPlan.BlockResult] = []
        for (j, i) in mine.enumerated() {
            let s = solved.solutions[j]
            results.append(PartialPlan.BlockResult(
                block: i + 1, variables: models[j].model.variables.count, rows: models[j].model.constraints.count,
                network: solved.network[j], simplexIterations: s.iterations, nodes: s.nodes,
                tiers: s.tiers.map { PartialPlan.TierResult(name: $0.name, value: $0.value, bound: $0.bound, status: $0.status, seconds: $0.seconds) },
                values: s.values.map { Int($0.rounded()) }))
        }
        return ShareSolution(share: share, blockCount: problem.blocks.count, blocks: results,
                             seconds: ["prepare": prepare, "solve": clock.lap()])
    }
}

extension PlanningProblem {
    /// The number of variables of each block's model, counted without building it: one per arc
    /// and one per (cadre class, wave) with arcs. The split into shares balances these.
    var blockSizes: [Int] {
        blocks.map { b in
            var dispatch = Set<BlockModel.ClassWave>()
            for i in b.arcs { dispatch.insert(.init(cadreClass: partition.arcs[i].cadreClass, wave: partition.arcs[i].wave)) }
            return b.arcs.count + dispatch.count
        }
    }
}
