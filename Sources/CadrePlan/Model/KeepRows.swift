import MIP

/// The counts of one keep group g — cadres of class K with the same earlier pairs, in wave w.
///
/// The class K's own counts n[K,w] and z[K,M,w] stay as they are and include these cadres. The
/// group adds r_{g,a}, the earlier pairs its members keep along each earlier arc a. A *full*
/// group also counts its keepers, n_g (members dispatched in w that keep at least one pair), and
/// their new pairs along each tight arc, t_{g,a}. A *simple* group — each member has one earlier
/// pair, along an arc that is not tight — needs neither: its keepers are r_g and join the pool
/// (K's other cadres dispatched in w). In one-to-one classes every keeper's one pair is its kept
/// pair, so only r is needed. docs/MODEL.md ("Re-planning") gives the rows and the proof that a
/// plan with exactly these counts exists.
struct KeepVariables: Sendable {
    /// n_g, for full groups only.
    var keepers: Variable?
    /// r_{g,a} by earlier arc.
    var kept: [Int: Variable] = [:]
    /// t_{g,a} by tight arc of K in w (full groups only).
    var tight: [Int: Variable] = [:]

    /// The members who keep a pair: n_g, or r_g for a simple group (each keeps exactly one), or
    /// Σ r for one-to-one classes.
    func keeperTerms(_ q: ClassPartition, _ g: Int) -> [Term] {
        if let keepers { return [Term(keepers, 1)] }
        return kept.keys.sorted().map { Term(kept[$0]!, 1) }
    }
}

/// `Σ terms + constant`: counts are variables in most classes and constants in pinned ones.
private struct Sum {
    var terms: [Term] = []
    var constant = 0.0

    mutating func add(_ variable: Variable, _ coefficient: Double = 1) { terms.append(Term(variable, coefficient)) }
    mutating func add(_ terms: [Term], _ coefficient: Double = 1) {
        for t in terms { self.terms.append(Term(t.variable, t.coefficient * coefficient)) }
    }
    /// Adds `coefficient` times a count that is a variable, or else the constant `value`.
    mutating func add(_ variable: Variable?, or value: Int, _ coefficient: Double = 1) {
        if let variable { add(variable, coefficient) } else { constant += coefficient * Double(value) }
    }

    /// Adds the row `lower ≤ self ≤ upper`; a row without variables is left out.
    func row(_ rows: inout [Constraint], _ name: String, lower: Double? = nil, upper: Double? = nil) {
        guard !terms.isEmpty else { return }
        rows.append(Constraint(name: name, terms: terms, lower: lower.map { $0 - constant }, upper: upper.map { $0 - constant }))
    }
}

extension ClassPartition {
    /// Whether keep group `g` is simple: one earlier pair per member, along an arc that is not tight.
    func isSimple(_ g: Int) -> Bool {
        let kg = keepGroups[g]
        return kg.arcs.count == 1 && kg.arcs[0].perCadre == 1 && !isTight(kg.arcs[0].arc)
    }

    /// Whether the keep groups of class `k` need no keeper counts: one target per cadre, not pinned.
    func keepsOneToOne(_ k: Int) -> Bool { cadreClasses[k].countLimit == 1 && cadreClasses[k].dispatchedIn == nil }
}

extension BlockModel {
    /// Adds the keep groups' variables to `model` and their rows to `rows` (re-planning), and
    /// returns the variables.
    static func addKeepRows(_ model: inout Model, rows: inout [Constraint], block: Block, partition q: ClassPartition, dispatch: [ClassWave: Variable],
                            arcVariable z: [Int: Variable], arcsOf: [ClassWave: [Int]]) -> [Int: KeepVariables] {
        var groupsOf: [ClassWave: [Int]] = [:]
        for g in block.keepGroups {
            groupsOf[ClassWave(cadreClass: q.keepGroups[g].cadreClass, wave: q.keepGroups[g].wave), default: []].append(g)
        }
        var result: [Int: KeepVariables] = [:]
        for key in groupsOf.keys.sorted(by: { ($0.cadreClass, $0.wave) < ($1.cadreClass, $1.wave) }) {
            let groups = groupsOf[key]!
            let tight = (arcsOf[key] ?? []).filter(q.isTight)
            for g in groups { result[g] = addGroupVariables(&model, group: g, tightArcs: tight, partition: q) }
            addClassWaveRows(&rows, key: key, groups: groups, tightArcs: tight, arcs: arcsOf[key] ?? [], partition: q,
                             n: dispatch[key], z: z, v: result)
        }
        // A cadre is dispatched once, so the groups of one set of cadres in several waves share it.
        var byRefined: [Int: [Int]] = [:]
        for g in block.keepGroups where q.cadreClasses[q.keepGroups[g].cadreClass].dispatchedIn == nil {
            byRefined[q.keepGroups[g].refined, default: []].append(g)
        }
        for r in byRefined.keys.sorted() where byRefined[r]!.count > 1 {
            let gs = byRefined[r]!
            rows.append(Constraint(name: "ronce_\(r)", terms: gs.flatMap { result[$0]!.keeperTerms(q, $0) }, lower: nil,
                                   upper: Double(q.keepGroups[gs[0]].members.count)))
        }
        return result
    }

