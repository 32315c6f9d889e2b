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
struct LexicographicSolve {
    let solver: any MIPSolver
    let block: Int
    let blocks: Int
    let deadline: Date?
    let options: PlannerOptions

    func run(_ bm: BlockModel) throws -> BlockSolution {
        // One loaded problem for all tiers: each solve starts from the previous basis.
        var session: any MIPSession
        do { session = try solver.makeSession(for: bm.model) } catch { throw PlanError.solver("\(error)") }
        var values: [Double]? = nil
        var result = BlockSolution(tiers: [], values: [])
        for tier in bm.tiers {
            if tier.tier == .stability && !bm.keepRows.isEmpty {
                // Re-planning: the keep rows join the model here (BlockModel.keepRows), in one new
                // session with the earlier tiers' rows, and the keep variables, free until now, are
                // set to 0 in the incumbent so that it stays feasible.
                var full = session.model
                for row in bm.keepRows { full.addConstraint(row.name, row.terms, lower: row.lower, upper: row.upper) }
                do { session = try solver.makeSession(for: full) } catch { throw PlanError.solver("\(error)") }
                if var v = values { for x in bm.keepVariableList { v[x.index] = 0 }; values = v }
            }
            let objective = Objective(sense: .minimize, terms: tier.terms, constant: tier.constant)
            if tier.terms.isEmpty {
                // Nothing to optimise (e.g. one wave only): the value is the constant.
                result.tiers.append(TierOutcome(tier: tier.tier, exact: Int(tier.constant)))
                continue
            }
            if let sink = options.modelSink {
                var model = session.model
                model.objective = objective
                try sink(block, tier.tier.rawValue, model)
            }
            var remaining: Double? = nil
            if let deadline {
                remaining = max(0.05, deadline.timeIntervalSinceNow)
            }
            let progress = options.progress
            let (b, n, name) = (block, blocks, tier.tier.rawValue)
            var solveOptions = SolveOptions(
                timeLimit: remaining, relativeGap: 0, initialSolution: values,
                progress: progress.map { report in
                    { @Sendable p in report(PlanProgress(phase: "solve", tier: name, block: b + 1, blocks: n, incumbent: p.incumbent, bound: p.bound, gap: p.gap)) }
                }, log: options.solverLog)
            solveOptions.cancellation = options.cancellation
            if options.cancellation?.isCancelled == true { throw PlanError.cancelled }
            progress?(PlanProgress(phase: "solve", tier: name, block: b + 1, blocks: n, incumbent: values.map { Model.evaluate(tier.terms, constant: tier.constant, at: $0) }, bound: nil, gap: nil))
            let solution: Solution
            do { solution = try session.solve(objective: objective, options: solveOptions) } catch { throw PlanError.solver("\(error)") }
            result.iterations += solution.statistics.simplexIterations
            result.nodes += solution.statistics.nodes
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
                let bound = Self.integerBound(solution.bound)
                result.tiers.append(TierOutcome(tier: tier.tier, value: v, bound: bound, status: "feasible (time limit)",
                                                gap: bound.map { Self.gap(v, $0) }, seconds: solution.seconds))
                continue
            }
            let rounded = solution.values.map { $0.rounded() }
            let value = Int(Model.evaluate(tier.terms, constant: tier.constant, at: rounded).rounded())
            let bound = status == "optimal" ? value : Self.integerBound(solution.bound)
            result.tiers.append(TierOutcome(tier: tier.tier, value: value, bound: bound, status: status,
                                            gap: bound.map { Self.gap(value, $0) }, seconds: solution.seconds))
            // Keep this tier at the value reached (its optimum when proven).
            do {
                try session.addConstraint(Constraint(name: "keep_\(tier.tier.rawValue)", terms: tier.terms, lower: nil, upper: Double(value) - tier.constant))
            } catch { throw PlanError.solver("\(error)") }
            values = rounded
        }
        // Variables fixed by bounds alone (no tier had terms) still need their lower bounds.
        result.values = values ?? bm.model.variables.map { $0.lower ?? 0 }
        return result
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
