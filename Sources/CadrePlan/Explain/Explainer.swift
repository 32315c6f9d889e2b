import MIP
import Scenario

/// Why an explanation could not be made.
public enum ExplainError: Error, CustomStringConvertible, Sendable {
    /// A given plan names cadres, targets or waves the scenario does not have.
    case unknownIDs([String])

    /// The message printed to a user.
    public var description: String {
        switch self {
        case .unknownIDs(let list): "the plan names ids the scenario does not have: " + list.joined(separator: ", ")
        }
    }
}

/// Explains the shortages of a plan and checks what would close them (`cadreplan explain`).
public enum Explainer {
    /// Explains why `plan` (or, when `nil`, the optimal plan of `scenario`) leaves targets short.
    ///
    /// - Parameters:
    ///   - scenario: the scenario; `options.mode` overrides its mode. Used only to solve: a given
    ///     plan is explained against its own ``Plan/scenario``.
    ///   - plan: the plan to explain, e.g. from ``plan(_:assignments:mode:)``; `nil` solves the scenario.
    ///   - solver: the integer programming backend (GLPK in the executable).
    ///   - options: planner options for the solve and for the check's re-solve.
    ///   - check: re-solve the scenario enlarged by every recommendation and mark each one verified.
    /// - Throws: ``PlanError`` when a solve fails.
    public static func explain(_ scenario: Scenario, plan: Plan? = nil, solver: any MIPSolver,
                               options: PlannerOptions = PlannerOptions(), check: Bool = true) throws -> Explanation {
        let planner = Planner(solver: solver)
        let explained = try plan ?? planner.plan(scenario, options: options)
        // The plan's own scenario carries the mode it was made for.
        let s = explained.scenario
        let prepared = PreparedScenario(s)
        let state = PlanState(prepared, pairs: explained.pairs)
        let analysis = ShortageAnalysis(state)
        let planCoverage = state.coverage()  // before the builder extends `state`
        let ruleChanges = RuleChangeBuilder(state: state, analysis: analysis)  // likewise
        let builder = RecommendationBuilder(state: state, analysis: analysis)
        var recommendations = builder.recommendations
        let coverageTier = explained.tiers.first { $0.tier == .coverage }
        var explanation = Explanation(
            scenario: s.name, mode: s.mode.description, planSource: plan == nil ? .solved : .given,
            coverage: coverageTier?.value ?? planCoverage, coverageStatus: coverageTier?.status ?? "given",
            shortages: analysis.shorts.map { short in
                var shortage = short.shortage
                shortage.recommendation = builder.recommendationOfTarget[shortage.target]
                shortage.ruleChanges = ruleChanges.changesOfTarget[shortage.target] ?? []
                return shortage
            },
            quotas: analysis.quotas, recommendations: recommendations, ruleChanges: ruleChanges.changes, check: nil)
        var checkOptions = options
        checkOptions.mode = nil  // `s` already has the mode
        checkOptions.tierOrder = nil
        checkOptions.modelSink = nil
        if check, !explanation.ruleChanges.isEmpty {
            explanation.ruleChanges = try checked(ruleChanges.changes, scenario: s, planner: planner, options: checkOptions)
        }
        guard check, !recommendations.isEmpty else { return explanation }

        let enlarged = enlargedScenario(s, recommendations: recommendations)
        let after = try planner.plan(enlarged, options: checkOptions)
        var served: [String: Int] = [:]
        for pair in after.pairs { served[after.scenario.targets[pair.target].id, default: 0] += 1 }
        let demand = Dictionary(uniqueKeysWithValues: s.targets.map { ($0.id, $0.demand) })
        for i in recommendations.indices {
            recommendations[i].verified = recommendations[i].targets.allSatisfy { (served[$0] ?? 0) >= demand[$0]! }
        }
        var totals: [QuotaKey: QuotaRaise] = [:]
        for r in recommendations {
            for q in r.quotaRaises { totals[q.quota, default: QuotaRaise(quota: q.quota, from: q.from, by: 0)].by += q.by }
        }
        let afterCoverage = after.tiers.first { $0.tier == .coverage }
        explanation.recommendations = recommendations
        explanation.check = ExplanationCheck(
            addedCadres: recommendations.reduce(0) { $0 + ($1.action == .addCadres ? $1.count : 0) },
            quotaRaises: totals.keys.sorted(by: waveOrder(s)).map { totals[$0]! },
            coverageBefore: explanation.coverage, coverageConstructed: builder.constructedCoverage,
            coverageAfter: afterCoverage?.value ?? 0, status: afterCoverage?.status ?? "unknown",
            stillShort: s.targets.filter { $0.consent && (served[$0.id] ?? 0) < $0.demand }.map(\.id),
            allVerified: recommendations.allSatisfy { $0.verified == true })
        return explanation
    }

