import Scenario

/// The rule book: a scenario indexed once, with every rule of docs/DATA.md that decides who
/// may serve whom, in which wave, at what cost, and how many targets a cadre may take.
///
/// The planner (classes, blocks, models, expansion), the explainer, the pin check and the
/// reports all ask this type; the independent verifier keeps its own deliberate copy. A new
/// rule is one edit here (usually ``exclusion(cadre:target:)`` and the attribute it reads in
/// ``cadreSignature(_:)`` / ``targetSignature(_:)``) plus one in PlanVerifier (docs/DECISIONS.md).
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
    /// Cadres and targets named in pairs.csv: a pair row changes their rules, so every reading
    /// of the rules (classes, the explainer's kinds) tells them apart.
    let pairCadres: Set<Int>
    let pairTargets: Set<Int>
    /// Cadres and targets named in pairs.csv or pins.csv, which the explainer and the idle-cadre
    /// report tell apart. (The class partition reads pins on its own: a pinned cadre joins a class
    /// of cadres with the same pins' wave and remaining room, docs/MODEL.md.)
    let specialCadres: Set<Int>
    let specialTargets: Set<Int>
    /// Targets listed in pairs.csv for each cadre, in file order.
    let listedTargets: [Int: [Int]]
    /// Pins resolved to positions.
    let pins: [ResolvedPin]
    /// Units that are some target's supervisor (and supervisors that are some cadre's unit):
    /// only these values make two cadres (targets) distinguishable under the conflict rule.
    let relevantUnits: Set<String>
    /// Most targets each cadre may serve: its group's or region's `max_targets`, else the mode's M.
    let cadreCountLimit: [Int]
    /// Assignments of an earlier plan to stay close to (re-planning), each pair once; `nil` when
    /// not re-planning.
    let previous: [ResolvedPin]?
    /// Earlier assignments whose cadre, target or wave no longer exists: changes no plan can avoid.
    let previousUnresolved: Int
    /// The objective tiers in the order they are minimised (``TierOrder``).
    let tiers: [Tier]

    struct PairKey: Hashable, Sendable { let cadre: Int; let target: Int }
    struct ResolvedPin: Hashable, Sendable { let cadre: Int; let target: Int; let wave: Int }

    init(_ scenario: Scenario, mode: AssignmentMode? = nil, tierOrder: [Tier]? = nil, previous: [Pin]? = nil) {
        var s = scenario
        if let mode { s.mode = mode }
        if let tierOrder { s.tierOrder = tierOrder }
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
        cadreCountLimit = s.cadres.map { Self.countLimit(of: $0, in: s) }
        var rules: [PairKey: PairRule] = [:]
        var specialC = Set<Int>(), specialT = Set<Int>()
        var listed: [Int: [Int]] = [:]
        for p in s.pairs {
            guard let c = cadreIndex[p.cadre], let t = targetIndex[p.target] else { continue }
            if rules[PairKey(cadre: c, target: t)] == nil { listed[c, default: []].append(t) }
            rules[PairKey(cadre: c, target: t)] = p
            specialC.insert(c); specialT.insert(t)
        }
        pairCadres = specialC
        pairTargets = specialT
        var pins: [ResolvedPin] = []
        for p in s.pins {
            guard let c = cadreIndex[p.cadre], let t = targetIndex[p.target], let w = waveIndex[p.wave] else { continue }
            pins.append(ResolvedPin(cadre: c, target: t, wave: w))
            specialC.insert(c); specialT.insert(t)
        }
        var resolvedPrevious: [ResolvedPin] = []
        var unresolved = 0
        var seen = Set<ResolvedPin>(), seenUnresolved = Set<[String]>()
        for p in previous ?? [] {
            // An earlier pair listed twice is one assignment (ChangeReport counts it once too).
            guard let c = cadreIndex[p.cadre], let t = targetIndex[p.target], let w = waveIndex[p.wave] else {
                if seenUnresolved.insert([p.cadre, p.target, p.wave]).inserted { unresolved += 1 }
                continue
            }
            let r = ResolvedPin(cadre: c, target: t, wave: w)
            guard seen.insert(r).inserted else { continue }
            resolvedPrevious.append(r)
        }
        self.previous = previous == nil ? nil : resolvedPrevious
        previousUnresolved = unresolved
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
        tiers = TierOrder.resolve(s, replanning: previous != nil)
    }

    /// The most targets `cadre` may serve under `scenario`: the `max_targets` of its group and of
    /// its home region where set (the smaller when both are), else the mode's M.
    static func countLimit(of cadre: Cadre, in scenario: Scenario) -> Int {
        let limits = scenario.targetLimits
        let byGroup = cadre.group.flatMap { limits.groups[$0] }
        let byRegion = limits.regions[cadre.region]
        switch (byGroup, byRegion) {
        case let (g?, r?): return min(g, r)
        case let (g?, nil): return g
        case let (nil, r?): return r
        case (nil, nil): return scenario.mode.maxTargets
        }
    }

    /// Most targets cadre `c` may serve.
    func countLimit(ofCadre c: Int) -> Int { cadreCountLimit[c] }

    /// The capacity of a cadre: its own, or its targets-per-cadre limit.
    func capacity(ofCadre c: Int) -> Int { scenario.cadres[c].capacity ?? cadreCountLimit[c] }

    /// Whether a city/county cadre of region position `a` may reach county targets of region `b`
    /// (属地为主) under `reachKm`, by default the scenario's `rules.county_reach_km`.
    func reaches(_ a: Int, _ b: Int, reachKm: Int? = nil) -> Bool {
        geography.withinReach(a, b, reachKm: reachKm ?? scenario.rules.countyReachKm)
    }

    /// Why a cadre may not serve a target, or `nil` when the pair is allowed in some wave.
    ///
    /// Waves are handled separately (earliest wave, urgency; see ``barrier(cadre:target:)``).
    /// This is the model's reading of the rules; the verifier has an independent one. `reachKm`
    /// replaces `rules.county_reach_km` (the explainer asks what a larger reach would allow).
    func exclusion(cadre ci: Int, target ti: Int, reachKm: Int? = nil) -> Exclusion? {
        let c = scenario.cadres[ci], t = scenario.targets[ti]
        if c.level != t.level { return .level }
        if let g = c.group, !(groupCategories[g]?.contains(t.category) ?? false) { return .group }
        if c.level == .county && !reaches(cadreRegion[ci], targetRegion[ti], reachKm: reachKm) { return .region }
        if c.rank < effectiveMinRank[ti] { return .rank }
        if !t.consent { return .consent }
        let rule = pairRules[PairKey(cadre: ci, target: ti)]
        if rule?.forbidden == true { return .forbidden }
        if scenario.rules.onlyListedPairs && rule == nil { return .notListed }
        if scenario.rules.forbidOwnSupervisor, let sup = t.supervisor, !sup.isEmpty, sup == c.unit { return .conflict }
        if workload(cadre: ci, target: ti) > capacity(ofCadre: ci) { return .workload }
        return nil
    }

    /// The first rule that keeps a cadre from a target in every wave: an ``exclusion(cadre:target:)``,
    /// or ``Exclusion/wave`` when the pair is allowed but no wave is (urgent target, later cadre).
    func barrier(cadre ci: Int, target ti: Int) -> Exclusion? {
        if let e = exclusion(cadre: ci, target: ti) { return e }
        return waves(cadre: ci, target: ti).isEmpty ? .wave : nil
    }

    /// The workload of serving `ti` for cadre `ci`: the pair's own, or the target's.
    func workload(cadre ci: Int, target ti: Int) -> Int {
        pairRules[PairKey(cadre: ci, target: ti)]?.workload ?? scenario.targets[ti].workload
    }

    /// The quality cost of a pair: the pair's own, or α·km + β·rank gap + γ·skill miss.
    func cost(cadre ci: Int, target ti: Int) -> Int {
        if let cost = pairRules[PairKey(cadre: ci, target: ti)]?.cost { return cost }
        let c = scenario.cadres[ci], t = scenario.targets[ti], w = scenario.weights
        let gap = max(0, c.rank.rawValue - effectiveMinRank[ti].rawValue)
        let miss = c.skills.contains(t.category) ? 0 : 1
        return w.distancePerKm * distance(cadre: ci, target: ti) + w.rankGap * gap + w.skillMismatch * miss
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

    /// The coverage weight of one unit of shortfall at target `ti`.
    func coverageWeight(ofTarget ti: Int) -> Int { scenario.weights.coverageWeight(of: scenario.targets[ti]) }
}
