import Scenario

/// Finds rule changes that could close shortages without adding cadres:
///
/// 1. **One more target per cadre** (一对多 where needed): a compatible cadre is dispatched in a
///    wave the target allows but already serves as many targets as its limit M allows, and one
///    more would fit its capacity. Raising M for the cadre's service group (provincial cadres,
///    or where the group sets its own M) or home region (otherwise) lets it take the target.
/// 2. **A larger county reach** (属地为主): a city/county cadre of another region, idle or with
///    room, would pass every rule but the region's. The nearest such region's seat distance is
///    the reach the target needs; one change proposes the largest reach any short target needs.
///
/// Each change lists the targets it is meant to close; the explainer re-solves with all of them
/// applied together to count how many it really closes.
struct RuleChangeBuilder {
    /// The changes, numbered from 1.
    private(set) var changes: [RuleChange] = []
    /// The changes that could close each short target, by target id.
    private(set) var changesOfTarget: [String: [Int]] = [:]

    /// A targets-per-cadre setting, for grouping.
    private struct LimitKey: Hashable, Comparable {
        let setting: RuleChange.Setting
        let key: String
        static func < (a: LimitKey, b: LimitKey) -> Bool { (a.setting.rawValue, a.key) < (b.setting.rawValue, b.key) }
    }

    init(state: PlanState, analysis: ShortageAnalysis) {
        let p = state.p
        var limitOrder: [LimitKey] = [], limitTargets: [LimitKey: [String]] = [:]
        var reachTargets: [(id: String, km: Int)] = []
        let countyKinds = CadreKinds(p).of[.county] ?? []
        for short in analysis.shorts where short.shortage.reason.kind != .declined {
            if let key = Self.limitKey(state, short: short) {
                if limitTargets[key] == nil { limitOrder.append(key) }
                limitTargets[key, default: []].append(short.shortage.target)
            }
            if let km = Self.neededReach(state, target: short.target, kinds: countyKinds) {
                reachTargets.append((short.shortage.target, km))
            }
        }
        for key in limitOrder {
            add(RuleChange(id: 0, setting: key.setting, key: key.key, from: Self.currentLimit(p.scenario, key), to: Self.currentLimit(p.scenario, key) + 1,
                           targets: limitTargets[key]!, closed: nil))
        }
        if let km = reachTargets.map(\.km).max() {
            add(RuleChange(id: 0, setting: .countyReachKm, key: nil, from: p.scenario.rules.countyReachKm, to: km,
                           targets: reachTargets.map(\.id), closed: nil))
        }
    }

    private mutating func add(_ change: RuleChange) {
        var change = change
        change.id = changes.count + 1
        for t in change.targets { changesOfTarget[t, default: []].append(change.id) }
        changes.append(change)
    }

    /// The setting to raise for the busy compatible cadres of a short target: the one that most of
    /// them share (ties by setting and id), or `nil` when none is held back by its count limit.
    private static func limitKey(_ state: PlanState, short: ShortageAnalysis.Short) -> LimitKey? {
        let p = state.p, ti = short.target
        var tally: [LimitKey: Int] = [:]
        for c in short.candidates {
            guard let w = state.cadreWave[c], p.waves(cadre: c, target: ti).contains(w),
                  !state.pairs.contains(.init(cadre: c, target: ti)) else { continue }
            let limit = p.countLimit(ofCadre: c)
            guard state.cadreCount[c] >= limit else { continue }  // held back by workload, not by M
            // With M + 1 the default capacity grows with it; an explicit capacity stays.
            let capacity = p.scenario.cadres[c].capacity ?? (limit + 1)
            guard state.cadreLoad[c] + p.workload(cadre: c, target: ti) <= capacity else { continue }
            tally[limitKey(p, cadre: c), default: 0] += 1
        }
        return tally.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Which `max_targets` entry decides cadre `c`'s limit (the smaller when both are set), or the
    /// one a planner would add: the group for provincial cadres with a group, else the home region.
    private static func limitKey(_ p: PreparedScenario, cadre c: Int) -> LimitKey {
        let cadre = p.scenario.cadres[c], limits = p.scenario.targetLimits
        let byGroup = cadre.group.flatMap { limits.groups[$0] }, byRegion = limits.regions[cadre.region]
        let group = cadre.group.map { LimitKey(setting: .maxTargetsGroup, key: $0) }
        let region = LimitKey(setting: .maxTargetsRegion, key: cadre.region)
        switch (byGroup, byRegion) {
        case let (g?, r?): return g <= r ? group! : region
        case (_?, nil): return group!
        case (nil, _?): return region
        case (nil, nil): return cadre.level == .province ? (group ?? region) : region
        }
    }

    /// The value a targets-per-cadre setting has now: its own, else the mode's M.
    private static func currentLimit(_ s: Scenario, _ key: LimitKey) -> Int {
        switch key.setting {
        case .maxTargetsGroup: s.targetLimits.groups[key.key] ?? s.mode.maxTargets
        case .maxTargetsRegion: s.targetLimits.regions[key.key] ?? s.mode.maxTargets
        case .countyReachKm: s.rules.countyReachKm
        }
    }

    /// The smallest county reach (km) that would bring a city/county cadre of another region,
    /// idle or with room, to county target `ti`; `nil` when no region's cadres would do.
    private static func neededReach(_ state: PlanState, target ti: Int, kinds: [[Int]]) -> Int? {
        let p = state.p
        guard p.scenario.targets[ti].level == .county, p.targetRegion[ti] >= 0 else { return nil }
        var best: Int?
        for kind in kinds {
            let c = kind[0]
            guard p.cadreRegion[c] != p.targetRegion[ti], p.cadreRegion[c] >= 0,
                  p.geography.withinReach(p.cadreRegion[c], p.targetRegion[ti], reachKm: Int.max),
                  p.exclusion(cadre: c, target: ti, reachKm: Int.max) == nil else { continue }
            let km = p.geography.distance(p.cadreRegion[c], p.targetRegion[ti])
            guard km > p.scenario.rules.countyReachKm, best.map({ km < $0 }) ?? true else { continue }
            let waves = p.waves(cadre: c, target: ti)
            let available = kind.contains { m in
                guard let w = state.cadreWave[m] else { return !waves.isEmpty }
                return waves.contains(w) && state.hasRoom(cadre: m, for: ti)
            }
            if available { best = km }
        }
        return best
    }

    /// `scenario` with every change applied (what the check re-solves).
    static func applied(_ changes: [RuleChange], to scenario: Scenario) -> Scenario {
        var s = scenario
        for change in changes {
            switch change.setting {
            case .maxTargetsGroup: s.targetLimits.groups[change.key ?? ""] = change.to
            case .maxTargetsRegion: s.targetLimits.regions[change.key ?? ""] = change.to
            case .countyReachKm: s.rules.countyReachKm = max(s.rules.countyReachKm, change.to)
            }
        }
        return s
    }
}
