import Foundation
import MIP

/// The outcome of one block: its tier outcomes and the final variable values.
struct BlockSolution: Sendable {
    var tiers: [TierOutcome]
    var values: [Double]
    var iterations = 0
    var nodes = 0
}

/// Solves a block's tiers in sequence, each later tier constrained to keep the earlier ones.
///
/// Every cost and weight is an integer, so a tier's optimum is an exact integer and
/// "keep tier i at its optimum" is the exact row `Σ terms_i ≤ v_i − constant_i`,
/// not a tolerance. A weighted single objective with huge weights would instead
/// interact with the solver's relative gap and could give up lower tiers silently.
///
/// With ``PlannerOptions/deferProofs`` a tier's own search may be skipped (``DeferredTier``):
/// the next tier's first solution proves it instead.
struct LexicographicSolve {
    let solver: any MIPSolver
    let block: Int
    let blocks: Int
    let deadline: Date?
    let options: PlannerOptions

    /// Nodes a tier before the last is searched before its proof is deferred: the root only.
    static let deferredSearchNodes = 1
    /// Variables above which a block defers its tiers' proofs by default. Measured (docs/PERFORMANCE.md,
    /// "Deferred tier proofs"): on hainan-2022's 32,000-variable block a node costs a large LP, and
    /// deferring the coverage and timeliness tiers saves their searches; on small models such as
    /// OR-Library's GAP (at most 4,000) a tier's own search is cheap and its incumbent gives the
    /// next tier a start, which deferring gives up (gap12-5: 2.4 s in order, 5.2 s deferred).
    static let deferralColumns = 8_000

    /// Nodes the tier after a deferred one may search for its first solution before the bet is
    /// called off (a wrong bet makes that tier infeasible, which a search could take long to prove).
    static let proofNodes = 200

    func run(_ bm: BlockModel) throws -> BlockSolution {
        var run = try TierRun(bm, solver: solver)
        let deferring = deadline == nil && (options.deferProofs ?? (bm.model.variables.count > Self.deferralColumns))
        let last = bm.tiers.lastIndex { !$0.terms.isEmpty }
        var t = 0
        while t < bm.tiers.count {
            let tier = bm.tiers[t]
            if tier.tier == .stability && !bm.keepRows.isEmpty { try run.addKeepRows() }
            if tier.terms.isEmpty {
                // Nothing to optimise (e.g. one wave only): the value is the constant.
                run.outcomes[t] = TierOutcome(tier: tier.tier, exact: Int(tier.constant))
                t += 1
                continue
            }
            let mayDefer = deferring && t != last
            let limit = mayDefer
                ? NodeLimit(nodes: Self.deferredSearchNodes, nodesWithoutSolution: run.pending == nil ? Self.deferredSearchNodes : Self.proofNodes)
                : run.pending.map { _ in NodeLimit(nodesWithoutSolution: Self.proofNodes) }
            var solution = try solve(tier, in: &run, limit: limit)
            if let pending = run.pending {
                guard let proven = pending.proof(by: solution) else {
                    // The bet did not hold (or no solution came in time): solve the deferred
                    // tier in full, then this tier again, as if nothing had been deferred.
                    try settle(pending, in: &run)
                    continue
                }
                run.outcomes[pending.index] = proven
                run.pending = nil
            }
            if mayDefer, let deferred = DeferredTier(index: t, tier: tier, solution: solution) {
                do { try run.session.addConstraint(deferred.row) } catch { throw PlanError.solver("\(error)") }
                run.pending = deferred
                run.values = nil   // the tier's incumbent does not satisfy the deferred row
            } else {
                if mayDefer { solution = try closed(tier, solution, in: &run) }
                try keep(tier, at: t, solution, in: &run)
            }
            t += 1
        }
        // Variables fixed by bounds alone (no tier had terms) still need their lower bounds.
        let values = run.values ?? bm.model.variables.map { $0.lower ?? 0 }
        // Every deferred tier is proven or settled by the solve after it, and the last tier is never deferred.
        let tiers = run.outcomes.compactMap { $0 }
        guard tiers.count == bm.tiers.count else { throw PlanError.solver("a tier was left without an outcome") }
        return BlockSolution(tiers: tiers, values: values, iterations: run.iterations, nodes: run.nodes)
    }

