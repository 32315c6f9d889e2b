import Scenario

/// A scenario indexed for the model builder: every id resolved to a position once.
///
/// The loader has already checked references; anything still unresolved here is a
/// programming error upstream, so lookups fall back to "not allowed" rather than trap.
struct PreparedScenario: Sendable {
    let scenario: Scenario
    let geography: Geography
    let waveIndex: [String: Int]
    let cadreIndex: [String: Int]
    let targetIndex: [String: Int]
    /// Region position of each cadre / target (-1 when unknown).
    let cadreRegion: [Int]
    let targetRegion: [Int]
    /// Earliest wave position of each cadre.
    let cadreEarliest: [Int]
    /// Categories served by each group id.
    let groupCategories: [String: Set<String>]
    /// Effective minimum rank of each target: its own and its kind's rule, whichever is higher.
    let effectiveMinRank: [Rank]
    /// pairs.csv rows keyed by (cadre position, target position).
    let pairRules: [PairKey: PairRule]
    /// Cadres and targets named in pairs.csv or pins.csv: the model tells them apart.
    let specialCadres: Set<Int>
    let specialTargets: Set<Int>
    /// Targets listed in pairs.csv for each cadre, in file order.
    let listedTargets: [Int: [Int]]
    /// Pins resolved to positions.
    let pins: [ResolvedPin]
    /// Units that are some target's supervisor (and supervisors that are some cadre's unit):
    /// only these values make two cadres (targets) distinguishable under the conflict rule.
    let relevantUnits: Set<String>
    /// Most targets one cadre may serve.
    let countLimit: Int
    /// Assignments of an earlier plan to stay close to (re-planning); `nil` when not re-planning.
    let previous: [ResolvedPin]?
    /// Earlier assignments whose cadre, target or wave no longer exists: changes no plan can avoid.
    let previousUnresolved: Int
    /// Earlier partners of each cadre / target (positions and wave).
    let previousByCadre: [Int: [ResolvedPin]]
    let previousByTarget: [Int: [ResolvedPin]]

    struct PairKey: Hashable, Sendable { let cadre: Int; let target: Int }
    struct ResolvedPin: Hashable, Sendable { let cadre: Int; let target: Int; let wave: Int }

    init(_ scenario: Scenario, mode: AssignmentMode? = nil, previous: [Pin]? = nil) {
        var s = scenario
        if let mode { s.mode = mode }
        self.scenario = s
        geography = Geography(regions: s.regions)
        var waveIndex: [String: Int] = [:]
        for (i, w) in s.waves.enumerated() { waveIndex[w.id] = i }
        self.waveIndex = waveIndex
        var cadreIndex: [String: Int] = [:]
        for (i, c) in s.cadres.enumerated() where cadreIndex[c.id] == nil { cadreIndex[c.id] = i }
        var targetIndex: [String: Int] = [:]
        for (i, t) in s.targets.enumerated() where targetIndex[t.id] == nil { targetIndex[t.id] = i }
        self.cadreIndex = cadreIndex
        self.targetIndex = targetIndex
        let geo = geography
        cadreRegion = s.cadres.map { geo.index[$0.region] ?? -1 }
        targetRegion = s.targets.map { geo.index[$0.region] ?? -1 }
        cadreEarliest = s.cadres.map { c in c.earliestWave.flatMap { waveIndex[$0] } ?? 0 }
        var groups: [String: Set<String>] = [:]
        for g in s.groups { groups[g.id, default: []].formUnion(g.categories) }
        groupCategories = groups
        effectiveMinRank = s.targets.map { t in max(t.minRank, s.rules.minRankByKind[t.kind] ?? .section) }
        var rules: [PairKey: PairRule] = [:]
        var specialC = Set<Int>(), specialT = Set<Int>()
        var listed: [Int: [Int]] = [:]
        for p in s.pairs {
            guard let c = cadreIndex[p.cadre], let t = targetIndex[p.target] else { continue }
            if rules[PairKey(cadre: c, target: t)] == nil { listed[c, default: []].append(t) }
            rules[PairKey(cadre: c, target: t)] = p
            specialC.insert(c); specialT.insert(t)
        }
        var pins: [ResolvedPin] = []
        for p in s.pins {
            guard let c = cadreIndex[p.cadre], let t = targetIndex[p.target], let w = waveIndex[p.wave] else { continue }
            pins.append(ResolvedPin(cadre: c, target: t, wave: w))
            specialC.insert(c); specialT.insert(t)
        }
        var resolvedPrevious: [ResolvedPin] = []
        var unresolved = 0
        var byCadre: [Int: [ResolvedPin]] = [:], byTarget: [Int: [ResolvedPin]] = [:]
        for p in previous ?? [] {
            guard let c = cadreIndex[p.cadre], let t = targetIndex[p.target], let w = waveIndex[p.wave] else { unresolved += 1; continue }
            let r = ResolvedPin(cadre: c, target: t, wave: w)
            resolvedPrevious.append(r)
            byCadre[c, default: []].append(r)
            byTarget[t, default: []].append(r)
            // Beyond one-to-one, kept pairs are counted on individual cadres and targets
            // (see docs/MODEL.md, re-planning), so earlier participants are told apart.
            if s.mode.maxTargets > 1 { specialC.insert(c); specialT.insert(t) }
        }
        self.previous = previous == nil ? nil : resolvedPrevious
        previousUnresolved = unresolved
        previousByCadre = byCadre
        previousByTarget = byTarget
        pairRules = rules
        listedTargets = listed
        specialCadres = specialC
        specialTargets = specialT
        self.pins = pins
        if s.rules.forbidOwnSupervisor {
            let units = Set(s.cadres.map(\.unit).filter { !$0.isEmpty })
            let supervisors = Set(s.targets.compactMap(\.supervisor).filter { !$0.isEmpty })
            relevantUnits = units.intersection(supervisors)
        } else {
            relevantUnits = []
        }
        countLimit = s.mode.maxTargets
    }

