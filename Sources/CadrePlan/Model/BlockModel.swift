import MIP
import Scenario

/// One objective tier as integer terms: `constant + Σ terms`, minimised.
struct TierObjective: Sendable {
    var name: String
    var terms: [Term]
    var constant: Double
}

/// The integer program of one block over class counts, with its tier objectives.
///
/// Variables: n[k,w] = cadres of class k dispatched in wave w; z[a] = pairs along arc a
/// (class k, class m, wave w). See docs/MODEL.md for the formulation and why it is exact.
struct BlockModel: Sendable {
    var model: Model
    var tiers: [TierObjective]
    /// Variable of each (cadre class, wave) with arcs.
    var dispatchVariable: [ClassWave: Variable]
    /// Variable of each arc (by arc index).
    var arcVariable: [Int: Variable]

    struct ClassWave: Hashable, Sendable { let cadreClass: Int; let wave: Int }

    init(block: Block, partition q: ClassPartition, prepared p: PreparedScenario, name: String) {
        let s = p.scenario
        var model = Model(name: name)
        var dispatch: [ClassWave: Variable] = [:]
        var arcVar: [Int: Variable] = [:]
        // Arcs of each (class, wave) and of each target class, in arc order (deterministic).
        var arcsOf: [ClassWave: [Int]] = [:]
        var arcsInto: [Int: [Int]] = [:]
        var keys: [ClassWave] = []
        for i in block.arcs {
            let a = q.arcs[i]
            let key = ClassWave(cadreClass: a.cadreClass, wave: a.wave)
            if arcsOf[key] == nil { keys.append(key) }
            arcsOf[key, default: []].append(i)
            arcsInto[a.targetClass, default: []].append(i)
        }
        keys.sort { ($0.cadreClass, $0.wave) < ($1.cadreClass, $1.wave) }
        for key in keys {
            let cc = q.cadreClasses[key.cadreClass]
            let pinned = arcsOf[key]!.contains { q.arcs[$0].pinned > 0 }
            dispatch[key] = model.addVariable("n_\(key.cadreClass)_\(key.wave)", lower: pinned ? 1 : 0, upper: Double(cc.members.count), kind: .integer)
        }
        for i in block.arcs {
            let a = q.arcs[i]
            let cc = q.cadreClasses[a.cadreClass], tc = q.targetClasses[a.targetClass]
            // A class pair carries at most |k|·L pairs (its cadres' limits), |m|·demand (its targets'
            // needs) and |k|·|m| (each cadre serves each target at most once).
            let ub = min(cc.members.count * cc.countLimit, tc.members.count * tc.demand, cc.members.count * tc.members.count)
            arcVar[i] = model.addVariable("z_\(a.cadreClass)_\(a.targetClass)_\(a.wave)", lower: Double(a.pinned), upper: Double(ub), kind: .integer)
        }
        // Each cadre is dispatched at most once.
        var wavesOf: [Int: [ClassWave]] = [:]
        for key in keys { wavesOf[key.cadreClass, default: []].append(key) }
        for k in block.cadreClasses {
            guard let ws = wavesOf[k], ws.count > 1 else { continue }
            model.addConstraint("once_\(k)", ws.map { Term(dispatch[$0]!, 1) }, upper: Double(q.cadreClasses[k].members.count))
        }
        // Per (class, wave): dispatched cadres serve between 1 and L targets each, within capacity.
        for key in keys {
            let cc = q.cadreClasses[key.cadreClass]
            let n = dispatch[key]!
            let zs = arcsOf[key]!
            let sum = zs.map { Term(arcVar[$0]!, 1) }
            let tag = "\(key.cadreClass)_\(key.wave)"
            if cc.countLimit == 1 {
                model.addConstraint("serve_\(tag)", sum + [Term(n, -1)], lower: 0, upper: 0)
            } else {
                model.addConstraint("most_\(tag)", sum + [Term(n, -Double(cc.countLimit))], upper: 0)
                model.addConstraint("least_\(tag)", sum + [Term(n, -1)], lower: 0)
            }
            if cc.needsLoadRow {
                let load = zs.map { Term(arcVar[$0]!, Double(q.arcs[$0].workload)) }
                model.addConstraint("load_\(tag)", load + [Term(n, -Double(cc.capacity))], upper: 0)
            }
            // One cadre serves one target at most once: z ≤ |m|·n. Implied when |m| ≥ L (by
            // Σz ≤ L·n) and when demand is 1 (z ≤ |m|·demand = |m| ≤ |m|·n once n ≥ 1, and
            // Σz ≤ L·n forces z = 0 when n = 0), so written only where it can bind.
            for i in zs {
                let tc = q.targetClasses[q.arcs[i].targetClass]
                let size = tc.members.count
                if size < cc.countLimit && tc.demand > 1 {
                    model.addConstraint("distinct_\(i)", [Term(arcVar[i]!, 1), Term(n, -Double(size))], upper: 0)
                }
            }
        }
        // No target gets more cadres than it needs.
        for m in block.targetClasses {
            let tc = q.targetClasses[m]
            let zs = arcsInto[m] ?? []
            model.addConstraint("demand_\(m)", zs.map { Term(arcVar[$0]!, 1) }, upper: Double(tc.members.count * tc.demand))
        }
        // Quotas per wave: per level, and per home region or group where the scenario sets them.
        for (w, wave) in s.waves.enumerated() {
            var rows: [(String, Int, [Term])] = []
            func add(_ name: String, _ quota: Int?, _ include: (Cadre) -> Bool) {
                guard let quota else { return }
                var terms: [Term] = []
                var most = 0
                for k in block.cadreClasses {
                    guard let v = dispatch[ClassWave(cadreClass: k, wave: w)] else { continue }
                    if include(s.cadres[q.cadreClasses[k].representative]) {
                        terms.append(Term(v, 1)); most += q.cadreClasses[k].members.count
                    }
                }
                if !terms.isEmpty && most > quota { rows.append((name, quota, terms)) }
            }
            for level in Level.allCases { add("quota_\(level.rawValue)_\(w)", wave.quotas[level]) { $0.level == level } }
            for r in wave.regionQuotas.keys.sorted() { add("quota_region_\(r)_\(w)", wave.regionQuotas[r]) { $0.region == r } }
            for g in wave.groupQuotas.keys.sorted() { add("quota_group_\(g)_\(w)", wave.groupQuotas[g]) { $0.group == g } }
            for (name, quota, terms) in rows { model.addConstraint(name, terms, upper: Double(quota)) }
        }

        // Tier 1, coverage: Σ weight·(demand − served) = constant − Σ weight·z.
        var coverageConstant = 0
        for m in block.targetClasses { let tc = q.targetClasses[m]; coverageConstant += tc.weight * tc.demand * tc.members.count }
        var coverage: [Term] = [], timeliness: [Term] = [], quality: [Term] = []
        let lambda = s.weights.extraTarget
        for i in block.arcs {
            let a = q.arcs[i], weight = q.targetClasses[a.targetClass].weight
            coverage.append(Term(arcVar[i]!, -Double(weight)))
            // Tier 2, timeliness: each pair served in wave w (0-based) costs weight·w.
            if a.wave > 0 && weight > 0 { timeliness.append(Term(arcVar[i]!, Double(weight * a.wave))) }
            // Tier 3, quality: pair cost, plus λ for every target beyond a cadre's first (λ·(Σz − Σn)).
            let c = a.cost + (q.cadreClasses[a.cadreClass].countLimit > 1 ? lambda : 0)
            if c != 0 { quality.append(Term(arcVar[i]!, Double(c))) }
        }
        if lambda != 0 {
            for key in keys where q.cadreClasses[key.cadreClass].countLimit > 1 { quality.append(Term(dispatch[key]!, -Double(lambda))) }
        }
        self.model = model
        var tiers = [
            TierObjective(name: "coverage", terms: coverage.filter { $0.coefficient != 0 }, constant: Double(coverageConstant)),
            TierObjective(name: "timeliness", terms: timeliness, constant: 0),
        ]
        if p.previous != nil {
            // Re-planning: each earlier pair not kept costs `move`. Along an arc with p earlier
            // pairs at most p of its z pairs can be earlier ones, and z ≤ p there (one-to-one
            // classes are refined by earlier partner; otherwise earlier participants are single),
            // so the kept pairs are exactly z: stability = move·(Σ p − Σ z).
            let move = s.weights.move
            var stability: [Term] = [], earlier = 0
            for i in block.arcs where q.arcs[i].previous > 0 {
                earlier += q.arcs[i].previous
                if move != 0 { stability.append(Term(arcVar[i]!, -Double(move))) }
            }
            tiers.append(TierObjective(name: "stability", terms: stability, constant: Double(move * earlier)))
        }
        tiers.append(TierObjective(name: "quality", terms: quality, constant: 0))
        self.tiers = tiers
        self.dispatchVariable = dispatch
        self.arcVariable = arcVar
    }
}