    /// A root-only solve that is not deferred, as a finished solve: optimal when its incumbent
    /// reaches the root's bound, else the tier searched in full.
    private func closed(_ tier: TierObjective, _ solution: Solution, in run: inout TierRun) throws -> Solution {
        switch solution.termination {
        case .feasible(.nodeLimit), .noSolution(.nodeLimit):
            if let bound = Self.integerBound(solution.bound), !solution.values.isEmpty,
               Int(Model.evaluate(tier.terms, constant: tier.constant, at: solution.values.map { $0.rounded() }).rounded()) <= bound {
                var optimal = solution
                optimal.termination = .optimal
                return optimal
            }
            return try solve(tier, in: &run, limit: nil)
        default:
            return solution
        }
    }

    /// Records `solution` as tier `t`'s outcome and adds the row that keeps it.
    private func keep(_ tier: TierObjective, at t: Int, _ solution: Solution, in run: inout TierRun) throws {
        let (outcome, point) = try Self.outcome(of: tier, solution, earlier: run.values)
        run.outcomes[t] = outcome
        run.values = point
        do {
            try run.session.addConstraint(Constraint(name: TierRun.keepRowName(tier), terms: tier.terms, lower: nil,
                                                     upper: Double(outcome.value) - tier.constant))
        } catch { throw PlanError.solver("\(error)") }
    }

    /// Solves a deferred tier in full after its bet failed, and keeps it at the value found.
    private func settle(_ deferred: DeferredTier, in run: inout TierRun) throws {
        let name = TierRun.keepRowName(deferred.tier)
        do { try run.session.setUpper(ofConstraint: name, to: nil) } catch { throw PlanError.solver("\(error)") }
        run.values = deferred.incumbent
        run.pending = nil
        let solution = try solve(deferred.tier, in: &run, limit: nil)
        let (outcome, point) = try Self.outcome(of: deferred.tier, solution, earlier: run.values)
        run.outcomes[deferred.index] = outcome
        run.values = point
        do {
            try run.session.setUpper(ofConstraint: name, to: Double(outcome.value) - deferred.tier.constant)
        } catch { throw PlanError.solver("\(error)") }
    }

    /// One solve of `tier` on the run's session, counted in the run's totals.
    private func solve(_ tier: TierObjective, in run: inout TierRun, limit: NodeLimit?) throws -> Solution {
        let objective = Objective(sense: .minimize, terms: tier.terms, constant: tier.constant)
        if let sink = options.modelSink {
            var model = run.session.model
            model.objective = objective
            try sink(block, tier.tier.rawValue, model)
        }
        let remaining = deadline.map { max(0.05, $0.timeIntervalSinceNow) }
        let progress = options.progress
        let (b, n, name) = (block, blocks, tier.tier.rawValue)
        var solveOptions = SolveOptions(
            timeLimit: remaining, relativeGap: 0, initialSolution: run.values,
            progress: progress.map { report in
                { @Sendable p in report(PlanProgress(phase: "solve", tier: name, block: b + 1, blocks: n, incumbent: p.incumbent, bound: p.bound, gap: p.gap)) }
            }, log: options.solverLog)
        solveOptions.nodeLimit = limit
        solveOptions.cancellation = options.cancellation
        if options.cancellation?.isCancelled == true { throw PlanError.cancelled }
        progress?(PlanProgress(phase: "solve", tier: name, block: b + 1, blocks: n, incumbent: run.values.map { Model.evaluate(tier.terms, constant: tier.constant, at: $0) }, bound: nil, gap: nil))
        let solution: Solution
        do { solution = try run.session.solve(objective: objective, options: solveOptions) } catch { throw PlanError.solver("\(error)") }
        run.count(solution)
        return solution
    }

