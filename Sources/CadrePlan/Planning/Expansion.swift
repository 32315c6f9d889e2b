import MIP

/// Turns class counts back into named cadres and targets, deterministically (docs/MODEL.md).
///
/// 1. Cadres: for each class, each keep group's keepers in their wave (the group's first free
///    members, id order); then each wave's *pool*: the keepers of groups without keeper counts
///    first, then the next free members in id order. Pinned classes dispatch every member.
/// 2. Slots: each full keep group and each pool deals its pairs round-robin to its cadres, one
///    dealer continued across arcs, so every cadre gets ⌊p/n⌋ or ⌈p/n⌉ pairs and ⌊x/n⌋ or ⌈x/n⌉
///    of each run of x. A full group deals its kept and tight pairs arc by arc, then as few others
///    as the pool allows; the pool deals the other groups' kept pairs (which land on their
///    keepers, listed first in that order), what full groups leave of tight arcs, then the rest.
/// 3. Targets: kept slots go to the cadre's own earlier targets; every other slot takes the next
///    target of its class from a pointer the class keeps across the whole block (id order,
///    cyclically), passing over targets that are full or that the cadre already serves. The
///    argument in docs/MODEL.md shows none is ever missing; if one were, the expansion reports
///    itself incomplete and the planner does not use it.
enum Expansion {
    /// A cadre's share of one arc: how many pairs, and whether they are kept earlier pairs.
    private struct Share { let cadre: Int; let arc: Int; let kept: Bool; var count: Int }

