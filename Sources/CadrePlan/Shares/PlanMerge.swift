import MIP
import Scenario

/// Why the parts of a job cannot be merged: one line naming the part at fault.
public struct MergeError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public var description: String
}

extension Planner {
    /// Puts together the plan that ``plan(_:options:)`` makes, from the partial plans of every
    /// share of one job (see ``solve(_:share:options:)``).
    ///
    /// `scenario` and `options` must be those the shares were solved with: the parts say which
    /// (digest, options), and anything that does not match is refused, as are parts of another
    /// job, a share given twice or missing, and a block whose values do not fit its model.
    /// Classes, blocks and models are rebuilt from `scenario`, the blocks' values are checked
    /// against them and expanded, and tiers and statistics are summed as a single run sums them.
    public static func merge(_ parts: [(path: String, part: PartialPlan)], scenario: Scenario,
                             options: PlannerOptions) throws(MergeError) -> Plan {
        let clock = Stopwatch()
        try PartSet.check(parts)
        let first = parts[0]
        let digest = ScenarioDigest.of(scenario)
        guard digest == first.part.scenario.digest else {
            throw MergeError(description: "\(first.path): solved from another scenario than the one given (\(scenario.name), digest \(digest.prefix(12))…, the part says \(first.part.scenario.digest.prefix(12))…): was the scenario, --pins or --pin-waves changed after the shares were solved?")
        }
        let previousDigest = options.previous.map { ScenarioDigest.of(pins: $0) }
        guard previousDigest == first.part.options.previousDigest else {
            throw MergeError(description: "\(first.path): solved with another earlier plan (--previous) than the one given: was \(first.part.options.previous ?? "it") changed after the shares were solved?")
        }
        let problem: PlanningProblem
        do { problem = try PlanningProblem(scenario, options: options) } catch {
            throw MergeError(description: "\(first.path): the scenario cannot be planned: \(error)")
        }
        let n = first.part.share.count
        let expected = BlockShare.assignment(sizes: problem.blockSizes, count: n)
        let models = problem.blocks.indices.map(problem.model)
        var stats = problem.statistics(models: models)
        var solutions = [BlockSolution?](repeating: nil, count: models.count)
        var network = [Bool](repeating: false, count: models.count)
        for (path, part) in parts {
            guard part.blockCount == problem.blocks.count else {
                throw MergeError(description: "\(path): the part counts \(part.blockCount) blocks, the scenario has \(problem.blocks.count): solved by another version of cadreplan or with other options?")
            }
            let mine = problem.blocks.indices.filter { expected[$0] == part.share.index - 1 }.map { $0 + 1 }
            guard part.blocks.map(\.block) == mine else {
                throw MergeError(description: "\(path): share \(part.share) holds blocks \(list(part.blocks.map(\.block))), but share \(part.share) of this scenario is blocks \(list(mine))")
            }
            for result in part.blocks {
                let i = result.block - 1
                solutions[i] = try solution(result, model: models[i], tiers: problem.prepared.tiers, path: path)
                network[i] = result.network
            }
        }
        stats.seconds["prepare"] = clock.lap()
        let assembly = problem.assemble(models: models, solutions: solutions.map { $0! }, network: network, statistics: stats)
        if let why = assembly.inexact {
            throw MergeError(description: "\(first.path): the shares' solutions do not expand to a plan (\(why)); solve the scenario without --blocks")
        }
        var plan = assembly.plan
        // As ``plan(_:options:)`` reports it: shares are always solved over the ordinary classes.
        if problem.prepared.previous != nil { plan.statistics.replanClasses = "classes" }
        plan.statistics.seconds["expand"] = clock.lap()
        plan.statistics.seconds["solve"] = parts.map { $0.part.seconds["solve"] ?? 0 }.reduce(0, +)
        return plan
    }

