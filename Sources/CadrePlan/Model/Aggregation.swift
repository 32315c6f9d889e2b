import Scenario

/// Cadres the model cannot tell apart, solved as one integer count.
struct CadreClass: Sendable {
    /// Cadre positions, sorted by id (expansion hands out work in this order).
    var members: [Int]
    /// Any member: the class's attributes are its attributes.
    var representative: Int { members[0] }
    /// Most targets one member serves (the mode's limit, or fewer when a uniform workload fills the capacity).
    var countLimit: Int
    /// Whether the class needs an explicit workload row (only singletons with mixed workloads).
    var needsLoadRow: Bool
    /// Capacity of one member.
    var capacity: Int
    /// First wave position a member may be dispatched in.
    var earliest: Int
}

/// Targets the model cannot tell apart.
struct TargetClass: Sendable {
    /// Target positions, sorted by id.
    var members: [Int]
    var representative: Int { members[0] }
    /// Cadres each member needs.
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
    /// Pairs that pins force in (0 or 1: pins are on singletons).
    var pinned: Int
    /// Pairs of an earlier plan along this arc (re-planning): each pair kept counts once.
    var previous: Int = 0
}

/// The scenario partitioned into classes, with every allowed class pair.
///
/// With `aggregate: false` every cadre and target is its own class, which is
/// exactly the individual model x[c,t,w], y[c,w] of the brief.
struct ClassPartition: Sendable {
    var cadreClasses: [CadreClass] = []
    var targetClasses: [TargetClass] = []
    var arcs: [Arc] = []
    /// Class of each cadre / target position.
    var classOfCadre: [Int] = []
    var classOfTarget: [Int] = []

    /// A cadre's rule signature and, when re-planning one-to-one, the class and wave of its earlier target.
    private struct CadreKey: Hashable {
        let signature: CadreSignature
        var previous: [Int] = []
    }
    /// A target's rule signature and the base classes and waves of its earlier cadres.
    private struct TargetKey: Hashable {
        let signature: TargetSignature
        var previous: [Int] = []
    }

