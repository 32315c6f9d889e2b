import Scenario

/// Reads a plan and says, for every target below its demand, which cadres could serve it and
/// what keeps each of them away: a rule, another target, a full quota, or the count limit.
struct ShortageAnalysis {
    /// A short target with the roster cadres allowed to serve it (in some wave).
    struct Short {
        let target: Int
        let candidates: [Int]
        /// Compatible cadres left undispatched, and those with room to take it in their own wave.
        var idle: [Int] = []
        var spare: [Int] = []
        var shortage: Shortage
        /// Full quotas that keep a compatible cadre away (for `QuotaUse.binds`).
        var blockingQuotas: Set<QuotaKey>
    }

    let shorts: [Short]
    let quotas: [QuotaUse]

    init(_ state: PlanState) {
        let p = state.p, s = p.scenario
        let weightOf = s.targets.map { s.weights.coverageWeight(of: $0) }

        // Lightest weight each quota's cadres serve in its wave: says what a full quota is spent on.
        var lightest: [QuotaKey: Int] = [:]
        for pair in state.pairs {
            guard let w = state.cadreWave[pair.cadre] else { continue }
            for key in state.quotaKeys(cadre: pair.cadre, wave: w) {
                lightest[key] = min(lightest[key] ?? Int.max, weightOf[pair.target])
            }
        }
        // Targets each cadre serves, for the weights of the competition.
        var servesOf: [Int: [Int]] = [:]
        for pair in state.pairs { servesOf[pair.cadre, default: []].append(pair.target) }

        let kinds = CadreKinds(p)
        var shorts: [Short] = []
        for (ti, t) in s.targets.enumerated() where state.served[ti] < t.demand {
            var shortage = Shortage(
                target: t.id, name: t.name, category: t.category, level: t.level, region: t.region, weight: weightOf[ti],
                urgent: t.urgent, halted: t.halted, demand: t.demand, served: state.served[ti], minRank: p.effectiveMinRank[ti],
                reason: ShortageReason(kind: .declined, limit: s.mode.maxTargets), excluded: [], recommendation: nil)
            guard t.consent else {
                shorts.append(Short(target: ti, candidates: [], shortage: shortage, blockingQuotas: []))
                continue
            }
            // Cadres of other levels are never counted one by one: the level is the first rule and
            // a planner reads "no provincial cadre can serve a county target" as obvious.
            var tally: [Exclusion: Int] = [:]
            var candidates: [Int] = []
            for kind in kinds.of[t.level] ?? [] {
                if let e = p.barrier(cadre: kind[0], target: ti) {
                    tally[e, default: 0] += kind.count
                } else {
                    candidates += kind
                }
            }
            let sameLevel = kinds.count[t.level] ?? 0
            if sameLevel == 0 && !s.cadres.isEmpty { tally[.level] = s.cadres.count }
            // Largest count first; equal counts in the model's rule order.
            let ruleOrder = Dictionary(uniqueKeysWithValues: Exclusion.allCases.enumerated().map { ($1, $0) })
            shortage.excluded = tally.map { BarrierCount(barrier: $0.key, cadres: $0.value) }.sorted {
                $0.cadres != $1.cadres ? $0.cadres > $1.cadres : ruleOrder[$0.barrier]! < ruleOrder[$1.barrier]!
            }

            let limit = candidates.map { p.countLimit(ofCadre: $0) }.max() ?? s.mode.maxTargets
            var reason = ShortageReason(kind: .noCompatibleCadre, compatible: candidates.count, limit: limit)
            var busyWeights: [Int: Int] = [:]
            var blocking = Set<QuotaKey>()
            var idle: [Int] = [], spare: [Int] = []
            for c in candidates {
                let allowed = p.waves(cadre: c, target: ti)
                if state.pairs.contains(.init(cadre: c, target: ti)) {
                    reason.servingIt += 1
                } else if let w = state.cadreWave[c], allowed.contains(w) {
                    if state.hasRoom(cadre: c, for: ti) {
                        reason.spare += 1
                        spare.append(c)
                    } else {
                        reason.busy += 1
                        for other in servesOf[c] ?? [] { busyWeights[weightOf[other], default: 0] += 1 }
                    }
                } else {
                    // Undispatched, or dispatched in a wave this (urgent) target may not use:
                    // only a full quota in every allowed wave keeps it from serving this target.
                    if state.cadreWave[c] == nil { idle.append(c) }
                    let fullPerWave = allowed.map { state.full(state.quotaKeys(cadre: c, wave: $0)) }
                    if fullPerWave.allSatisfy({ !$0.isEmpty }) {
                        reason.quotaBlocked += 1
                        for keys in fullPerWave { blocking.formUnion(keys) }
                    } else if state.cadreWave[c] == nil {
                        reason.spare += 1
                    } else {
                        // In a later wave with room in an allowed one: moving it would drop its own targets.
                        reason.busy += 1
                        for other in servesOf[c] ?? [] { busyWeights[weightOf[other], default: 0] += 1 }
                    }
                }
            }
            reason.busyWith = busyWeights.map { WeightCount(weight: $0.key, count: $0.value) }.sorted { $0.weight > $1.weight }
            if candidates.isEmpty {
                reason.kind = .noCompatibleCadre
            } else if reason.spare > 0 {
                reason.kind = .notOptimal
            } else if reason.quotaBlocked > 0 {
                reason.kind = .quotaFull
                reason.quotas = blocking.sorted(by: waveOrder(s)).map { QuotaUse(quota: $0, used: state.used[$0] ?? 0, limit: state.limit[$0] ?? 0, binds: true) }
                reason.quotaTakenFromWeight = blocking.compactMap { lightest[$0] }.min()
            } else if limit > 1 {
                // One-to-many: the busy cadres carry as many targets (or as much workload) as they may.
                reason.kind = .capacityReached
            } else {
                reason.kind = .notEnoughCadres
            }
            shortage.reason = reason
            shorts.append(Short(target: ti, candidates: candidates, idle: idle, spare: spare, shortage: shortage, blockingQuotas: blocking))
        }
        // Heaviest first, the order in which a planner should read them; targets that declined
        // service last, since nothing can be done about them.
        shorts.sort { a, b in
            let da = a.shortage.reason.kind == .declined, db = b.shortage.reason.kind == .declined
            if da != db { return db }
            if a.shortage.weight != b.shortage.weight { return a.shortage.weight > b.shortage.weight }
            return a.shortage.target < b.shortage.target
        }
        self.shorts = shorts

        var shortTargets: [QuotaKey: Int] = [:]
        for short in shorts { for key in short.blockingQuotas { shortTargets[key, default: 0] += 1 } }
        quotas = state.limit.keys.sorted(by: waveOrder(s)).map { key in
            QuotaUse(quota: key, used: state.used[key] ?? 0, limit: state.limit[key]!,
                     binds: (shortTargets[key] ?? 0) > 0, shortTargets: shortTargets[key] ?? 0)
        }
    }
}

