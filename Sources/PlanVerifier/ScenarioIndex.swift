import Scenario

/// A cadre–target pair as a dictionary key.
struct PairKey: Hashable {
    var cadre: String
    var target: String
}

/// The scenario's facts looked up by id, and the derived quantities docs/DATA.md defines
/// (effective minimum rank, workload, capacity, coverage weight, pair cost).
///
/// Built once per verification so every check is a dictionary look-up, never a scan. When an
/// in-memory scenario repeats an id (the loader refuses that), the first occurrence wins, so the
/// verifier neither traps nor depends on hash order.
struct ScenarioIndex {
    let scenario: Scenario
    let cadres: [String: Cadre]
    let targets: [String: Target]
    /// 0-based position of each wave in date order.
    let waveIndex: [String: Int]
    let regions: [String: Region]
    /// The categories each service group serves.
    let groupCategories: [String: Set<String>]
    let pairRules: [PairKey: PairRule]
    /// Target ids in scenario order without repeats, for a deterministic coverage sum.
    let targetOrder: [String]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        func firstWins<V>(_ a: V, _: V) -> V { a }
        cadres = Dictionary(scenario.cadres.map { ($0.id, $0) }, uniquingKeysWith: firstWins)
        targets = Dictionary(scenario.targets.map { ($0.id, $0) }, uniquingKeysWith: firstWins)
        waveIndex = Dictionary(scenario.waves.enumerated().map { ($1.id, $0) }, uniquingKeysWith: firstWins)
        regions = Dictionary(scenario.regions.map { ($0.id, $0) }, uniquingKeysWith: firstWins)
        groupCategories = Dictionary(scenario.groups.map { ($0.id, Set($0.categories)) }, uniquingKeysWith: firstWins)
        pairRules = Dictionary(
            scenario.pairs.map { (PairKey(cadre: $0.cadre, target: $0.target), $0) }, uniquingKeysWith: firstWins)
        var seen = Set<String>()
        targetOrder = scenario.targets.compactMap { seen.insert($0.id).inserted ? $0.id : nil }
    }

    /// Rule 4: max(target's `min_rank`, `rules.min_rank_by_kind[kind]`).
    func effectiveMinRank(of target: Target) -> Rank {
        guard let byKind = scenario.rules.minRankByKind[target.kind] else { return target.minRank }
        return max(target.minRank, byKind)
    }

    /// Rule 7: pairs.csv `workload` if given, else the target's workload.
    func workload(cadre: Cadre, target: Target) -> Int {
        pairRules[PairKey(cadre: cadre.id, target: target.id)]?.workload ?? target.workload
    }

    /// Rule 7: the cadre's capacity, else its most targets per cadre.
    func capacity(of cadre: Cadre) -> Int {
        cadre.capacity ?? maxTargets(of: cadre)
    }

    /// The most targets `cadre` may serve: `max_targets.groups[group]` and `max_targets.regions[region]`
    /// where set (the smaller of the two when both are), else the mode's M.
    func maxTargets(of cadre: Cadre) -> Int {
        let limits = scenario.targetLimits
        let set = [cadre.group.flatMap { limits.groups[$0] }, limits.regions[cadre.region]].compactMap { $0 }
        return set.min() ?? scenario.mode.maxTargets
    }

    /// Rule 3: whether a city/county cadre from region `from` may serve a county target in region
    /// `to`: the same region, or (rules.county_reach_km > 0) another region whose seat is at most
    /// that many rounded kilometres away, both seats having coordinates.
    func countyReach(from: String, to: String) -> Bool {
        if from == to { return true }
        let reach = scenario.rules.countyReachKm
        guard reach > 0, let a = regions[from], let b = regions[to],
              a.latitude != nil, a.longitude != nil, b.latitude != nil, b.longitude != nil else { return false }
        return GreatCircle.roundedKilometres(from: from, to: to, regions: regions) <= reach
    }

    /// Coverage weight: `priority[p − 1]` plus the halted bonus.
    ///
    /// A priority outside 1…5 is clamped (the loader refuses it anyway), and a priority list
    /// too short for it weighs 0 rather than trapping on the index.
    func weight(of target: Target) -> Int {
        let weights = scenario.weights
        let index = min(max(target.priority, 1), 5) - 1
        let base = weights.priority.indices.contains(index) ? weights.priority[index] : 0
        return base.addingSaturated(target.halted ? weights.halted : 0)
    }

    /// Quality cost of one pair: pairs.csv `cost` if given, else
    /// α·distance_km + β·(rank(c) − effective min rank(t)) + γ·[category ∉ skills(c)].
    func cost(cadre: Cadre, target: Target) -> Int {
        if let fixed = pairRules[PairKey(cadre: cadre.id, target: target.id)]?.cost { return fixed }
        let weights = scenario.weights
        let km = GreatCircle.roundedKilometres(from: cadre.region, to: target.region, regions: regions)
        let rankGap = cadre.rank.rawValue - effectiveMinRank(of: target).rawValue
        let skillMiss = cadre.skills.contains(target.category) ? 0 : 1
        return weights.distancePerKm.multipliedSaturated(by: km)
            .addingSaturated(weights.rankGap.multipliedSaturated(by: rankGap))
            .addingSaturated(weights.skillMismatch.multipliedSaturated(by: skillMiss))
    }
}
