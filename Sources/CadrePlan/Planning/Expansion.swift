/// Turns class counts back into named cadres and targets, deterministically.
///
/// Cadres of a class are taken in id order; the first n[k,w1] go to the first wave,
/// the next n[k,w2] to the second, and so on. Within a (class, wave), pairs are dealt
/// to its cadres round-robin so that each cadre gets ⌊Z/n⌋ or ⌈Z/n⌉ targets, and each
/// cadre takes consecutive targets (cyclically, id order) from a pointer kept per target
/// class, so every target's count differs from its class-mates' by at most one. That is
/// why the class bounds suffice: see docs/MODEL.md.
enum Expansion {
    static func expand(block: Block, model: BlockModel, values: [Double], partition q: ClassPartition) -> [PlannedPair] {
        var pairs: [PlannedPair] = []
        var targetPointer: [Int: Int] = [:]
        var nextCadre: [Int: Int] = [:]  // position in members of the next undispatched cadre
        // (class, wave) in order: class, then wave, so earlier waves take the lower ids.
        let keys = model.dispatchVariable.keys.sorted { ($0.cadreClass, $0.wave) < ($1.cadreClass, $1.wave) }
        var arcsOf: [BlockModel.ClassWave: [Int]] = [:]
        for i in block.arcs {
            let a = q.arcs[i]
            arcsOf[.init(cadreClass: a.cadreClass, wave: a.wave), default: []].append(i)
        }
        for key in keys {
            let n = Int(values[model.dispatchVariable[key]!.index].rounded())
            guard n > 0 else { continue }
            let members = q.cadreClasses[key.cadreClass].members
            let start = nextCadre[key.cadreClass, default: 0]
            let cadres = Array(members[start..<min(members.count, start + n)])
            nextCadre[key.cadreClass] = start + n
            var dealer = 0  // round-robin position over `cadres`, continued across target classes
            // Arcs with pins first, so that a pinned cadre's own pair is the one it gets.
            let arcs = (arcsOf[key] ?? []).sorted { (q.arcs[$0].pinned, -$0) > (q.arcs[$1].pinned, -$1) }
            for i in arcs {
                let a = q.arcs[i]
                let z = Int(values[model.arcVariable[i]!.index].rounded())
                guard z > 0 else { continue }
                var counts = [Int](repeating: 0, count: cadres.count)
                for _ in 0..<z { counts[dealer] += 1; dealer = (dealer + 1) % cadres.count }
                let targets = q.targetClasses[a.targetClass].members
                var ptr = targetPointer[a.targetClass, default: 0]
                for (ci, count) in counts.enumerated() {
                    for _ in 0..<count {
                        pairs.append(PlannedPair(cadre: cadres[ci], target: targets[ptr], wave: a.wave))
                        ptr = (ptr + 1) % targets.count
                    }
                }
                targetPointer[a.targetClass] = ptr
            }
        }
        return pairs
    }
}
