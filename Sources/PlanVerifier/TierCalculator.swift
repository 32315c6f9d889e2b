import Scenario

/// Recomputes the tiers of docs/DATA.md (all but stability) from a scenario and a plan, in exact integer arithmetic.
///
/// The sums run over the plan's distinct cadre–target pairs whose cadre, target and wave the
/// scenario knows (the first row of a repeated pair counts). For a valid plan that is every row;
/// for an invalid one it keeps the values meaningful: an unknown id adds nothing, a repeated pair
/// is not counted twice, and an over-served target's shortfall is 0, never negative.
enum TierCalculator {
    /// The tier values of `assignments` under `index`'s scenario.
    static func tiers(of assignments: [PlannedAssignment], index: ScenarioIndex) -> TierValues {
        var seen = Set<PairKey>()
        var served: [String: Int] = [:]
        var targetsOfCadre: [String: Int] = [:]
        var timeliness = 0, quality = 0
        for a in assignments {
            guard let cadre = index.cadres[a.cadre], let target = index.targets[a.target],
                  let wave = index.waveIndex[a.wave],
                  seen.insert(PairKey(cadre: a.cadre, target: a.target)).inserted
            else { continue }
            served[target.id, default: 0] += 1
            targetsOfCadre[cadre.id, default: 0] += 1
            let weight = index.weight(of: target)
            timeliness = timeliness.addingSaturated(weight.multipliedSaturated(by: wave))
            quality = quality.addingSaturated(index.cost(cadre: cadre, target: target))
        }

        // The principle counts the targets beyond the first of each dispatched cadre; λ costs each in quality.
        let extraTargets = targetsOfCadre.values.reduce(0) { $0 + ($1 - 1) }
        quality = quality.addingSaturated(index.scenario.weights.extraTarget.multipliedSaturated(by: extraTargets))

        // Targets that declined service are reported apart and never count as a shortfall.
        var coverage = 0
        for id in index.targetOrder {
            guard let target = index.targets[id], target.consent else { continue }
            // Saturating: a nonsense demand near Int.min must not trap.
            let shortfall = max(0, target.demand.addingSaturated(-(served[id] ?? 0)))
            coverage = coverage.addingSaturated(index.weight(of: target).multipliedSaturated(by: shortfall))
        }
        return TierValues(coverage: coverage, principle: extraTargets, timeliness: timeliness, quality: quality)
    }
}
