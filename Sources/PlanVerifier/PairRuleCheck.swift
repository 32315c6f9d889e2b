import Scenario

/// The nine rules of "What the model reads" for one assignment (c, t, w), re-derived from
/// docs/DATA.md independently of the model builder.
///
/// Each rule is checked on its own, so an assignment breaking several rules reports each of them.
/// Rules needing an id the scenario does not know are skipped: the unknown id is reported instead.
enum PairRuleCheck {
    /// Appends to `violations` every rule (1–9) that `assignment` breaks.
    static func check(
        _ assignment: PlannedAssignment, index: ScenarioIndex, into violations: inout [Violation]
    ) {
        let cadre = index.cadres[assignment.cadre]
        let target = index.targets[assignment.target]
        let wave = index.waveIndex[assignment.wave]
        // The location is formatted only when something is wrong: most rows of a plan are fine.
        func report(_ rule: Rule, _ why: String) {
            let at = "cadre \(assignment.cadre) → target \(assignment.target) in wave \(assignment.wave)"
            violations.append(Violation(rule: rule, message: "\(at): \(why)"))
        }

        if cadre == nil { report(.unknownCadre, "no cadre \(assignment.cadre) in the scenario") }
        if target == nil { report(.unknownTarget, "no target \(assignment.target) in the scenario") }
        if wave == nil { report(.unknownWave, "no wave \(assignment.wave) in the scenario") }

        if let cadre, let target {
            // 1. Same level.
            if cadre.level != target.level {
                report(.levelMismatch, "cadre level \(cadre.level.rawValue) ≠ target level \(target.level.rawValue)")
            }
            // 2. No group, or the cadre's group serves the target's category.
            if let group = cadre.group {
                if let categories = index.groupCategories[group] {
                    if !categories.contains(target.category) {
                        report(.groupMismatch, "group \(group) does not serve category \(target.category)")
                    }
                } else {
                    report(.groupMismatch, "group \(group) is not in the scenario, so it serves no category")
                }
            }
            // 3. County level: same region, or within rules.county_reach_km (属地为主).
            if target.level == .county && !index.countyReach(from: cadre.region, to: target.region) {
                let reach = index.scenario.rules.countyReachKm
                report(.regionMismatch, "county-level target in region \(target.region), cadre from region \(cadre.region)"
                       + (reach > 0 ? ", more than county_reach_km \(reach) km apart" : ""))
            }
            // 4. Rank at least the effective minimum rank.
            let minRank = index.effectiveMinRank(of: target)
            if cadre.rank < minRank {
                report(.rankTooLow, "rank \(cadre.rank.keyword) (\(cadre.rank.rawValue)) < effective minimum rank \(minRank.keyword) (\(minRank.rawValue)) of a \(target.kind.rawValue)")
            }
            // 5. Consent.
            if !target.consent {
                report(.noConsent, "target \(target.id) did not consent")
            }
            // 6. Not forbidden (pairs.csv, or the cadre's own unit supervises the target), and listed
            // in pairs.csv when only_listed_pairs is set.
            let listed = index.pairRules[PairKey(cadre: cadre.id, target: target.id)]
            if let listed, listed.forbidden {
                report(.forbiddenPair, listed.reason.isEmpty ? "forbidden in pairs.csv" : "forbidden in pairs.csv (\(listed.reason))")
            }
            if index.scenario.rules.onlyListedPairs && listed == nil {
                report(.unlistedPair, "only_listed_pairs is set and the pair is not in pairs.csv")
            }
            if index.scenario.rules.forbidOwnSupervisor, let supervisor = target.supervisor,
               !supervisor.isEmpty, !cadre.unit.isEmpty, supervisor == cadre.unit {
                report(.conflictOfInterest, "target supervised by the cadre's own unit \(cadre.unit)")
            }
            // 7. The pair's workload fits the cadre's capacity.
            let workload = index.workload(cadre: cadre, target: target)
            let capacity = index.capacity(of: cadre)
            if workload > capacity {
                report(.workloadOverCapacity, "workload \(workload) > capacity \(capacity)")
            }
        }
        if let cadre, let wave, let earliest = cadre.earliestWave {
            // 8. Not before the cadre's earliest wave. An earliest wave the scenario does not
            // know (the loader refuses that) cannot be ordered, so it restricts nothing.
            if let earliestIndex = index.waveIndex[earliest], wave < earliestIndex {
                report(.beforeEarliestWave, "wave \(assignment.wave) (#\(wave + 1)) is before the cadre's earliest wave \(earliest) (#\(earliestIndex + 1))")
            }
        }
        if let target, let wave, target.urgent, wave != 0 {
            // 9. Urgent targets are served in the first wave.
            let first = index.scenario.waves.first?.id ?? "?"
            report(.urgentNotFirstWave, "urgent target served in wave #\(wave + 1), not the first wave \(first)")
        }
    }
}