    init(_ p: PreparedScenario, aggregate: Bool) {
        let s = p.scenario
        let waveCount = max(1, s.waves.count)
        // Base cadre keys: what the rules read. Special cadres get no key (they stay single).
        var baseKeys: [CadreKey?] = s.cadres.indices.map { i in
            guard aggregate, let signature = p.cadreSignature(i) else { return nil }
            return CadreKey(signature: signature)
        }
        var baseIndex: [CadreKey: Int] = [:]
        let baseOfCadre: [Int] = s.cadres.indices.map { i in
            guard let key = baseKeys[i] else { return -1 - i }  // a special cadre is its own base
            if let b = baseIndex[key] { return b }
            baseIndex[key] = baseIndex.count
            return baseIndex.count - 1
        }
        // Target classes; when re-planning, targets also differ by their earlier cadres' base classes.
        var targetKeyIndex: [TargetKey: Int] = [:]
        var targetGroups: [[Int]] = []
        for i in s.targets.indices {
            if aggregate, let signature = p.targetSignature(i) {
                var key = TargetKey(signature: signature)
                key.previous = (p.previousByTarget[i] ?? []).map { baseOfCadre[$0.cadre] * waveCount + $0.wave }.sorted()
                if let k = targetKeyIndex[key] { targetGroups[k].append(i); continue }
                targetKeyIndex[key] = targetGroups.count
            }
            targetGroups.append([i])
        }
        classOfTarget = [Int](repeating: -1, count: s.targets.count)
        for (m, g) in targetGroups.enumerated() { for t in g { classOfTarget[t] = m } }
        // Cadre classes, in order of first appearance so that output is deterministic; when
        // re-planning one-to-one, cadres also differ by the class and wave of their earlier target.
        var cadreKeyIndex: [CadreKey: Int] = [:]
        var cadreGroups: [[Int]] = []
        for i in s.cadres.indices {
            if var key = baseKeys[i] {
                key.previous = (p.previousByCadre[i] ?? []).map { classOfTarget[$0.target] * waveCount + $0.wave }.sorted()
                baseKeys[i] = key
                if let k = cadreKeyIndex[key] { cadreGroups[k].append(i); continue }
                cadreKeyIndex[key] = cadreGroups.count
            }
            cadreGroups.append([i])
        }
        let byID: (String, String) -> Bool = { $0 < $1 }
        targetClasses = targetGroups.map { g in
            let members = g.sorted { byID(s.targets[$0].id, s.targets[$1].id) }
            let t = s.targets[members[0]]
            return TargetClass(members: members, demand: t.demand, weight: s.weights.coverageWeight(of: t), urgent: t.urgent)
        }
        classOfTarget = [Int](repeating: -1, count: s.targets.count)
        for (m, tc) in targetClasses.enumerated() { for t in tc.members { classOfTarget[t] = m } }

        // Candidate target classes per cadre class: only same level, and for county the regions in reach.
        var provincial: [Int] = [], countyByRegion: [Int: [Int]] = [:]
        for (m, tc) in targetClasses.enumerated() {
            let t = tc.representative
            if s.targets[t].level == .province { provincial.append(m) }
            else { countyByRegion[p.targetRegion[t], default: []].append(m) }
        }
        // Pins by cadre, to mark pinned arcs.
        var pinsByCadre: [Int: [PreparedScenario.ResolvedPin]] = [:]
        for pin in p.pins { pinsByCadre[pin.cadre, default: []].append(pin) }

        for g in cadreGroups {
            let members = g.sorted { byID(s.cadres[$0].id, s.cadres[$1].id) }
            let c = members[0]
            let candidates: [Int]
            if p.scenario.rules.onlyListedPairs {
                // Sparse instances: enumerate the listed pairs instead of all targets.
                candidates = (p.listedTargets[c] ?? []).map { classOfTarget[$0] }
            } else {
                candidates = s.cadres[c].level == .province ? provincial
                    : p.geography.reach(of: p.cadreRegion[c], reachKm: s.rules.countyReachKm).flatMap { countyByRegion[$0] ?? [] }
            }
            var allowed: [(m: Int, workload: Int, cost: Int)] = []
            for m in candidates {
                let t = targetClasses[m].representative
                guard p.exclusion(cadre: c, target: t) == nil else { continue }
                allowed.append((m, p.workload(cadre: c, target: t), p.cost(cadre: c, target: t)))
            }
            let capacity = p.capacity(ofCadre: c)
            let workloads = Set(allowed.map(\.workload))
            var countLimit = p.countLimit(ofCadre: c)
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
                cadreClasses.append(CadreClass(members: part, countLimit: countLimit, needsLoadRow: needsLoad, capacity: capacity, earliest: p.cadreEarliest[c]))
                guard countLimit > 0 else { continue }
                let pins = part.count == 1 ? (pinsByCadre[part[0]] ?? []) : []
                var earlier: [Int: Int] = [:]  // (target class · waves + wave) → earlier pairs
                for c in part { for e in p.previousByCadre[c] ?? [] { earlier[classOfTarget[e.target] * s.waves.count + e.wave, default: 0] += 1 } }
                for a in allowed {
                    let t = targetClasses[a.m].representative
                    for w in p.waves(cadre: c, target: t) {
                        let pinned = pins.contains { $0.target == t && $0.wave == w && targetClasses[a.m].members.count == 1 } ? 1 : 0
                        arcs.append(Arc(cadreClass: k, targetClass: a.m, wave: w, workload: a.workload, cost: a.cost, pinned: pinned,
                                        previous: earlier[a.m * s.waves.count + w] ?? 0))
                    }
                }
            }
        }
        classOfCadre = [Int](repeating: -1, count: s.cadres.count)
        for (k, cc) in cadreClasses.enumerated() { for c in cc.members { classOfCadre[c] = k } }
    }
}
