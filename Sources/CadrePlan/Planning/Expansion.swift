/// Turns class counts back into named cadres and targets, deterministically.
///
/// Cadres of a class are taken in id order; the first n[k,w1] go to the first wave,
/// the next n[k,w2] to the second, and so on. Within a (class, wave), pairs are dealt
/// to its cadres round-robin so that each cadre gets ⌊Z/n⌋ or ⌈Z/n⌉ targets, and each
/// cadre takes consecutive targets (cyclically, id order) from a pointer kept per target
/// class, so every target's count differs from its class-mates' by at most one. That is
/// why the class bounds suffice: see docs/MODEL.md.
///
/// Re-planning one-to-one: along an arc that carries earlier pairs, each slot's target is
/// given one of its own earlier cadres of that class, so that every such pair is kept; the
/// class's wave with that arc is expanded first so those cadres are still free.
enum Expansion {
    static func expand(block: Block, model: BlockModel, values: [Double], partition q: ClassPartition, prepared p: PreparedScenario) -> [PlannedPair] {
        var pairs: [PlannedPair] = []
        var targetPointer: [Int: Int] = [:]
        var used: [Int: Set<Int>] = [:]    // dispatched cadres per class
        var scan: [Int: Int] = [:]         // position in members of the next cadre to look at
        var arcsOf: [BlockModel.ClassWave: [Int]] = [:]
        for i in block.arcs {
            let a = q.arcs[i]
            arcsOf[.init(cadreClass: a.cadreClass, wave: a.wave), default: []].append(i)
        }
        func z(_ i: Int) -> Int { Int(values[model.arcVariable[i]!.index].rounded()) }
        func keeps(_ key: BlockModel.ClassWave) -> Bool {
            (arcsOf[key] ?? []).contains { q.arcs[$0].previous > 0 && z($0) > 0 }
        }
        // (class, wave) in order: class, then the wave that keeps earlier pairs, then wave.
        let keys = model.dispatchVariable.keys.sorted {
            ($0.cadreClass, keeps($0) ? 0 : 1, $0.wave) < ($1.cadreClass, keeps($1) ? 0 : 1, $1.wave)
        }
        for key in keys {
            let n = Int(values[model.dispatchVariable[key]!.index].rounded())
            guard n > 0 else { continue }
            let k = key.cadreClass
            let members = q.cadreClasses[k].members
            var arcs = (arcsOf[key] ?? []).sorted { (q.arcs[$0].pinned, -$0) > (q.arcs[$1].pinned, -$1) }
            var cadres: [Int] = []
            if members.count > 1 && q.cadreClasses[k].countLimit == 1 {
                for i in arcs where q.arcs[i].previous > 0 {
                    let a = q.arcs[i]
                    let targets = q.targetClasses[a.targetClass].members
                    var ptr = targetPointer[a.targetClass, default: 0]
                    for _ in 0..<z(i) {
                        let t = targets[ptr]
                        // The argument in docs/MODEL.md guarantees a free earlier partner here.
                        if let c = (p.previousByTarget[t] ?? []).first(where: {
                            $0.wave == key.wave && q.classOfCadre[$0.cadre] == k && !(used[k]?.contains($0.cadre) ?? false)
                        })?.cadre {
                            used[k, default: []].insert(c)
                            cadres.append(c)
                            pairs.append(PlannedPair(cadre: c, target: t, wave: key.wave))
                            ptr = (ptr + 1) % targets.count
                        }
                    }
                    targetPointer[a.targetClass] = ptr
                }
                arcs.removeAll { q.arcs[$0].previous > 0 }
            }
            // The rest of this wave's cadres: the next free ones in id order.
            var free: [Int] = []
            var at = scan[k, default: 0]
            while cadres.count + free.count < n && at < members.count {
                if !(used[k]?.contains(members[at]) ?? false) { free.append(members[at]); used[k, default: []].insert(members[at]) }
                at += 1
            }
            scan[k] = at
            guard !free.isEmpty else { continue }
            var dealer = 0  // round-robin position over `free`, continued across target classes
            for i in arcs {
                let a = q.arcs[i]
                let count = z(i)
                guard count > 0 else { continue }
                var counts = [Int](repeating: 0, count: free.count)
                for _ in 0..<count { counts[dealer] += 1; dealer = (dealer + 1) % free.count }
                let targets = q.targetClasses[a.targetClass].members
                var ptr = targetPointer[a.targetClass, default: 0]
                for (ci, c) in counts.enumerated() {
                    for _ in 0..<c {
                        pairs.append(PlannedPair(cadre: free[ci], target: targets[ptr], wave: a.wave))
                        ptr = (ptr + 1) % targets.count
                    }
                }
                targetPointer[a.targetClass] = ptr
            }
        }
        return pairs
    }
}
