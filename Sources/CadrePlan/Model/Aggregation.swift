import Scenario

/// Cadres the model cannot tell apart, solved as one integer count.
struct CadreClass: Sendable {
    /// Cadre positions, sorted by id (expansion hands out work in this order).
    var members: [Int]
    /// Any member: the class's attributes are its attributes.
    var representative: Int { members[0] }
    /// Most targets one member serves (the mode's limit, or fewer when a uniform workload fills the
    /// capacity); for pinned cadres, the targets they may take beyond their pins.
    var countLimit: Int
    /// Whether the class needs an explicit workload row (only singletons with mixed workloads).
    var needsLoadRow: Bool
    /// Capacity of one member (for pinned cadres, what their pins leave).
    var capacity: Int
    /// First wave position a member may be dispatched in.
    var earliest: Int
    /// Pinned cadres: the wave their pins dispatch them in. They are dispatched whatever the model
    /// does, so the class has no dispatch count, no "serves someone" row and no quota row
    /// (``PinnedPart``); the model only decides their further targets, in this wave.
    var dispatchedIn: Int? = nil
}

/// Targets the model cannot tell apart.
struct TargetClass: Sendable {
    /// Target positions, sorted by id.
    var members: [Int]
    var representative: Int { members[0] }
    /// Cadres each member still needs (its demand minus its pins).
    var demand: Int
    /// Coverage weight of one unit of shortfall at a member.
    var weight: Int
    /// Must be served in the first wave.
    var urgent: Bool
}

/// A possible pairing of a cadre class with a target class in one wave.
struct Arc: Sendable, Hashable {
    var cadreClass: Int
    var targetClass: Int
    var wave: Int
    /// Workload of one pair.
    var workload: Int
    /// Quality cost of one pair.
    var cost: Int
}

/// Cadres of one class whose earlier pairs fall alike on the arcs of that class, in one wave:
/// each member has `perCadre` earlier pairs along each of `arcs` (re-planning, docs/MODEL.md).
struct KeepGroup: Sendable {
    var cadreClass: Int
    var wave: Int
    /// Cadre positions, sorted by id.
    var members: [Int]
    /// The same cadres' groups in other waves (only an earlier plan that breaks the one-wave rule has them) share this number.
    var refined: Int
    /// Earlier arcs (index into the partition's arcs) and the earlier pairs each member has along each.
    var arcs: [(arc: Int, perCadre: Int)]
}

/// The scenario partitioned into classes, with every allowed class pair.
///
/// With `aggregate: false` every cadre and target is its own class, which is
/// exactly the individual model x[c,t,w], y[c,w] of the brief.
struct ClassPartition: Sendable {
    var cadreClasses: [CadreClass] = []
    var targetClasses: [TargetClass] = []
    var arcs: [Arc] = []
    /// Class of each cadre / target position; -1 when pins leave it nothing to decide.
    var classOfCadre: [Int] = []
    var classOfTarget: [Int] = []
    /// What pins fix.
    let pinned: PinnedPart
    /// Earlier pairs that pins keep (re-planning).
    var earlierPinned = 0
    /// Cadres with earlier pairs the model may keep, grouped (re-planning).
    var keepGroups: [KeepGroup] = []
    /// Targets of each cadre's keepable earlier pairs, by arc, in id order.
    var keepable: [Int: [Int: [Int]]] = [:]

    struct ArcKey: Hashable { let cadreClass: Int; let targetClass: Int; let wave: Int }

    private struct CadreKey: Hashable {
        let signature: CadreSignature
        /// Pinned cadres: wave, targets and capacity left; -1 otherwise.
        let pinnedWave: Int, limit: Int, capacity: Int
    }
    private struct TargetKey: Hashable { let signature: TargetSignature; let demand: Int }

