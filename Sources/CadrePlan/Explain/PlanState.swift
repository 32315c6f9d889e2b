import Scenario

/// A plan held as per-cadre and per-target counters, so that the explainer can ask "could this
/// cadre take that target?" and then extend the plan with extra cadres and quota raises.
///
/// Cadres beyond the roster (the recommended extras) count only in `used` and `served` here;
/// they never enter the `PreparedScenario`, whose indices stay those of the plan.
/// A class, because the analysis reads it in loops over thousands of cadres and a struct of
/// arrays would be copied on each call in unoptimised builds.
final class PlanState {
    let p: PreparedScenario
    /// Wave position each roster cadre is dispatched in, `nil` when idle.
    var cadreWave: [Int?]
    /// Targets each roster cadre serves, and the workload it carries.
    var cadreCount: [Int]
    var cadreLoad: [Int]
    /// (cadre, target) pairs in the plan.
    var pairs: Set<PreparedScenario.PairKey>
    /// Cadres serving each target.
    var served: [Int]
    /// Cadres counted by each quota, and the limit as raised so far.
    var used: [QuotaKey: Int]
    var limit: [QuotaKey: Int]
    /// The scenario's own limits (before any raise).
    let baseLimit: [QuotaKey: Int]

    init(_ p: PreparedScenario, pairs planned: [PlannedPair]) {
        self.p = p
        let s = p.scenario
        cadreWave = Array(repeating: nil, count: s.cadres.count)
        cadreCount = Array(repeating: 0, count: s.cadres.count)
        cadreLoad = Array(repeating: 0, count: s.cadres.count)
        served = Array(repeating: 0, count: s.targets.count)
        pairs = []
        for pair in planned {
            cadreWave[pair.cadre] = pair.wave
            cadreCount[pair.cadre] += 1
            cadreLoad[pair.cadre] += p.workload(cadre: pair.cadre, target: pair.target)
            served[pair.target] += 1
            pairs.insert(.init(cadre: pair.cadre, target: pair.target))
        }
        let limit = p.quotaLimits
        self.limit = limit
        baseLimit = limit
        var used: [QuotaKey: Int] = [:]
        for key in limit.keys { used[key] = 0 }
        for (c, w) in cadreWave.enumerated() {
            guard let w else { continue }
            for key in p.quotaKeys(cadre: c, wave: w) { used[key, default: 0] += 1 }
        }
        self.used = used
    }

    /// The quotas counting roster cadre `c` in wave `w` (the rule book's membership).
    func quotaKeys(cadre c: Int, wave w: Int) -> [QuotaKey] { p.quotaKeys(cadre: c, wave: w) }

    /// The keys among `keys` that are full (one more cadre would break them).
    func full(_ keys: [QuotaKey]) -> [QuotaKey] { keys.filter { used[$0, default: 0] >= limit[$0] ?? Int.max } }

    /// Whether dispatched cadre `c` can take one more target `t` in its own wave without
    /// breaking its count limit or capacity, and without serving `t` twice.
    func hasRoom(cadre c: Int, for t: Int) -> Bool {
        cadreCount[c] < p.countLimit(ofCadre: c)
            && cadreLoad[c] + p.workload(cadre: c, target: t) <= p.capacity(ofCadre: c)
            && !pairs.contains(.init(cadre: c, target: t))
    }

    /// Roster cadre `c` serves `t` in wave `w` (dispatching it there if it was idle).
    func assign(cadre c: Int, target t: Int, wave w: Int) -> [QuotaKey] {
        var counted: [QuotaKey] = []
        if cadreWave[c] == nil {
            cadreWave[c] = w
            counted = quotaKeys(cadre: c, wave: w)
            for key in counted { used[key, default: 0] += 1 }
        }
        cadreCount[c] += 1
        cadreLoad[c] += p.workload(cadre: c, target: t)
        served[t] += 1
        pairs.insert(.init(cadre: c, target: t))
        return counted
    }

    /// Counts a newly dispatched extra cadre against its quotas; returns the quotas it pushes
    /// over their current limit (each then raised by one).
    func dispatchExtra(level: Level, region: String, group: String?, wave w: Int) -> [QuotaKey] {
        var raised: [QuotaKey] = []
        for key in p.quotaKeys(level: level, region: region, group: group, wave: w) {
            used[key, default: 0] += 1
            if let l = limit[key], used[key]! > l { limit[key] = l + 1; raised.append(key) }
        }
        return raised
    }

    /// After a roster cadre was dispatched by `assign`, raises any quota it pushed over its limit.
    func raiseIfOver(_ keys: [QuotaKey]) -> [QuotaKey] {
        var raised: [QuotaKey] = []
        for key in keys {
            if let l = limit[key], used[key, default: 0] > l { limit[key] = l + 1; raised.append(key) }
        }
        return raised
    }

    /// Coverage tier of the counters: Σ weight × (demand − served) over the targets that accept
    /// service (never below zero per target).
    func coverage() -> Int {
        var total = 0
        for (i, t) in p.scenario.targets.enumerated() where t.consent {
            total += p.scenario.weights.coverageWeight(of: t) * max(0, t.demand - served[i])
        }
        return total
    }
}
