import Scenario

/// The campaign's own figures for a plan: coverage and help rates, quota use, load, distance, ranks.
public struct CampaignIndicators: Sendable, Equatable, Codable {
    /// A share of the targets that accept service which are fully served (结合企业意愿: targets
    /// that declined are counted apart, never as uncovered).
    public struct Rate: Sendable, Equatable, Codable {
        /// Indicator or group id.
        public var id: String
        /// Display name.
        public var name: String
        /// Targets counted, those that declined service included.
        public var targets: Int
        /// Targets that declined service (不愿接受服务).
        public var declined: Int
        /// Targets that accept service: targets − declined.
        public var accepting: Int
        /// Accepting targets that receive every cadre they need.
        public var covered: Int
        /// Cadres needed and cadres assigned, over the accepting targets.
        public var demand: Int
        public var served: Int
        /// covered / accepting (1 when no target accepts).
        public var rate: Double
    }
    /// Cadres dispatched in a wave at a level, against the quota.
    public struct Dispatch: Sendable, Equatable, Codable {
        public var wave: String
        public var date: String
        public var level: String
        public var dispatched: Int
        /// `nil` when the scenario sets no quota.
        public var quota: Int?
    }
    /// Campaign indicators named in scenario.yaml.
    public var indicators: [Rate]
    /// Coverage per category and per region.
    public var byCategory: [Rate]
    public var byRegion: [Rate]
    /// Dispatch per wave and level.
    public var dispatch: [Dispatch]
    /// Cadres dispatched, pairs, and how many cadres serve 1, 2, … targets.
    public var cadresDispatched: Int
    public var pairs: Int
    public var targetsPerCadre: [String: Int]
    /// Targets served beyond each dispatched cadre's first (pairs − cadres dispatched): the
    /// count the one-to-one principle keeps low.
    public var extraTargets: Int
    /// Cadres left undispatched, per home region and per service group, with the reason.
    public var idle: IdleCadres
    /// 支援外地: county pairs across regions (only under rules.county_reach_km), per region.
    public var crossRegion: [CrossRegion]
    /// Distance over all pairs: total, mean, largest (km).
    public var distanceTotalKm: Int
    public var distanceMeanKm: Double
    public var distanceMaxKm: Int
    /// Pairs by cadre rank (厅/处/科) and how many serve above the target's minimum rank.
    public var pairsByRank: [String: Int]
    public var pairsAboveMinimumRank: Int

    /// Computes the indicators of `plan`.
    public init(plan: Plan) {
        let s = plan.scenario
        let p = plan.prepared
        var served = [Int](repeating: 0, count: s.targets.count)
        var perCadre: [Int: Int] = [:]
        var cadreWave: [Int: Int] = [:]
        var distance = 0, maxDistance = 0, above = 0
        var byRank: [String: Int] = [:]
        for pair in plan.pairs {
            served[pair.target] += 1
            perCadre[pair.cadre, default: 0] += 1
            cadreWave[pair.cadre] = pair.wave
            let d = p.distance(cadre: pair.cadre, target: pair.target)
            distance += d; maxDistance = max(maxDistance, d)
            let rank = s.cadres[pair.cadre].rank
            byRank[rank.chinese, default: 0] += 1
            if rank > p.effectiveMinRank[pair.target] { above += 1 }
        }
        func rate(_ id: String, _ name: String, _ include: (Target) -> Bool) -> Rate {
            var r = Rate(id: id, name: name, targets: 0, declined: 0, accepting: 0, covered: 0, demand: 0, served: 0, rate: 1)
            for (i, t) in s.targets.enumerated() where include(t) {
                r.targets += 1
                guard t.consent else { r.declined += 1; continue }
                r.accepting += 1; r.demand += t.demand; r.served += served[i]
                if served[i] >= t.demand { r.covered += 1 }
            }
            r.rate = r.accepting == 0 ? 1 : Double(r.covered) / Double(r.accepting)
            return r
        }
        indicators = s.indicators.map { ind in rate(ind.id, ind.name, ind.counts) }
        var categories: [String] = []
        var seen = Set<String>()
        for t in s.targets where seen.insert(t.category).inserted { categories.append(t.category) }
        byCategory = categories.map { c in rate(c, c) { $0.category == c } }
        byRegion = s.regions.map { r in rate(r.id, r.name) { $0.region == r.id } }
        var dispatch: [Dispatch] = []
        for (w, wave) in s.waves.enumerated() {
            for level in Level.allCases {
                let n = cadreWave.filter { $0.value == w && s.cadres[$0.key].level == level }.count
                dispatch.append(Dispatch(wave: wave.id, date: wave.date, level: level.rawValue, dispatched: n, quota: wave.quotas[level]))
            }
        }
        self.dispatch = dispatch
        cadresDispatched = perCadre.count
        pairs = plan.pairs.count
        var histogram: [String: Int] = [:]
        for (_, n) in perCadre { histogram[String(n), default: 0] += 1 }
        targetsPerCadre = histogram
        extraTargets = plan.pairs.count - perCadre.count
        idle = IdleCadres(p, pairs: plan.pairs, served: served, cadreWave: cadreWave)
        crossRegion = CrossRegion.table(p, pairs: plan.pairs)
        distanceTotalKm = distance
        distanceMeanKm = plan.pairs.isEmpty ? 0 : (Double(distance) / Double(plan.pairs.count) * 10).rounded() / 10
        distanceMaxKm = maxDistance
        pairsByRank = byRank
        pairsAboveMinimumRank = above
    }
}

