import MIP
import Scenario

/// One objective tier of a block as integer terms: `constant + Σ terms`, minimised.
struct TierObjective: Sendable {
    var tier: Tier
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
        // Quotas per wave: every quota that counts some class of the block (the rule book says
        // which), written only where the classes together could exceed it.
        var quotaTerms: [QuotaKey: [Term]] = [:], quotaMost: [QuotaKey: Int] = [:]
        for key in keys {
            let cc = q.cadreClasses[key.cadreClass]
            for quota in p.quotaKeys(cadre: cc.representative, wave: key.wave) {
                quotaTerms[quota, default: []].append(Term(dispatch[key]!, 1))
                quotaMost[quota, default: 0] += cc.members.count
            }
        }
        let limits = p.quotaLimits
        let waveOrder = p.waveIndex
        for quota in quotaTerms.keys.sorted(by: { (waveOrder[$0.wave] ?? 0, $0) < (waveOrder[$1.wave] ?? 0, $1) }) {
            guard let limit = limits[quota], quotaMost[quota]! > limit else { continue }
            model.addConstraint("quota_\(quota.kind.rawValue)_\(quota.key)_\(waveOrder[quota.wave] ?? 0)", quotaTerms[quota]!, upper: Double(limit))
        }

        self.model = model
        self.tiers = p.tiers.map { tier in
            Self.objective(tier, block: block, partition: q, prepared: p, arcVariable: arcVar, dispatch: dispatch, keys: keys)
        }
        self.dispatchVariable = dispatch
        self.arcVariable = arcVar
    }

    /// The block's part of `tier`: the rule book's coefficients (``PreparedScenario/pairCoefficient(_:cadre:target:wave:earlier:)``)
    /// times the arc and dispatch counts, with the constant of the block's own targets and earlier pairs.
    ///
    /// Where a class serves exactly one target per dispatched cadre (count limit 1), its dispatch
    /// count equals its arcs' sum (the `serve` row), so a dispatch coefficient is folded into the
    /// arcs: the principle then vanishes there and λ cancels, which keeps the model as small as
    /// the tier allows.
    static func objective(_ tier: Tier, block: Block, partition q: ClassPartition, prepared p: PreparedScenario,
                          arcVariable: [Int: Variable], dispatch: [ClassWave: Variable], keys: [ClassWave]) -> TierObjective {
        let perDispatch = p.dispatchCoefficient(tier)
        var terms: [Term] = []
        for i in block.arcs {
            let a = q.arcs[i]
            let cc = q.cadreClasses[a.cadreClass], tc = q.targetClasses[a.targetClass]
            var c = p.pairCoefficient(tier, cadre: cc.representative, target: tc.representative, wave: a.wave, earlier: a.previous > 0)
            if cc.countLimit == 1 { c += perDispatch }
            if c != 0 { terms.append(Term(arcVariable[i]!, Double(c))) }
        }
        if perDispatch != 0 {
            for key in keys where q.cadreClasses[key.cadreClass].countLimit > 1 {
                terms.append(Term(dispatch[key]!, Double(perDispatch)))
            }
        }
        var constant = 0
        switch tier {
        case .coverage:
            for m in block.targetClasses { let tc = q.targetClasses[m]; constant += tc.weight * tc.demand * tc.members.count }
        case .stability:
            // Along an arc with e earlier pairs at most e of its z pairs can be earlier ones, and z ≤ e
            // there (one-to-one classes are refined by earlier partner; otherwise earlier participants
            // are single), so the kept pairs are exactly z: stability = move·(Σ e − Σ z).
            for i in block.arcs { constant += p.scenario.weights.move * q.arcs[i].previous }
        case .principle, .timeliness, .quality:
            break
        }
        return TierObjective(tier: tier, terms: terms, constant: Double(constant))
    }
}