    /// Partitions `p`. `participantsApart` keeps every cadre and target of a keepable earlier pair
    /// in a class of its own (the planner's fallback, and a cross-check in tests).
    init(_ p: PreparedScenario, aggregate: Bool, participantsApart: Bool = false) {
        let s = p.scenario
        pinned = PinnedPart(p)
        let earlier = EarlierPairs(p, pinned: pinned)
        earlierPinned = earlier.pinnedCount
        let participants = participantsApart ? Set(earlier.candidates.map(\.cadre)) : []
        let participantTargets = participantsApart ? Set(earlier.candidates.map(\.target)) : []

        // Target classes: rule signature and the demand pins leave.
        var targetKeyIndex: [TargetKey: Int] = [:]
        var targetGroups: [[Int]] = []
        for t in s.targets.indices {
            let demand = pinned.remainingDemand(of: t, p)
            guard demand > 0 else { continue }
            if aggregate, !pinned.apartTargets.contains(t), !earlier.apartTargets.contains(t), !participantTargets.contains(t),
               let signature = p.ruleSignature(target: t) {
                let key = TargetKey(signature: signature, demand: demand)
                if let k = targetKeyIndex[key] { targetGroups[k].append(t); continue }
                targetKeyIndex[key] = targetGroups.count
            }
            targetGroups.append([t])
        }
        targetClasses = targetGroups.map { g in
            let members = g.sorted { s.targets[$0].id < s.targets[$1].id }
            let t = s.targets[members[0]]
            return TargetClass(members: members, demand: pinned.remainingDemand(of: members[0], p),
                               weight: s.weights.coverageWeight(of: t), urgent: t.urgent)
        }
        classOfTarget = [Int](repeating: -1, count: s.targets.count)
        for (m, tc) in targetClasses.enumerated() { for t in tc.members { classOfTarget[t] = m } }

        // Cadre groups, in order of first appearance so that output is deterministic.
        var cadreKeyIndex: [CadreKey: Int] = [:]
        var cadreGroups: [[Int]] = []
        for c in s.cadres.indices where !pinned.isFull(cadre: c) {
            if aggregate, !pinned.apartCadres.contains(c), !participants.contains(c), let signature = p.ruleSignature(cadre: c) {
                let key = CadreKey(signature: signature, pinnedWave: pinned.wave[c] ?? -1,
                                   limit: pinned.remainingLimit[c] ?? -1, capacity: pinned.remainingCapacity[c] ?? -1)
                if let k = cadreKeyIndex[key] { cadreGroups[k].append(c); continue }
                cadreKeyIndex[key] = cadreGroups.count
            }
            cadreGroups.append([c])
        }
        // Candidate target classes per cadre: only same level, and for county the regions in reach.
        var provincial: [Int] = [], countyByRegion: [Int: [Int]] = [:]
        for (m, tc) in targetClasses.enumerated() {
            let t = tc.representative
            if s.targets[t].level == .province { provincial.append(m) }
            else { countyByRegion[p.targetRegion[t], default: []].append(m) }
        }
        for g in cadreGroups {
            let members = g.sorted { s.cadres[$0].id < s.cadres[$1].id }
            let c = members[0]
            let candidates: [Int]
            if s.rules.onlyListedPairs {
                // Sparse instances: enumerate the listed pairs instead of all targets.
                candidates = (p.listedTargets[c] ?? []).map { classOfTarget[$0] }.filter { $0 >= 0 }
            } else {
                candidates = s.cadres[c].level == .province ? provincial
                    : p.geography.reach(of: p.cadreRegion[c], reachKm: s.rules.countyReachKm).flatMap { countyByRegion[$0] ?? [] }
            }
            addClasses(of: members, candidates: candidates, p)
        }
        classOfCadre = [Int](repeating: -1, count: s.cadres.count)
        for (k, cc) in cadreClasses.enumerated() { for c in cc.members { classOfCadre[c] = k } }
        if p.previous != nil { groupEarlierPairs(earlier) }
    }