    /// The block's pairs, and whether every slot found a target.
    static func expand(block: Block, model: BlockModel, values: [Double], partition q: ClassPartition,
                       prepared p: PreparedScenario) -> (pairs: [PlannedPair], complete: Bool) {
        func value(_ v: Variable?) -> Int? { v.map { Int(values[$0.index].rounded()) } }
        func z(_ i: Int) -> Int { value(model.arcVariable[i])! }
        var arcsOf: [BlockModel.ClassWave: [Int]] = [:]
        for i in block.arcs { arcsOf[.init(cadreClass: q.arcs[i].cadreClass, wave: q.arcs[i].wave), default: []].append(i) }
        var groupsOf: [BlockModel.ClassWave: [Int]] = [:]
        for g in block.keepGroups { groupsOf[.init(cadreClass: q.keepGroups[g].cadreClass, wave: q.keepGroups[g].wave), default: []].append(g) }
        let keys = arcsOf.keys.sorted { ($0.cadreClass, $0.wave) < ($1.cadreClass, $1.wave) }
        var complete = true

        // 1. Cadres: each group's keepers, then each wave's pool. A pool lists the keepers of
        //    groups without keeper counts first (their kept pairs are dealt to them in that order).
        var chosen: [Int: [Int]] = [:]                      // keep group → its keepers
        var pool: [BlockModel.ClassWave: [Int]] = [:]
        var used = Set<Int>()
        func keptBy(_ g: Int) -> Int { model.keepVariables[g]!.kept.values.reduce(0) { $0 + value($1)! } }
        for k in block.cadreClasses {
            let cc = q.cadreClasses[k]
            for g in block.keepGroups where q.keepGroups[g].cadreClass == k {
                let n = value(model.keepVariables[g]!.keepers) ?? keptBy(g)
                let take = Array(q.keepGroups[g].members.lazy.filter { !used.contains($0) }.prefix(n))
                if take.count < n { complete = false }
                used.formUnion(take)
                chosen[g] = take
            }
            var next = 0
            for key in keys where key.cadreClass == k {
                let groups = groupsOf[key] ?? []
                var take = groups.filter { model.keepVariables[$0]!.keepers == nil }.flatMap { chosen[$0]! }
                var n = (value(model.dispatchVariable[key]) ?? cc.members.count) - groups.reduce(0) { $0 + chosen[$1]!.count }
                while n > 0 && next < cc.members.count {
                    let c = cc.members[next]
                    next += 1
                    if used.insert(c).inserted { take.append(c); n -= 1 }
                }
                if n > 0 { complete = false }
                pool[key] = take
            }
        }

        // 2. Slots, dealt per full group and per pool.
        var shares: [Share] = []
        for key in keys {
            let arcs = arcsOf[key]!
            let groups = groupsOf[key] ?? []
            let full = groups.filter { model.keepVariables[$0]!.keepers != nil }
            let tight = Set(arcs.filter(q.isTight))
            let limit = q.cadreClasses[key.cadreClass].countLimit
            func kept(_ g: Int, _ a: Int) -> Int { value(model.keepVariables[g]!.kept[a]) ?? 0 }
            func new(_ g: Int, _ a: Int) -> Int { value(model.keepVariables[g]!.tight[a]) ?? 0 }
            // What the arcs that are not tight have left once kept pairs are placed.
            var left = arcs.filter { !tight.contains($0) }.map { a in (arc: a, count: z(a) - groups.reduce(0) { $0 + kept($1, a) }) }
            func takeLeft(_ count: Int) -> [(arc: Int, kept: Int, new: Int)] {
                var need = count, out: [(arc: Int, kept: Int, new: Int)] = []
                for i in left.indices where need > 0 && left[i].count > 0 {
                    let n = min(need, left[i].count)
                    out.append((arc: left[i].arc, kept: 0, new: n)); left[i].count -= n; need -= n
                }
                if need > 0 { complete = false }
                return out
            }
            // Full groups take their kept and tight pairs, and as few others as the pool allows
            // (docs/MODEL.md: a total between these bounds exists).
            let held = full.map { g in arcs.reduce(0) { $0 + kept(g, $1) + new(g, $1) } }
            let total = arcs.reduce(0) { $0 + z($1) }
            var extra = max(0, total - limit * pool[key]!.count - held.reduce(0, +))
            for (i, g) in full.enumerated() {
                let more = min(extra, limit * chosen[g]!.count - held[i])
                extra -= max(0, more)
                let runs = arcs.map { (arc: $0, kept: kept(g, $0), new: new(g, $0)) }.filter { $0.kept + $0.new > 0 }
                shares += deal(runs + takeLeft(max(0, more)), to: chosen[g]!)
            }
            if extra > 0 { complete = false }
            // The pool: kept pairs of the other groups (dealt to their keepers, first in the pool),
            // what full groups leave of tight arcs, and the rest.
            var runs: [(arc: Int, kept: Int, new: Int)] = []
            for g in groups where model.keepVariables[g]!.keepers == nil {
                for (a, _) in q.keepGroups[g].arcs where kept(g, a) > 0 { runs.append((arc: a, kept: kept(g, a), new: 0)) }
            }
            for a in arcs where tight.contains(a) {
                let taken = full.reduce(0) { $0 + kept($1, a) + new($1, a) }
                if z(a) > taken { runs.append((arc: a, kept: 0, new: z(a) - taken)) }
            }
            runs += takeLeft(left.reduce(0) { $0 + $1.count })
            shares += deal(runs, to: pool[key]!)
        }

        // 3. Targets: kept slots first, so that every other slot sees which targets are full.
        var load: [Int: Int] = [:]
        var serves = Set<Int>()
        let targetCount = p.scenario.targets.count
        var pairs: [PlannedPair] = []
        for s in shares where s.kept {
            let earlier = (q.keepable[s.cadre]?[s.arc] ?? []).filter { load[$0, default: 0] < q.targetClasses[q.classOfTarget[$0]].demand }
            if earlier.count < s.count { complete = false }
            for t in earlier.prefix(s.count) {
                load[t, default: 0] += 1
                serves.insert(s.cadre * targetCount + t)
                pairs.append(PlannedPair(cadre: s.cadre, target: t, wave: q.arcs[s.arc].wave))
            }
        }
        var pointer: [Int: Int] = [:]
        for s in shares where !s.kept {
            let a = q.arcs[s.arc]
            let tc = q.targetClasses[a.targetClass]
            var at = pointer[a.targetClass, default: 0], placed = 0, looked = 0
            while placed < s.count && looked < tc.members.count {
                let t = tc.members[at]
                at = (at + 1) % tc.members.count
                looked += 1
                guard load[t, default: 0] < tc.demand, serves.insert(s.cadre * targetCount + t).inserted else { continue }
                load[t, default: 0] += 1
                pairs.append(PlannedPair(cadre: s.cadre, target: t, wave: a.wave))
                placed += 1
            }
            if placed < s.count { complete = false }
            pointer[a.targetClass] = at
        }
        return (pairs, complete)
    }

    /// Deals runs of slots round-robin to `cadres`, one dealer across all runs; returns each
    /// cadre's share of each run, in run order and then cadre order (a run's kept slots come
    /// first and are dealt before its new ones).
    private static func deal(_ runs: [(arc: Int, kept: Int, new: Int)], to cadres: [Int]) -> [Share] {
        guard !cadres.isEmpty else { return [] }
        var dealer = 0
        var out: [Share] = []
        for run in runs {
            for (count, kept) in [(run.kept, true), (run.new, false)] where count > 0 {
                var counts = [Int](repeating: 0, count: cadres.count)
                for _ in 0..<count { counts[dealer] += 1; dealer = (dealer + 1) % cadres.count }
                for (i, c) in counts.enumerated() where c > 0 { out.append(Share(cadre: cadres[i], arc: run.arc, kept: kept, count: c)) }
            }
        }
        return out
    }
}
