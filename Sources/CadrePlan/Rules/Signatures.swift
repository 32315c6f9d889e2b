import Scenario

/// Everything the rule book reads from a cadre: two cadres with equal signatures are
/// interchangeable for every rule, cost, quota and tier (docs/MODEL.md, "Classes").
///
/// The class partition and the explainer's tallies group cadres by this one signature, so a
/// rule that reads a new attribute adds it here and both follow.
struct CadreSignature: Hashable, Sendable {
    let level: Level
    let rank: Rank
    let group: String?
    let region: String
    let skills: [String]
    let capacity: Int
    let countLimit: Int
    let earliest: Int
    /// The unit, only when some target names it as supervisor (otherwise it decides nothing).
    let unit: String
}

/// Everything the rule book reads from a target: two targets with equal signatures are interchangeable.
struct TargetSignature: Hashable, Sendable {
    let kind: TargetKind
    let category: String
    let level: Level
    let region: String
    let weight: Int
    let urgent: Bool
    let demand: Int
    let minRank: Rank
    let workload: Int
    let consent: Bool
    /// The supervisor, only when it is some cadre's unit.
    let supervisor: String
}

extension PreparedScenario {
    /// The signature of cadre `c`, or `nil` when pairs.csv or pins name it: such a cadre is told
    /// apart from every other (the explainer's kinds, the idle-cadre report).
    func cadreSignature(_ c: Int) -> CadreSignature? {
        specialCadres.contains(c) ? nil : ruleSignature(cadre: c)
    }

    /// The signature of cadre `c` as the rules read it, or `nil` when pairs.csv names it. Pins are
    /// left to the class partition, which groups pinned cadres by what their pins leave them.
    func ruleSignature(cadre c: Int) -> CadreSignature? {
        guard !pairCadres.contains(c) else { return nil }
        let cadre = scenario.cadres[c]
        return CadreSignature(
            level: cadre.level, rank: cadre.rank, group: cadre.group, region: cadre.region, skills: cadre.skills,
            capacity: capacity(ofCadre: c), countLimit: countLimit(ofCadre: c), earliest: cadreEarliest[c],
            unit: relevantUnits.contains(cadre.unit) ? cadre.unit : "")
    }

    /// The signature of target `t`, or `nil` when pairs.csv or pins name it.
    func targetSignature(_ t: Int) -> TargetSignature? {
        specialTargets.contains(t) ? nil : ruleSignature(target: t)
    }

    /// The signature of target `t` as the rules read it, or `nil` when pairs.csv names it.
    func ruleSignature(target t: Int) -> TargetSignature? {
        guard !pairTargets.contains(t) else { return nil }
        let target = scenario.targets[t]
        let supervisor = target.supervisor ?? ""
        return TargetSignature(
            kind: target.kind, category: target.category, level: target.level, region: target.region,
            weight: coverageWeight(ofTarget: t), urgent: target.urgent, demand: target.demand,
            minRank: effectiveMinRank[t], workload: target.workload, consent: target.consent,
            supervisor: relevantUnits.contains(supervisor) ? supervisor : "")
    }
}
