import Scenario

/// Extends the explained plan, unit by missing unit, until every short target that any cadre
/// could serve is fully served, and records what that took as recommendations.
///
/// For each missing unit, in the order of the shortages (heaviest first), it uses the first of:
/// 1. a compatible roster cadre with room (only in plans that are not optimal) — nothing to change;
/// 2. an undispatched compatible roster cadre: dispatch it, raising the quotas that are full
///    (when none is full, the plan was not optimal);
/// 3. an extra cadre of the target's kind (level, region, group serving the category, rank at the
///    target's minimum), reusing one of the same kind with room in one-to-many mode.
///
/// Because the extended plan is feasible for the enlarged scenario, the enlarged scenario's
/// optimal coverage is at most the extended plan's; the check confirms the targets are served.
struct RecommendationBuilder {
    /// A recommendation under construction.
    private struct Draft {
        var recommendation: Recommendation
        var raises: [QuotaKey: Int] = [:]
        var categories: Set<String> = []
        var targetSet: Set<String> = []
    }

    /// What groups units into one recommendation.
    private struct DraftKey: Hashable {
        let action: Recommendation.Action
        let level: Level
        let region: String
        let group: String?
        let rank: Rank
        let capacity: Int?
        let wave: Int
    }

    /// An added cadre in the extended plan.
    private struct Extra {
        let key: DraftKey
        let wave: Int
        var count = 0
        var load = 0
        var targets: Set<Int> = []
    }

    private let state: PlanState
    /// Roster cadres this builder dispatched: in one-to-many they may have room for more targets.
    private var touched: [Int] = []
    private var drafts: [Draft] = []
    private var draftIndex: [DraftKey: Int] = [:]
    private var extras: [Extra] = []
    private var extrasOfKey: [DraftKey: [Int]] = [:]
    private let extraPrefix: String

    /// The recommendations, numbered from 1, and the recommendation of each short target id.
    private(set) var recommendations: [Recommendation] = []
    private(set) var recommendationOfTarget: [String: Int] = [:]

    /// Coverage of the extended plan.
    var constructedCoverage: Int { state.coverage() }

    init(state: PlanState, analysis: ShortageAnalysis) {
        self.state = state
        let ids = Set(state.p.scenario.cadres.map(\.id))
        // Synthetic ids must not collide with roster ids: pick the first free prefix.
        var prefix = "extra-", n = 1
        while ids.contains(where: { $0.hasPrefix(prefix) }) { n += 1; prefix = "extra\(n)-" }
        extraPrefix = prefix
        for short in analysis.shorts where short.shortage.reason.kind != .declined {
            for _ in 0..<short.shortage.missing { closeOneUnit(short) }
        }
        recommendations = drafts.enumerated().map { i, d in
            var r = d.recommendation
            r.id = i + 1
            r.skills = d.categories.sorted()
            r.quotaRaises = d.raises.keys.sorted(by: waveOrder(state.p.scenario)).map {
                QuotaRaise(quota: $0, from: state.baseLimit[$0] ?? 0, by: d.raises[$0]!)
            }
            return r
        }
        for r in recommendations { for t in r.targets { recommendationOfTarget[t] = r.id } }
    }

    private mutating func closeOneUnit(_ short: ShortageAnalysis.Short) {
        let p = state.p, ti = short.target, t = p.scenario.targets[ti]
        // 1. A roster cadre with room in a wave the target allows: one the plan left with room
        //    (a plan that is not optimal), or one dispatched here for another target.
        let touchedCandidates = touched.filter { p.exclusion(cadre: $0, target: ti) == nil }
        for c in short.spare + touchedCandidates {
            if let w = state.cadreWave[c], p.waves(cadre: c, target: ti).contains(w), state.hasRoom(cadre: c, for: ti) {
                _ = state.assign(cadre: c, target: ti, wave: w)
                record(.useSpare, cadre: c, target: ti, wave: w, raised: [])
                return
            }
        }
        // 2. An undispatched compatible cadre; lowest rank first so higher ranks stay for targets that need them.
        let idle = short.idle.filter { state.cadreWave[$0] == nil }
            .sorted { (p.scenario.cadres[$0].rank, $0) < (p.scenario.cadres[$1].rank, $1) }
        if let c = idle.first {
            let cadre = p.scenario.cadres[c]
            let w = chooseWave(Array(p.waves(cadre: c, target: ti)), urgent: t.urgent) {
                state.full(p.quotaKeys(level: cadre.level, region: cadre.region, group: cadre.group, wave: $0)).count
            }
            let counted = state.assign(cadre: c, target: ti, wave: w)
            let raised = state.raiseIfOver(counted)
            touched.append(c)
            // Without a raise nothing stood in the way: the plan simply was not optimal.
            record(raised.isEmpty ? .useSpare : .dispatchIdle, cadre: c, target: ti, wave: w, raised: raised)
            return
        }
        // 3. An extra cadre of the target's kind.
        let key0 = extraKind(for: ti)
        let allowed = t.urgent ? [0] : Array(p.scenario.waves.indices)
        let workload = t.workload
        let limit = extraCountLimit(key0)
        for e in extrasOfKey.keys.filter({ $0.level == key0.level && $0.region == key0.region && $0.group == key0.group && $0.rank == key0.rank && $0.capacity == key0.capacity }).sorted(by: { $0.wave < $1.wave }) {
            guard allowed.contains(e.wave) else { continue }
            for x in extrasOfKey[e]! where extras[x].count < limit
                && extras[x].load + workload <= (key0.capacity ?? limit) && !extras[x].targets.contains(ti) {
                extras[x].count += 1; extras[x].load += workload; extras[x].targets.insert(ti)
                state.served[ti] += 1
                record(e, cadre: nil, target: ti, wave: e.wave, raised: [], newCadre: false)
                return
            }
        }
        let w = chooseWave(allowed, urgent: t.urgent) {
            state.full(p.quotaKeys(level: key0.level, region: key0.region, group: key0.group, wave: $0)).count
        }
        let key = DraftKey(action: .addCadres, level: key0.level, region: key0.region, group: key0.group, rank: key0.rank, capacity: key0.capacity, wave: w)
        let raised = state.dispatchExtra(level: key.level, region: key.region, group: key.group, wave: w)
        extras.append(Extra(key: key, wave: w, count: 1, load: workload, targets: [ti]))
        extrasOfKey[key, default: []].append(extras.count - 1)
        state.served[ti] += 1
        record(key, cadre: nil, target: ti, wave: w, raised: raised, newCadre: true)
    }