    /// Adds the class (or, with mixed workloads and a binding capacity, the single cadres) of the
    /// interchangeable cadres `members`, with their arcs to the `candidates` target classes.
    private mutating func addClasses(of members: [Int], candidates: [Int], _ p: PreparedScenario) {
        let c = members[0]
        let pinnedWave = pinned.wave[c]
        let capacity = pinned.remainingCapacity[c] ?? p.capacity(ofCadre: c)
        let ownPins = Set(pinned.targetsOf[c] ?? [])
        var allowed: [(m: Int, workload: Int, cost: Int)] = []
        for m in candidates {
            let t = targetClasses[m].representative
            guard p.exclusion(cadre: c, target: t) == nil, !ownPins.contains(t) else { continue }
            let workload = p.workload(cadre: c, target: t)
            guard workload <= capacity else { continue }
            allowed.append((m, workload, p.cost(cadre: c, target: t)))
        }
        let workloads = Set(allowed.map(\.workload))
        var countLimit = pinned.remainingLimit[c] ?? p.countLimit(ofCadre: c)
        var needsLoad = false
        if let w = workloads.first, workloads.count == 1 {
            // A uniform workload turns the capacity into a count limit; aggregation stays exact.
            countLimit = min(countLimit, capacity / w)
        } else if let maxW = workloads.max(), maxW * countLimit > capacity {
            // Mixed workloads with a binding capacity are a packing problem per person:
            // only individual cadres keep that exact, so the class is split.
            needsLoad = true
        }
        let split: [[Int]] = needsLoad ? members.map { [$0] } : [members]
        for part in split {
            let k = cadreClasses.count
            cadreClasses.append(CadreClass(members: part, countLimit: countLimit, needsLoadRow: needsLoad, capacity: capacity,
                                           earliest: pinnedWave ?? p.cadreEarliest[c], dispatchedIn: pinnedWave))
            guard countLimit > 0 else { continue }
            for a in allowed {
                let t = targetClasses[a.m].representative
                for w in p.waves(cadre: c, target: t) where pinnedWave == nil || pinnedWave == w {
                    arcs.append(Arc(cadreClass: k, targetClass: a.m, wave: w, workload: a.workload, cost: a.cost))
                }
            }
        }
    }

    /// Groups the cadres with keepable earlier pairs: within a class, cadres whose earlier pairs
    /// fall alike on its arcs (the same number along each) form a group per wave.
    private mutating func groupEarlierPairs(_ earlier: EarlierPairs) {
        var arcIndex: [ArcKey: Int] = [:]
        for (i, a) in arcs.enumerated() { arcIndex[ArcKey(cadreClass: a.cadreClass, targetClass: a.targetClass, wave: a.wave)] = i }
        var edges: [Int: [Int: [Int]]] = [:]
        for e in earlier.candidates {
            let k = classOfCadre[e.cadre], m = classOfTarget[e.target]
            guard k >= 0, m >= 0, let a = arcIndex[ArcKey(cadreClass: k, targetClass: m, wave: e.wave)] else { continue }
            edges[e.cadre, default: [:]][a, default: []].append(e.target)
        }
        keepable = edges
        var refinedCount = 0
        for (k, cc) in cadreClasses.enumerated() {
            var keyIndex: [[Int]: Int] = [:]
            var groups: [(key: [Int], members: [Int])] = []
            for c in cc.members {
                guard let byArc = edges[c] else { continue }
                let key = byArc.keys.sorted().flatMap { [$0, byArc[$0]!.count] }
                if let g = keyIndex[key] { groups[g].members.append(c); continue }
                keyIndex[key] = groups.count
                groups.append((key, [c]))
            }
            for g in groups {
                let pairs = stride(from: 0, to: g.key.count, by: 2).map { (arc: g.key[$0], perCadre: g.key[$0 + 1]) }
                for w in Set(pairs.map { arcs[$0.arc].wave }).sorted() {
                    keepGroups.append(KeepGroup(cadreClass: k, wave: w, members: g.members, refined: refinedCount,
                                                arcs: pairs.filter { arcs[$0.arc].wave == w }))
                }
                refinedCount += 1
            }
        }
        for c in keepable.keys { keepable[c] = keepable[c]!.mapValues { $0.sorted() } }
    }

    /// Whether arc `i` is *tight*: its target class has fewer members than a cadre may take and
    /// needs more than one cadre each, so "a cadre serves a target at most once" can bind there.
    func isTight(_ i: Int) -> Bool {
        let a = arcs[i]
        let size = targetClasses[a.targetClass].members.count
        return size < cadreClasses[a.cadreClass].countLimit && targetClasses[a.targetClass].demand > 1
    }

    /// Keepable earlier pairs of the groups in `groups`: what the stability tier can still gain there.
    func keepableCount(_ groups: [Int]) -> Int {
        groups.reduce(0) { sum, g in
            sum + keepGroups[g].arcs.reduce(0) { $0 + $1.perCadre * keepGroups[g].members.count }
        }
    }
}