    /// A block's solution from its part, after checking it against the block's model: sizes,
    /// tier names, integer values within the bounds and rows, and tier values that the values give.
    static func solution(_ r: PartialPlan.BlockResult, model bm: BlockModel, tiers: [Tier], path: String) throws(MergeError) -> BlockSolution {
        func fail(_ why: String) -> MergeError { MergeError(description: "\(path): block \(r.block): \(why)") }
        let m = bm.model
        guard r.variables == m.variables.count, r.rows == m.constraints.count, r.values.count == m.variables.count else {
            throw fail("\(r.values.count) values for a model of \(r.variables) variables and \(r.rows) rows, but the block's model has \(m.variables.count) variables and \(m.constraints.count) rows: solved by another version of cadreplan?")
        }
        guard r.tiers.map(\.name) == tiers.map(\.rawValue) else {
            throw fail("tiers \(r.tiers.map(\.name).joined(separator: ",")), but this run's are \(tiers.map(\.rawValue).joined(separator: ","))")
        }
        let values = r.values.map(Double.init)
        for (j, v) in m.variables.enumerated() where v.lower.map({ values[j] < $0 }) ?? false || v.upper.map({ values[j] > $0 }) ?? false {
            throw fail("variable \(v.name) = \(r.values[j]) is outside its bounds")
        }
        for c in m.constraints {
            let a = Model.evaluate(c.terms, at: values)
            if c.lower.map({ a < $0 - 1e-6 }) ?? false || c.upper.map({ a > $0 + 1e-6 }) ?? false {
                throw fail("the values break row \(c.name)")
            }
        }
        var outcome: [TierOutcome] = []
        for (t, tier) in r.tiers.enumerated() {
            // An optimal tier keeps its value to the end; one stopped early may be improved by later tiers.
            let final = Int(Model.evaluate(bm.tiers[t].terms, constant: bm.tiers[t].constant, at: values).rounded())
            guard final == tier.value || (tier.status != "optimal" && final < tier.value) else {
                throw fail("tier \(tier.name) is \(tier.value) in the part, but its values give \(final)")
            }
            if let b = tier.bound, b > tier.value { throw fail("tier \(tier.name) has bound \(b) above its value \(tier.value)") }
            outcome.append(TierOutcome(tier: tiers[t], value: tier.value, bound: tier.bound, status: tier.status,
                                       gap: tier.bound.map { LexicographicSolve.gap(tier.value, $0) }, seconds: tier.seconds))
        }
        return BlockSolution(tiers: outcome, values: values, iterations: r.simplexIterations, nodes: r.nodes)
    }

    private static func list(_ blocks: [Int]) -> String {
        blocks.isEmpty ? "none" : blocks.count <= 8 ? blocks.map(String.init).joined(separator: ", ")
            : blocks.prefix(8).map(String.init).joined(separator: ", ") + ", … (\(blocks.count))"
    }
}

/// Checks that parts belong together: one scenario, one set of options, every share of one
/// split given once.
enum PartSet {
    static func check(_ parts: [(path: String, part: PartialPlan)]) throws(MergeError) {
        guard let first = parts.first else { throw MergeError(description: "no parts to merge") }
        let f = first.part
        var byIndex: [Int: String] = [first.part.share.index: first.path]
        for (path, p) in parts.dropFirst() {
            guard p.scenario.digest == f.scenario.digest else {
                throw MergeError(description: "\(path): solved from another scenario (\(p.scenario.name) at \(p.scenario.folder), digest \(p.scenario.digest.prefix(12))…) than \(first.path) (\(f.scenario.name) at \(f.scenario.folder), digest \(f.scenario.digest.prefix(12))…)")
            }
            guard p.options == f.options else {
                throw MergeError(description: "\(path): solved with other options (\(describe(p.options))) than \(first.path) (\(describe(f.options)))")
            }
            guard p.share.count == f.share.count else {
                throw MergeError(description: "\(path): share \(p.share) belongs to a split into \(p.share.count), but \(first.path) is share \(f.share) of \(f.share.count)")
            }
            if let other = byIndex[p.share.index] {
                throw MergeError(description: "\(path): share \(p.share) is given twice (also \(other))")
            }
            byIndex[p.share.index] = path
        }
        let missing = (1...f.share.count).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let indices = byIndex.keys.sorted()
            let given = indices.prefix(10).map { "\(byIndex[$0]!) (\($0)/\(f.share.count))" }.joined(separator: ", ") + (indices.count > 10 ? ", …" : "")
            throw MergeError(description: "share\(missing.count == 1 ? "" : "s") \(missing.prefix(10).map { "\($0)/\(f.share.count)" }.joined(separator: ", "))\(missing.count > 10 ? ", …" : "") missing: given \(given)")
        }
    }

    /// The options as the command line spells them.
    static func describe(_ o: PartialPlan.ModelIdentity) -> String {
        var s: [String] = []
        s.append(o.mode.map { "--mode \($0)" } ?? "the scenario's mode")
        if let t = o.tiers { s.append("--tiers \(t.joined(separator: ","))") }
        if !o.aggregate { s.append("--no-aggregate") }
        if let p = o.pins { s.append("--pins \(p)" + (o.pinWaves.map { " --pin-waves \($0)" } ?? "")) }
        if let p = o.previous { s.append("--previous \(p)") }
        return s.joined(separator: " ")
    }
}