// Plans written before declined targets, idle cadres and cross-region service were reported
// still compare: the missing figures read as "none" (an older plan counted every target as accepting).
extension CampaignIndicators.Rate {
    private enum CodingKeys: String, CodingKey { case id, name, targets, declined, accepting, covered, demand, served, rate }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id); name = try c.decode(String.self, forKey: .name)
        targets = try c.decode(Int.self, forKey: .targets)
        declined = try c.decodeIfPresent(Int.self, forKey: .declined) ?? 0
        accepting = try c.decodeIfPresent(Int.self, forKey: .accepting) ?? targets
        covered = try c.decode(Int.self, forKey: .covered)
        demand = try c.decode(Int.self, forKey: .demand); served = try c.decode(Int.self, forKey: .served)
        rate = try c.decode(Double.self, forKey: .rate)
    }
}

extension CampaignIndicators {
    private enum CodingKeys: String, CodingKey {
        case indicators, byCategory, byRegion, dispatch, cadresDispatched, pairs, targetsPerCadre, extraTargets, idle, crossRegion
        case distanceTotalKm, distanceMeanKm, distanceMaxKm, pairsByRank, pairsAboveMinimumRank
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        indicators = try c.decode([Rate].self, forKey: .indicators)
        byCategory = try c.decode([Rate].self, forKey: .byCategory)
        byRegion = try c.decode([Rate].self, forKey: .byRegion)
        dispatch = try c.decode([Dispatch].self, forKey: .dispatch)
        cadresDispatched = try c.decode(Int.self, forKey: .cadresDispatched)
        pairs = try c.decode(Int.self, forKey: .pairs)
        targetsPerCadre = try c.decode([String: Int].self, forKey: .targetsPerCadre)
        extraTargets = try c.decodeIfPresent(Int.self, forKey: .extraTargets) ?? (pairs - cadresDispatched)
        idle = try c.decodeIfPresent(IdleCadres.self, forKey: .idle) ?? IdleCadres(byRegion: [], byGroup: [], total: 0)
        crossRegion = try c.decodeIfPresent([CrossRegion].self, forKey: .crossRegion) ?? []
        distanceTotalKm = try c.decode(Int.self, forKey: .distanceTotalKm)
        distanceMeanKm = try c.decode(Double.self, forKey: .distanceMeanKm)
        distanceMaxKm = try c.decode(Int.self, forKey: .distanceMaxKm)
        pairsByRank = try c.decode([String: Int].self, forKey: .pairsByRank)
        pairsAboveMinimumRank = try c.decode(Int.self, forKey: .pairsAboveMinimumRank)
    }
}