    /// A tier's outcome from its solve, and the point the next tier starts from.
    static func outcome(of tier: TierObjective, _ solution: Solution, earlier values: [Double]?) throws -> (TierOutcome, [Double]?) {
        let status: String
        switch solution.termination {
        case .optimal: status = "optimal"
        case .feasible(let why): status = "feasible (\(why.rawValue))"
        case .infeasible:
            throw PlanError.infeasible("the pins cannot all be kept within the quotas and capacities")
        case .unbounded:
            throw PlanError.solver("tier \(tier.tier.rawValue) reported unbounded, which a bounded model cannot be")
        case .noSolution:
            // Earlier tiers' plan still satisfies every row: keep it rather than fail.
            guard let values else { throw PlanError.noPlanInTime }
            let v = Int(Model.evaluate(tier.terms, constant: tier.constant, at: values).rounded())
            let bound = integerBound(solution.bound)
            return (TierOutcome(tier: tier.tier, value: v, bound: bound, status: "feasible (time limit)",
                                gap: bound.map { gap(v, $0) }, seconds: solution.seconds), values)
        }
        let rounded = solution.values.map { $0.rounded() }
        let value = Int(Model.evaluate(tier.terms, constant: tier.constant, at: rounded).rounded())
        let bound = status == "optimal" ? value : integerBound(solution.bound)
        return (TierOutcome(tier: tier.tier, value: value, bound: bound, status: status,
                            gap: bound.map { gap(value, $0) }, seconds: solution.seconds), rounded)
    }

    /// A solver's bound as the integer it proves: every coefficient and variable is an integer, so
    /// the tier's optimum is at least the bound rounded up. `nil` when the solver has no (finite) bound.
    static func integerBound(_ bound: Double?) -> Int? {
        guard let bound, bound.isFinite, abs(bound) < 9e15 else { return nil }
        return Int((bound - 1e-6).rounded(.up))
    }

    /// |value − bound| / max(1, |value|).
    static func gap(_ value: Int, _ bound: Int) -> Double {
        Double(abs(value - bound)) / Double(max(1, abs(value)))
    }
}

/// The state of one block's sequence of tier solves.
struct TierRun {
    /// The loaded model (its rows grow by one keep row per tier).
    var session: any MIPSession
    /// The last solution's point, the next solve's start (`nil`: none usable).
    var values: [Double]?
    /// Each tier's outcome, filled as they are known (a deferred tier's only once it is proven).
    var outcomes: [TierOutcome?]
    /// The tier whose proof waits for the next tier's first solution, if any.
    var pending: DeferredTier?
    /// Simplex iterations and branch-and-bound nodes of every solve so far.
    private(set) var iterations = 0, nodes = 0
    /// Re-planning's keep rows and variables (see ``addKeepRows()``).
    private let keepRows: [Constraint]
    private let keepVariables: [Variable]
    private var keepRowsAdded = false

    init(_ bm: BlockModel, solver: any MIPSolver) throws {
        // One loaded problem for all tiers: each solve starts from the previous basis.
        do { session = try solver.makeSession(for: bm.model) } catch { throw PlanError.solver("\(error)") }
        outcomes = Array(repeating: nil, count: bm.tiers.count)
        keepRows = bm.keepRows
        keepVariables = bm.keepVariableList
    }

    /// The name of the row that keeps `tier` at its value.
    static func keepRowName(_ tier: TierObjective) -> String { "keep_\(tier.tier.rawValue)" }

    /// Adds a solve's effort to the totals.
    mutating func count(_ solution: Solution) {
        iterations += solution.statistics.simplexIterations
        nodes += solution.statistics.nodes
    }

    /// Re-planning: the keep rows join the model at the stability tier (BlockModel.keepRows), added
    /// to the loaded problem so that the stability tier starts from the last basis (each new row's
    /// slack is basic, so the basis stays valid; a new session would solve the relaxation from
    /// scratch: 2.4 s of hainan-2022's 2.5 s re-solve), and the keep variables, free until now, are
    /// set to 0 in the incumbent so that it stays feasible.
    mutating func addKeepRows() throws {
        guard !keepRowsAdded else { return }
        keepRowsAdded = true
        do { for row in keepRows { try session.addConstraint(row) } } catch { throw PlanError.solver("\(error)") }
        if var v = values { for x in keepVariables { v[x.index] = 0 }; values = v }
    }
}