/// Orders quota keys by wave position in the scenario (not by wave id text), then kind and key.
func waveOrder(_ s: Scenario) -> (QuotaKey, QuotaKey) -> Bool {
    var position: [String: Int] = [:]
    for (i, w) in s.waves.enumerated() { position[w.id] = i }
    return { a, b in
        let pa = position[a.wave] ?? Int.max, pb = position[b.wave] ?? Int.max
        if pa != pb { return pa < pb }
        return a < b
    }
}


/// Roster cadres grouped by their rule signature (``CadreSignature``, what `PreparedScenario.exclusion`
/// and `waves` read), so that a short target is checked once per group instead of once per cadre
/// (10,000 cadres make a few hundred groups).
///
/// Cadres named in pairs.csv or pins.csv are groups of their own: a pair row changes their rules.
struct CadreKinds {
    /// Groups of cadre positions by level, each group in roster order.
    let of: [Level: [[Int]]]
    /// Cadres of each level.
    let count: [Level: Int]

    init(_ p: PreparedScenario) {
        var index: [CadreSignature: Int] = [:]
        var groups: [[Int]] = []
        for i in p.scenario.cadres.indices {
            guard let signature = p.cadreSignature(i) else { groups.append([i]); continue }
            if let g = index[signature] { groups[g].append(i) } else { index[signature] = groups.count; groups.append([i]) }
        }
        of = Dictionary(grouping: groups, by: { p.scenario.cadres[$0[0]].level })
        count = Dictionary(grouping: p.scenario.cadres, by: \.level).mapValues(\.count)
    }
}
