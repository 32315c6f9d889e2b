import Dispatch
import Foundation
import MIP
import Scenario

/// What the planner reports while it works.
public struct PlanProgress: Sendable {
    /// `prepare`, `solve`, `expand`.
    public var phase: String
    /// Tier being solved, if any.
    public var tier: String?
    /// Block being solved (1-based) and the number of blocks.
    public var block: Int
    public var blocks: Int
    /// The solver's latest figures (values of the block's tier objective).
    public var incumbent: Double?
    public var bound: Double?
    public var gap: Double?
}

/// Options of a planning run.
public struct PlannerOptions: Sendable {
    /// Replaces the scenario's mode.
    public var mode: AssignmentMode?
    /// Replaces the scenario's tier order (`nil`: scenario.yaml's `tiers`, else the mode's default).
    public var tierOrder: [Tier]?
    /// Assignments of an earlier plan: moving any of them costs `weights.move` in a stability
    /// tier between timeliness and quality (re-planning). `nil`: no stability tier.
    public var previous: [Pin]?
    /// Solve over classes of interchangeable cadres and targets (exact; see docs/MODEL.md).
    public var aggregate = true
    /// Wall-clock limit for all solves together, seconds.
    public var timeLimit: Double?
    /// Solve independent blocks on several threads when the solver allows it.
    public var parallel = true
    /// Skip a tier's own search when the next tier's first solution can prove its root bound
    /// (``DeferredTier``; exact, the same tier values): `true`, `false`, or `nil` for blocks of
    /// more than ``LexicographicSolve/deferralColumns`` variables only. Never with a time limit.
    public var deferProofs: Bool?
    /// Progress reports.
    public var progress: (@Sendable (PlanProgress) -> Void)?
    /// Raised from another thread to stop planning: the planner then throws ``PlanError/cancelled``
    /// (checked before every tier's solve and polled during GLPK's search; not inside a simplex).
    public var cancellation: Cancellation?
    /// Receives the solver's own log lines.
    public var solverLog: (@Sendable (String) -> Void)?
    /// Receives each block's model and tier objective before it is solved (for `--write-model`).
    public var modelSink: (@Sendable (_ block: Int, _ tier: String, _ model: Model) throws -> Void)?
    /// Solves blocks that are pure assignment problems as one maximum weight matching
    /// (exact; see ``MatchingSolver``); `nil` solves every block as an integer program.
    public var matchingSolver: (any MatchingSolver)?
    /// Re-planning: keep every cadre and target of a keepable earlier pair in a class of its own
    /// (what the planner falls back to should the class model's kept count ever not be realised;
    /// tests compare the two).
    var earlierParticipantsApart = false
    /// Creates options.
    public init(mode: AssignmentMode? = nil, aggregate: Bool = true, timeLimit: Double? = nil, parallel: Bool = true) {
        self.mode = mode; self.aggregate = aggregate; self.timeLimit = timeLimit; self.parallel = parallel
    }
}

/// Why planning failed.
public enum PlanError: Error, CustomStringConvertible, Sendable {
    /// Pinned assignments break a rule of the model (each problem located at its pin).
    case invalidPins([InputError])
    /// No plan satisfies the hard rules (only pins can cause this).
    case infeasible(String)
    /// The time limit ran out before any plan was found.
    case noPlanInTime
    /// The solver failed.
    case solver(String)
    /// ``PlannerOptions/cancellation`` was raised before the plan was finished.
    case cancelled

    public var description: String {
        switch self {
        case .invalidPins(let list): "pins break the rules:\n" + list.map { "  " + $0.description }.joined(separator: "\n")
        case .infeasible(let why): "no plan satisfies the hard rules: \(why)"
        case .noPlanInTime: "the time limit ran out before any plan was found; raise --time-limit"
        case .solver(let why): "solver failure: \(why)"
        case .cancelled: "planning was cancelled; no plan was made"
        }
    }
}

/// Turns a scenario into an optimal plan: classes, blocks, tiers in sequence, expansion.
public struct Planner: Sendable {
    /// The backend.
    public let solver: any MIPSolver
    /// Creates a planner using `solver`.
    public init(solver: any MIPSolver) { self.solver = solver }

    /// Plans `scenario` lexicographically, tier after tier in the scenario's tier order.
    ///
    /// When re-planning, the class model's stability tier is checked against the plan it expands
    /// to (the kept pairs recounted from the pairs). docs/MODEL.md proves they agree; should they
    /// ever not, the planner solves again with every cadre and target of a keepable earlier pair in
    /// a class of its own, reports that in ``PlanStatistics/replanClasses``, and never returns a
    /// plan whose stability differs from its recount.
    public func plan(_ scenario: Scenario, options: PlannerOptions = PlannerOptions()) throws -> Plan {
        // Whatever a cancelled run throws (a block's solver error, say), it ends as `.cancelled`,
        // and a run cancelled after its last solve (inside a simplex, or the matching path) makes no plan either.
        do {
            let plan = try planUncancelled(scenario, options: options)
            if options.cancellation?.isCancelled == true { throw PlanError.cancelled }
            return plan
        } catch where options.cancellation?.isCancelled == true {
            throw PlanError.cancelled
        }
    }