    /// The rule changes with ``RuleChange/closed`` counted: the scenario is re-solved once with every
    /// change applied together.
    static func checked(_ changes: [RuleChange], scenario s: Scenario, planner: Planner, options: PlannerOptions) throws -> [RuleChange] {
        let after = try planner.plan(RuleChangeBuilder.applied(changes, to: s), options: options)
        var served: [String: Int] = [:]
        for pair in after.pairs { served[after.scenario.targets[pair.target].id, default: 0] += 1 }
        let demand = Dictionary(uniqueKeysWithValues: s.targets.map { ($0.id, $0.demand) })
        return changes.map { change in
            var change = change
            change.closed = change.targets.filter { (served[$0] ?? 0) >= demand[$0]! }.count
            return change
        }
    }

    /// `scenario` with every recommendation applied: the extra cadres added (with pairs.csv rows
    /// when only listed pairs are allowed) and the quotas raised. This is what the check solves.
    public static func enlargedScenario(_ scenario: Scenario, recommendations: [Recommendation]) -> Scenario {
        var s = scenario
        for r in recommendations {
            let added = r.extraCadres()
            s.cadres += added
            if r.needsListedPairs {
                for c in added { for t in r.targets { s.pairs.append(PairRule(cadre: c.id, target: t)) } }
            }
            for raise in r.quotaRaises {
                guard let w = s.waves.firstIndex(where: { $0.id == raise.quota.wave }) else { continue }
                switch raise.quota.kind {
                case .level:
                    if let level = Level(rawValue: raise.quota.key), let q = s.waves[w].quotas[level] { s.waves[w].quotas[level] = q + raise.by }
                case .region:
                    if let q = s.waves[w].regionQuotas[raise.quota.key] { s.waves[w].regionQuotas[raise.quota.key] = q + raise.by }
                case .group:
                    if let q = s.waves[w].groupQuotas[raise.quota.key] { s.waves[w].groupQuotas[raise.quota.key] = q + raise.by }
                }
            }
        }
        return s
    }

    /// A plan given as assignments by id (e.g. a plan folder's assignments.csv), with its tier
    /// values recomputed, so that it can be explained.
    ///
    /// The assignments are taken as they are: check them with the verifier first; the
    /// explanation of a plan that breaks rules means little.
    /// - Throws: ``ExplainError/unknownIDs(_:)`` listing every id the scenario does not have.
    public static func plan(_ scenario: Scenario, assignments: [(cadre: String, target: String, wave: String)],
                            mode: AssignmentMode? = nil) throws(ExplainError) -> Plan {
        let p = PreparedScenario(scenario, mode: mode)
        var pairs: [PlannedPair] = []
        var unknown: [String] = []
        for a in assignments {
            let c = p.cadreIndex[a.cadre], t = p.targetIndex[a.target], w = p.waveIndex[a.wave]
            if c == nil { unknown.append("cadre \(a.cadre)") }
            if t == nil { unknown.append("target \(a.target)") }
            if w == nil { unknown.append("wave \(a.wave)") }
            if let c, let t, let w { pairs.append(PlannedPair(cadre: c, target: t, wave: w)) }
        }
        if !unknown.isEmpty { throw .unknownIDs(Array(Set(unknown)).sorted()) }
        pairs.sort()
        return Plan(prepared: p, pairs: pairs, tiers: tierValues(p, pairs: pairs), statistics: PlanStatistics())
    }

    /// The plan's tiers (the rule book's order and definitions) computed from the pairs, each with status `given`.
    static func tierValues(_ p: PreparedScenario, pairs: [PlannedPair]) -> [TierOutcome] {
        p.tiers.map { TierOutcome(tier: $0, exact: p.tierValue($0, pairs: pairs), status: "given") }
    }
}
