import Scenario

/// The campaign indicators of a plan as the verifier recounts them (docs/DATA.md,
/// "indicators"): per indicator of scenario.yaml, its targets, those that declined service
/// (counted apart, 结合企业意愿), those that accept, and those fully served.
///
/// Written here, not borrowed from the planner's reports, so that a wrong count in summary.json
/// is caught rather than repeated.
public struct IndicatorCount: Sendable, Equatable {
    /// Indicator id.
    public var id: String
    /// Targets the indicator counts, declined ones included.
    public var targets: Int
    /// Targets that declined service.
    public var declined: Int
    /// Targets that accept service.
    public var accepting: Int
    /// Accepting targets served by as many distinct cadres as they need.
    public var covered: Int

    /// Creates a count.
    public init(id: String, targets: Int, declined: Int, accepting: Int, covered: Int) {
        self.id = id; self.targets = targets; self.declined = declined; self.accepting = accepting; self.covered = covered
    }

    /// The counts of every indicator of `index`'s scenario under `assignments` (distinct pairs
    /// with known ids count; a target is covered when its distinct cadres reach its demand).
    static func counts(of assignments: [PlannedAssignment], index: ScenarioIndex) -> [IndicatorCount] {
        var cadresOf: [String: Set<String>] = [:]
        for a in assignments where index.cadres[a.cadre] != nil && index.targets[a.target] != nil {
            cadresOf[a.target, default: []].insert(a.cadre)
        }
        return index.scenario.indicators.map { indicator in
            var count = IndicatorCount(id: indicator.id, targets: 0, declined: 0, accepting: 0, covered: 0)
            for id in index.targetOrder {
                guard let t = index.targets[id], included(t, in: indicator) else { continue }
                count.targets += 1
                guard t.consent else { count.declined += 1; continue }
                count.accepting += 1
                if (cadresOf[id]?.count ?? 0) >= t.demand { count.covered += 1 }
            }
            return count
        }
    }

    /// Whether `indicator` counts `target`: its categories (all when none are listed), halted
    /// targets only when `halted_only`, and its level when given.
    private static func included(_ target: Target, in indicator: Indicator) -> Bool {
        if !indicator.categories.isEmpty && !indicator.categories.contains(target.category) { return false }
        if indicator.haltedOnly && !target.halted { return false }
        if let level = indicator.level, level != target.level { return false }
        return true
    }
}