    /// ``plan(_:options:)`` without the cancellation check around it.
    private func planUncancelled(_ scenario: Scenario, options: PlannerOptions) throws -> Plan {
        let clock = Stopwatch()
        let problem = try PlanningProblem(scenario, options: options)
        let apart = options.earlierParticipantsApart
        var attempt = try solve(problem, options: options, clock: clock)
        let replanning = problem.prepared.previous != nil
        if replanning { attempt.plan.statistics.replanClasses = apart ? "participants apart" : "classes" }
        if let why = attempt.inexact, options.aggregate, !apart, replanning {
            options.progress?(PlanProgress(phase: "fallback", tier: nil, block: 0, blocks: 0))
            let apartProblem = PlanningProblem(problem.prepared, aggregate: true, participantsApart: true)
            attempt = try solve(apartProblem, options: options, clock: clock)
            attempt.plan.statistics.replanClasses = "participants apart (fallback: \(why))"
        }
        if let why = attempt.inexact { throw PlanError.solver("internal check failed: \(why)") }
        return attempt.plan
    }

    /// Every block of `problem` solved, assembled into a plan, with the time of each phase added.
    private func solve(_ problem: PlanningProblem, options: PlannerOptions, clock: Stopwatch) throws -> PlanningProblem.Assembly {
        let all = Array(problem.blocks.indices)
        let models = all.map(problem.model)
        var stats = problem.statistics(models: models)
        stats.seconds["prepare", default: 0] += clock.lap()
        let solved = try solve(all, models: models, of: problem, options: options)
        stats.threads = solved.threads
        stats.seconds["solve", default: 0] += clock.lap()
        var attempt = problem.assemble(models: models, solutions: solved.solutions, network: solved.network, statistics: stats)
        attempt.plan.statistics.seconds["expand", default: 0] += clock.lap()
        return attempt
    }

    /// Solves the blocks `indices` of `problem` (their `models` in the same order), largest first
    /// so the long one starts at once, on several threads when allowed. Returns each block's
    /// solution and whether the network fast path solved it, in the order of `indices`.
    func solve(_ indices: [Int], models: [BlockModel], of problem: PlanningProblem, options: PlannerOptions)
        throws -> (solutions: [BlockSolution], network: [Bool], threads: Int)
    {
        let order = models.indices.sorted { (models[$0].model.variables.count, $1) > (models[$1].model.variables.count, $0) }
        let threads = options.parallel && solver.supportsConcurrentSolves ? min(ProcessInfo.processInfo.activeProcessorCount, max(1, models.count)) : 1
        let deadline = options.timeLimit.map { Date().addingTimeInterval($0) }
        let results = ResultBox<BlockSolution>(count: models.count)
        let network = ResultBox<Bool>(count: models.count)
        let next = Counter()
        let (solver, blocks, partition, total) = (solver, problem.blocks, problem.partition, problem.blocks.count)
        let work: @Sendable () -> Void = {
            while let j = next.take(below: order.count) {
                let i = order[j], block = indices[i]
                results.set(i, Result {
                    if options.previous == nil, let matching = options.matchingSolver, let fast = NetworkFastPath.solve(
                        block: blocks[block], model: models[i], partition: partition, matching: matching, options: options) {
                        network.set(i, .success(true))
                        return fast
                    }
                    return try LexicographicSolve(solver: solver, block: block, blocks: total, deadline: deadline, options: options).run(models[i])
                })
            }
            solver.releaseThreadResources()
        }
        if threads > 1 {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
        } else {
            work()
        }
        var solutions: [BlockSolution] = []
        for r in results.values { solutions.append(try r!.get()) }
        return (solutions, network.values.map { $0 != nil }, threads)
    }
}

/// A scenario prepared for solving: the rule book (with the run's mode, tiers and earlier plan),
/// the classes and the independent blocks. Block models are built on demand, so a share of
/// the blocks (``BlockShare``) builds only its own.
struct PlanningProblem: Sendable {
    let prepared: PreparedScenario
    let partition: ClassPartition
    let blocks: [Block]

    /// Prepares `scenario`; throws ``PlanError/invalidPins(_:)`` when pins break a rule.
    init(_ scenario: Scenario, options: PlannerOptions) throws {
        let prepared = PreparedScenario(scenario, mode: options.mode, tierOrder: options.tierOrder, previous: options.previous)
        let pinProblems = PinCheck.problems(prepared)
        if !pinProblems.isEmpty { throw PlanError.invalidPins(pinProblems) }
        self.init(prepared, aggregate: options.aggregate, participantsApart: options.earlierParticipantsApart)
    }

    /// Partitions an already prepared (and pin-checked) scenario.
    init(_ prepared: PreparedScenario, aggregate: Bool, participantsApart: Bool) {
        self.prepared = prepared
        partition = ClassPartition(prepared, aggregate: aggregate, participantsApart: participantsApart)
        blocks = partition.blocks(prepared)
    }

