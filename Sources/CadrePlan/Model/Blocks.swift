import Scenario

/// Part of the class problem that shares no cadre class, target class or quota with the rest.
///
/// Tiers are sums over blocks, so the lexicographic optimum of the whole is the
/// lexicographic optimum of each block: blocks can be solved separately and in parallel.
struct Block: Sendable {
    var cadreClasses: [Int]
    var targetClasses: [Int]
    var arcs: [Int]
    /// Keep groups of the block's cadre classes (re-planning).
    var keepGroups: [Int] = []
}

extension ClassPartition {
    /// Splits the arcs into independent blocks, linking every cadre class that shares a quota row.
    func blocks(_ p: PreparedScenario) -> [Block] {
        let k = cadreClasses.count
        var parent = Array(0..<(k + targetClasses.count))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var hasArc = [Bool](repeating: false, count: k)
        var targetHasArc = [Bool](repeating: false, count: targetClasses.count)
        for a in arcs {
            union(a.cadreClass, k + a.targetClass)
            hasArc[a.cadreClass] = true
            targetHasArc[a.targetClass] = true
        }
        // Quota rows couple every cadre class they count.
        for group in quotaGroups(p) {
            let members = group.filter { hasArc[$0] }
            for c in members.dropFirst() { union(members[0], c) }
        }
        var blockOfRoot: [Int: Int] = [:]
        var blocks: [Block] = []
        func block(for node: Int) -> Int {
            let r = find(node)
            if let b = blockOfRoot[r] { return b }
            blockOfRoot[r] = blocks.count
            blocks.append(Block(cadreClasses: [], targetClasses: [], arcs: []))
            return blocks.count - 1
        }
        for c in 0..<k where hasArc[c] { blocks[block(for: c)].cadreClasses.append(c) }
        for m in 0..<targetClasses.count where targetHasArc[m] { blocks[block(for: k + m)].targetClasses.append(m) }
        for (i, a) in arcs.enumerated() { blocks[block(for: a.cadreClass)].arcs.append(i) }
        // A keep group's arcs all leave its class, so it lies in that class's block.
        for (g, group) in keepGroups.enumerated() { blocks[block(for: group.cadreClass)].keepGroups.append(g) }
        return blocks
    }

    /// The cadre classes counted by each quota the scenario sets (any wave), by the rule book's
    /// membership. Pinned classes are dispatched already: their quota use is a constant.
    private func quotaGroups(_ p: PreparedScenario) -> [[Int]] {
        struct Scope: Hashable, Comparable {
            let kind: QuotaKind, key: String
            static func < (a: Scope, b: Scope) -> Bool { (a.kind.rawValue, a.key) < (b.kind.rawValue, b.key) }
        }
        var groups: [Scope: [Int]] = [:]
        for (i, cc) in cadreClasses.enumerated() where cc.dispatchedIn == nil {
            for w in p.scenario.waves.indices {
                for quota in p.quotaKeys(cadre: cc.representative, wave: w) {
                    groups[Scope(kind: quota.kind, key: quota.key), default: []].append(i)
                }
            }
        }
        return groups.keys.sorted().map { groups[$0]! }
    }
}