    /// The capacity of a cadre: its own, or the mode's targets per cadre.
    func capacity(ofCadre c: Int) -> Int { scenario.cadres[c].capacity ?? countLimit }

    /// Why a cadre may not serve a target, or `nil` when the pair is allowed in some wave.
    ///
    /// Waves are handled separately (earliest wave, urgency). This is the builder's own
    /// reading of the rules; the verifier has an independent one.
    func exclusion(cadre ci: Int, target ti: Int) -> Exclusion? {
        let c = scenario.cadres[ci], t = scenario.targets[ti]
        if c.level != t.level { return .level }
        if let g = c.group, !(groupCategories[g]?.contains(t.category) ?? false) { return .group }
        if c.level == .county && cadreRegion[ci] != targetRegion[ti] { return .region }
        if c.rank < effectiveMinRank[ti] { return .rank }
        if !t.consent { return .consent }
        let rule = pairRules[PairKey(cadre: ci, target: ti)]
        if rule?.forbidden == true { return .forbidden }
        if scenario.rules.onlyListedPairs && rule == nil { return .notListed }
        if scenario.rules.forbidOwnSupervisor, let sup = t.supervisor, !sup.isEmpty, sup == c.unit { return .conflict }
        if workload(cadre: ci, target: ti) > capacity(ofCadre: ci) { return .workload }
        return nil
    }

    /// The workload of serving `ti` for cadre `ci`: the pair's own, or the target's.
    func workload(cadre ci: Int, target ti: Int) -> Int {
        pairRules[PairKey(cadre: ci, target: ti)]?.workload ?? scenario.targets[ti].workload
    }

    /// The quality cost of a pair: the pair's own, or α·km + β·rank gap + γ·skill miss.
    func cost(cadre ci: Int, target ti: Int) -> Int {
        if let cost = pairRules[PairKey(cadre: ci, target: ti)]?.cost { return cost }
        let c = scenario.cadres[ci], t = scenario.targets[ti], w = scenario.weights
        let km = (cadreRegion[ci] >= 0 && targetRegion[ti] >= 0) ? geography.distance(cadreRegion[ci], targetRegion[ti]) : 0
        let gap = max(0, c.rank.rawValue - effectiveMinRank[ti].rawValue)
        let miss = c.skills.contains(t.category) ? 0 : 1
        return w.distancePerKm * km + w.rankGap * gap + w.skillMismatch * miss
    }

    /// The km between a cadre's and a target's regions.
    func distance(cadre ci: Int, target ti: Int) -> Int {
        (cadreRegion[ci] >= 0 && targetRegion[ti] >= 0) ? geography.distance(cadreRegion[ci], targetRegion[ti]) : 0
    }

    /// The waves in which a cadre may serve a target (assuming the pair is allowed).
    func waves(cadre ci: Int, target ti: Int) -> Range<Int> {
        let first = cadreEarliest[ci]
        let end = scenario.targets[ti].urgent ? min(1, scenario.waves.count) : scenario.waves.count
        return first < end ? first..<end : 0..<0
    }
}

/// The rule that keeps a cadre from a target.
public enum Exclusion: String, Sendable, CaseIterable {
    /// Different levels (provincial vs city/county).
    case level
    /// The cadre's group does not serve the target's category.
    case group
    /// City/county cadres serve their own region only.
    case region
    /// The cadre's rank is below the target's minimum.
    case rank
    /// The target declined service.
    case consent
    /// pairs.csv forbids the pair.
    case forbidden
    /// The scenario allows listed pairs only and this one is not listed.
    case notListed
    /// The target is supervised by the cadre's own unit (回避).
    case conflict
    /// The pair's workload exceeds the cadre's capacity.
    case workload
}