    /// The integer program of block `i`.
    func model(_ i: Int) -> BlockModel {
        BlockModel(block: blocks[i], partition: partition, prepared: prepared, name: "block\(i + 1)")
    }

    /// What is known before solving, given every block's model: classes, blocks, model sizes.
    func statistics(models: [BlockModel]) -> PlanStatistics {
        var stats = PlanStatistics()
        stats.cadreClasses = partition.cadreClasses.count
        stats.targetClasses = partition.targetClasses.count
        stats.blocks = blocks.count
        stats.individualModel = partition.individualSize(prepared)
        for m in models {
            stats.solvedModel.variables += m.size.variables
            stats.solvedModel.rows += m.size.rows
            stats.solvedModel.nonzeros += m.size.nonzeros
        }
        return stats
    }

    /// A plan assembled from block solutions, and whether it realises the class solution.
    struct Assembly {
        /// The plan.
        var plan: Plan
        /// Why the plan does not match the class solution, or `nil` when it does.
        var inexact: String?
    }

    /// The plan made of every block's solution (`models`, `solutions` and `network` in block
    /// order): tier values, effort counters and the expanded pairs (pinned pairs included).
    func assemble(models: [BlockModel], solutions: [BlockSolution], network: [Bool], statistics: PlanStatistics) -> Assembly {
        var stats = statistics
        stats.networkBlocks = network.filter { $0 }.count
        // Tier values: each block's, plus the part of the tier's constant no block holds (the
        // shortfall of targets no cadre can serve, earlier pairs no arc can keep) and what pins fix.
        var tiers: [TierOutcome] = []
        let pinned = partition.pinned.pairs
        for (t, tier) in prepared.tiers.enumerated() {
            var value = prepared.tierValue(tier, pairs: pinned) - models.reduce(0) { $0 + Int($1.tiers[t].constant) }
            var bound: Int? = value
            var status = "optimal"
            var seconds = 0.0
            for s in solutions {
                value += s.tiers[t].value; seconds += s.tiers[t].seconds
                bound = bound.flatMap { b in s.tiers[t].bound.map { b + $0 } }
                if !s.tiers[t].isOptimal { status = s.tiers[t].status }
            }
            let gap = bound.map { LexicographicSolve.gap(value, $0) }
            tiers.append(TierOutcome(tier: tier, value: value, bound: bound, status: status, gap: gap, seconds: seconds))
        }
        for s in solutions { stats.simplexIterations += s.iterations; stats.nodes += s.nodes }

        var pairs = pinned
        var inexact: String? = nil
        for (i, b) in blocks.enumerated() {
            let expanded = Expansion.expand(block: b, model: models[i], values: solutions[i].values, partition: partition, prepared: prepared)
            pairs += expanded.pairs
            if !expanded.complete { inexact = "block \(i + 1) could not be expanded" }
        }
        pairs.sort()
        if inexact == nil, let t = tiers.firstIndex(where: { $0.tier == .stability }) {
            // The kept pairs are recounted from the plan itself. Within a proven optimum they must
            // agree with the class model; a tier stopped early may have kept more than its count.
            let recount = prepared.tierValue(.stability, pairs: pairs)
            if recount < tiers[t].value && !tiers[t].isOptimal {
                tiers[t].value = recount
                tiers[t].gap = tiers[t].bound.map { LexicographicSolve.gap(recount, $0) }
            } else if recount != tiers[t].value {
                inexact = "stability recounted from the plan is \(recount), the class model's \(tiers[t].value)"
            }
        }
        return Assembly(plan: Plan(prepared: prepared, pairs: pairs, tiers: tiers, statistics: stats), inexact: inexact)
    }
}

extension ClassPartition {
    /// The size of the individual model x[c,t,w], y[c,w] of the same scenario, counted from the classes.
    func individualSize(_ p: PreparedScenario) -> ModelSize {
        var x = 0
        var cadreWaves: Set<BlockModel.ClassWave> = []
        for a in arcs {
            x += cadreClasses[a.cadreClass].members.count * targetClasses[a.targetClass].members.count
            cadreWaves.insert(.init(cadreClass: a.cadreClass, wave: a.wave))
        }
        var y = 0
        for cw in cadreWaves { y += cadreClasses[cw.cadreClass].members.count }
        let cadresWithArcs = Set(arcs.map(\.cadreClass)).reduce(0) { $0 + cadreClasses[$1].members.count }
        let targetsWithArcs = Set(arcs.map(\.targetClass)).reduce(0) { $0 + targetClasses[$1].members.count }
        // Rows: once per cadre, two per (cadre, wave), one per target, one quota row per level and wave.
        let rows = cadresWithArcs + 2 * y + targetsWithArcs + p.scenario.waves.count * Level.allCases.count
        // Each x sits in its cadre's two rows and its target's row; each y in three rows and a quota row.
        return ModelSize(variables: x + y, rows: rows, nonzeros: 3 * x + 4 * y)
    }
}