    /// The wave to dispatch a new cadre in: the earliest with room in all its quotas; when every
    /// allowed wave is full, the one with the fewest full quotas — for non-urgent targets the
    /// latest of those, because the campaign keeps the first wave for the urgent ones and tops
    /// up in later waves.
    private func chooseWave(_ allowed: [Int], urgent: Bool, fullCount: (Int) -> Int) -> Int {
        if let free = allowed.first(where: { fullCount($0) == 0 }) { return free }
        let fewest = allowed.map(fullCount).min() ?? 0
        let best = allowed.filter { fullCount($0) == fewest }
        return (urgent ? best.first : best.last) ?? 0
    }

    /// The attributes of an extra cadre that may serve target `ti`.
    private func extraKind(for ti: Int) -> DraftKey {
        let p = state.p, s = p.scenario, t = s.targets[ti]
        var group: String?
        var region = t.region
        if t.level == .province {
            // The most specialised group serving the category (fewest categories; scenario order on ties):
            // that is where a planner would add a cadre for this kind of target.
            let serving = s.groups.enumerated().filter { $0.element.categories.contains(t.category) }
            group = serving.min { ($0.element.categories.count, $0.offset) < ($1.element.categories.count, $1.offset) }?.element.id
            // Provincial cadres come from provincial bodies: use the home region most of the group's
            // (else all provincial) cadres have, so the extra costs what a real one would.
            let pool = s.cadres.filter { $0.level == .province && $0.group == group }
            let from = pool.isEmpty ? s.cadres.filter { $0.level == .province } : pool
            var counts: [String: Int] = [:]
            for c in from { counts[c.region, default: 0] += 1 }
            if let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { region = top.key }
        }
        // A workload above the cadre's targets-per-cadre limit needs an explicit capacity.
        let limit = PreparedScenario.countLimit(of: Cadre(id: "", name: "", level: t.level, rank: .section, group: group, region: region), in: s)
        let capacity = t.workload > limit ? t.workload : nil
        return DraftKey(action: .addCadres, level: t.level, region: region, group: group, rank: p.effectiveMinRank[ti], capacity: capacity, wave: -1)
    }

    /// The targets-per-cadre limit of an extra cadre of kind `key` (its group's or region's `max_targets`, else the mode's).
    private func extraCountLimit(_ key: DraftKey) -> Int {
        let s = state.p.scenario
        return PreparedScenario.countLimit(of: Cadre(id: "", name: "", level: key.level, rank: key.rank, group: key.group, region: key.region), in: s)
    }

    /// Adds a roster cadre's unit to the recommendation for its level, region, group and wave.
    private mutating func record(_ action: Recommendation.Action, cadre c: Int, target ti: Int, wave w: Int, raised: [QuotaKey]) {
        let cadre = state.p.scenario.cadres[c]
        let key = DraftKey(action: action, level: cadre.level, region: cadre.region, group: cadre.group, rank: .section, capacity: nil, wave: w)
        let i = draftIndex[key]
        let known = i.map { drafts[$0].recommendation.cadres.contains(cadre.id) } ?? false
        record(key, cadre: cadre.id, target: ti, wave: w, raised: raised, newCadre: !known, rank: cadre.rank)
    }

    private mutating func record(_ key: DraftKey, cadre: String?, target ti: Int, wave w: Int, raised: [QuotaKey], newCadre: Bool, rank: Rank? = nil) {
        let p = state.p, t = p.scenario.targets[ti]
        let i: Int
        if let existing = draftIndex[key] {
            i = existing
        } else {
            i = drafts.count
            draftIndex[key] = i
            drafts.append(Draft(recommendation: Recommendation(
                id: 0, action: key.action, count: 0, level: key.level, region: key.region, group: key.group,
                rank: rank ?? key.rank, skills: [], capacity: key.capacity, earliestWave: nil, wave: p.scenario.waves[w].id,
                cadres: [], quotaRaises: [], targets: [], units: 0,
                needsListedPairs: key.action == .addCadres && p.scenario.rules.onlyListedPairs, verified: nil)))
        }
        if newCadre {
            drafts[i].recommendation.count += 1
            drafts[i].recommendation.cadres.append(cadre ?? "\(extraPrefix)\(extras.count)")
        }
        // Roster cadres grouped together may differ in rank: report the lowest, a floor the planner can rely on.
        if let rank { drafts[i].recommendation.rank = min(drafts[i].recommendation.rank, rank) }
        drafts[i].recommendation.units += 1
        drafts[i].categories.insert(t.category)
        if drafts[i].targetSet.insert(t.id).inserted { drafts[i].recommendation.targets.append(t.id) }
        for key in raised { drafts[i].raises[key, default: 0] += 1 }
    }
}