    private static func addGroupVariables(_ model: inout Model, group g: Int, tightArcs: [Int], partition q: ClassPartition) -> KeepVariables {
        let kg = q.keepGroups[g]
        let size = kg.members.count
        var v = KeepVariables()
        if !q.keepsOneToOne(kg.cadreClass) && !q.isSimple(g) {
            v.keepers = model.addVariable("kn_\(g)", lower: 0, upper: Double(size), kind: .integer)
            for a in tightArcs {
                let m = q.targetClasses[q.arcs[a].targetClass].members.count
                v.tight[a] = model.addVariable("kt_\(g)_\(a)", lower: 0, upper: Double(m * size), kind: .integer)
            }
        }
        for (a, perCadre) in kg.arcs {
            v.kept[a] = model.addVariable("kr_\(g)_\(a)", lower: 0, upper: Double(perCadre * size), kind: .integer)
        }
        return v
    }

    /// The rows of one class and wave with keep groups: those of docs/MODEL.md, "Re-planning".
    private static func addClassWaveRows(_ rows: inout [Constraint], key: ClassWave, groups: [Int], tightArcs: [Int], arcs: [Int],
                                         partition q: ClassPartition, n: Variable?, z: [Int: Variable], v: [Int: KeepVariables]) {
        let cc = q.cadreClasses[key.cadreClass]
        let limit = Double(cc.countLimit)
        let pinned = cc.dispatchedIn != nil
        let tag = "\(key.cadreClass)_\(key.wave)"
        let size = { (g: Int) in q.keepGroups[g].members.count }
        // Along each arc, the kept pairs and the full groups' new pairs are among the arc's pairs.
        for a in arcs {
            var row = Sum()
            for g in groups {
                if let r = v[g]!.kept[a] { row.add(r) }
                if let t = v[g]!.tight[a] { row.add(t) }
            }
            guard !row.terms.isEmpty else { continue }
            row.add(z[a]!, -1)
            row.row(&rows, "rarc_\(a)", upper: 0)
        }
        if q.keepsOneToOne(key.cadreClass) {
            // One target per cadre: the keepers are the kept pairs, at most one per member.
            for g in groups where q.keepGroups[g].arcs.reduce(0, { $0 + $1.perCadre }) > 1 {
                var row = Sum()
                row.add(v[g]!.keeperTerms(q, g))
                row.row(&rows, "rone_\(g)", upper: Double(size(g)))
            }
            return
        }
        let full = groups.filter { v[$0]!.keepers != nil }
        // Keepers of full groups: each keeps 1..(its earlier pairs) along an arc, 1..L pairs with
        // its tight ones, and at most |m| of a tight arc's targets.
        for g in full {
            let nk = v[g]!.keepers!
            var kept = Sum(), withTight = Sum()
            for (a, perCadre) in q.keepGroups[g].arcs {
                rows.append(Constraint(name: "rkept_\(g)_\(a)", terms: [Term(v[g]!.kept[a]!, 1), Term(nk, -Double(perCadre))], lower: nil, upper: 0))
                kept.add(v[g]!.kept[a]!)
            }
            withTight = kept
            for a in tightArcs { withTight.add(v[g]!.tight[a]!) }
            if !pinned {
                kept.add(nk, -1)
                kept.row(&rows, "rleast_\(g)", lower: 0)
            }
            withTight.add(nk, -limit)
            withTight.row(&rows, "rmost_\(g)", upper: 0)
            for a in tightArcs {
                var row = Sum()
                if let r = v[g]!.kept[a] { row.add(r) }
                row.add(v[g]!.tight[a]!)
                row.add(nk, -Double(q.targetClasses[q.arcs[a].targetClass].members.count))
                row.row(&rows, "rtight_\(g)_\(a)", upper: 0)
            }
        }
        // The pool: K's cadres dispatched in w other than full groups' keepers (simple keepers among
        // them), n' = n[K,w] − Σ n_g of full groups.
        var pool = Sum()
        pool.add(n, or: cc.members.count)
        for g in full { pool.add(v[g]!.keepers!, -1) }
        // Keepers are among the dispatched cadres (for a pinned class, the bounds say so).
        if !pinned {
            var row = Sum()
            for g in groups { row.add(v[g]!.keeperTerms(q, g)) }
            row.add(n!, -1)
            row.row(&rows, "rgroups_\(tag)", upper: 0)
        }
        // Enough pairs are left for every pool cadre once full groups have theirs (kept and tight).
        if !pinned && !full.isEmpty {
            var row = Sum()
            for a in arcs { row.add(z[a]!) }
            row.add(pool.terms, -1)
            for g in full {
                for (a, _) in q.keepGroups[g].arcs { row.add(v[g]!.kept[a]!, -1) }
                for a in tightArcs { row.add(v[g]!.tight[a]!, -1) }
            }
            row.row(&rows, "rpoolleast_\(tag)", lower: pool.constant)
        }
        guard !tightArcs.isEmpty else { return }
        // Tight arcs: the pool takes what full groups leave, at most |m| per cadre per arc, and
        // within L per cadre together with simple keepers' kept pairs.
        var total = Sum()
        for g in groups where v[g]!.keepers == nil { total.add(v[g]!.keeperTerms(q, g)) }
        for a in tightArcs {
            var row = Sum()
            row.add(z[a]!)
            for g in full {
                if let r = v[g]!.kept[a] { row.add(r, -1) }
                row.add(v[g]!.tight[a]!, -1)
            }
            total.add(row.terms)
            row.add(pool.terms, -Double(q.targetClasses[q.arcs[a].targetClass].members.count))
            row.constant -= pool.constant * Double(q.targetClasses[q.arcs[a].targetClass].members.count)
            row.row(&rows, "rpooltight_\(a)", upper: 0)
        }
        total.add(pool.terms, -limit)
        total.constant -= pool.constant * limit
        total.row(&rows, "rpooltotal_\(tag)", upper: 0)
    }
}
