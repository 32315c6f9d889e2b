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
/// (class k, class m, wave w); when re-planning, the counts of ``KeepVariables``. See
/// docs/MODEL.md for the formulation and why it is exact.
struct BlockModel: Sendable {
    var model: Model
    var tiers: [TierObjective]
    /// Variable of each (cadre class, wave) with arcs; pinned classes have none (all their members are dispatched).
    var dispatchVariable: [ClassWave: Variable]
    /// Variable of each arc (by arc index).
    var arcVariable: [Int: Variable]
    /// Variables of each keep group (by group index), when re-planning.
    var keepVariables: [Int: KeepVariables] = [:]
    /// The keep groups' rows. They are left out of `model` and added only from the stability tier
    /// on: with every keep variable 0 they hold for any values of the class counts, so the tiers
    /// before stability have the same optimum without them and are solved on the fresh model's rows.
    var keepRows: [Constraint] = []

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
        for key in keys where q.cadreClasses[key.cadreClass].dispatchedIn == nil {
            let cc = q.cadreClasses[key.cadreClass]
            dispatch[key] = model.addVariable("n_\(key.cadreClass)_\(key.wave)", lower: 0, upper: Double(cc.members.count), kind: .integer)
        }
        for i in block.arcs {
            arcVar[i] = model.addVariable("z_\(q.arcs[i].cadreClass)_\(q.arcs[i].targetClass)_\(q.arcs[i].wave)", lower: 0,
                                          upper: Double(Self.arcBound(i, q)), kind: .integer)
        }
        // Each cadre is dispatched at most once.
        var wavesOf: [Int: [ClassWave]] = [:]
        for key in keys where dispatch[key] != nil { wavesOf[key.cadreClass, default: []].append(key) }
        for k in block.cadreClasses {
            guard let ws = wavesOf[k], ws.count > 1 else { continue }
            model.addConstraint("once_\(k)", ws.map { Term(dispatch[$0]!, 1) }, upper: Double(q.cadreClasses[k].members.count))
        }
        for key in keys {
            Self.addCadreRows(&model, key: key, arcs: arcsOf[key]!, partition: q, dispatch: dispatch[key], arcVariable: arcVar)
        }
        // No target gets more cadres than it still needs.
        for m in block.targetClasses {
            let tc = q.targetClasses[m]
            let zs = arcsInto[m] ?? []
            model.addConstraint("demand_\(m)", zs.map { Term(arcVar[$0]!, 1) }, upper: Double(tc.members.count * tc.demand))
        }
        Self.addQuotaRows(&model, keys: keys, partition: q, prepared: p, dispatch: dispatch)
        var keepRows: [Constraint] = []
        let keep = Self.addKeepRows(&model, rows: &keepRows, block: block, partition: q, dispatch: dispatch, arcVariable: arcVar, arcsOf: arcsOf)

        self.model = model
        self.dispatchVariable = dispatch
        self.arcVariable = arcVar
        self.keepVariables = keep
        self.keepRows = keepRows
        self.tiers = p.tiers.map { tier in
            Self.objective(tier, block: block, partition: q, prepared: p, arcVariable: arcVar, dispatch: dispatch, keep: keep)
        }
    }

    /// A block over `model`'s rows with the given tiers and no class structure (a model not built
    /// from a partition, as the tests of the tier sequence use).
    init(model: Model, tiers: [TierObjective]) {
        self.model = model
        self.tiers = tiers
        dispatchVariable = [:]
        arcVariable = [:]
    }

    /// The keep groups' variables, which the tiers before stability leave at 0.
    var keepVariableList: [Variable] {
        keepVariables.values.flatMap { v in [v.keepers].compactMap { $0 } + Array(v.kept.values) + Array(v.tight.values) }
    }

    /// Rows and nonzeros of the whole model, keep rows included.
    var size: ModelSize {
        ModelSize(variables: model.variables.count, rows: model.constraints.count + keepRows.count,
                  nonzeros: model.nonzeroCount + keepRows.reduce(0) { $0 + $1.terms.count })
    }

    /// The most pairs arc `i` can carry: |k|·L (its cadres' limits), |m|·demand (its targets'
    /// needs) and |k|·|m| (each cadre serves each target at most once).
    static func arcBound(_ i: Int, _ q: ClassPartition) -> Int {
        let a = q.arcs[i]
        let cc = q.cadreClasses[a.cadreClass], tc = q.targetClasses[a.targetClass]
        return min(cc.members.count * cc.countLimit, tc.members.count * tc.demand, cc.members.count * tc.members.count)
    }

    /// Per (class, wave): dispatched cadres serve between 1 and L targets each, within capacity,
    /// each target at most once. A pinned class is dispatched already: only its further targets
    /// are limited (L and capacity are what its pins leave).
    private static func addCadreRows(_ model: inout Model, key: ClassWave, arcs zs: [Int], partition q: ClassPartition,
                                     dispatch n: Variable?, arcVariable: [Int: Variable]) {
        let cc = q.cadreClasses[key.cadreClass]
        let sum = zs.map { Term(arcVariable[$0]!, 1) }
        let tag = "\(key.cadreClass)_\(key.wave)"
        guard let n else {
            let most = cc.members.count * cc.countLimit
            if zs.reduce(0, { $0 + arcBound($1, q) }) > most { model.addConstraint("most_\(tag)", sum, upper: Double(most)) }
            if cc.needsLoadRow {
                let load = zs.map { Term(arcVariable[$0]!, Double(q.arcs[$0].workload)) }
                model.addConstraint("load_\(tag)", load, upper: Double(cc.capacity * cc.members.count))
            }
            return
        }
        if cc.countLimit == 1 {
            model.addConstraint("serve_\(tag)", sum + [Term(n, -1)], lower: 0, upper: 0)
        } else {
            model.addConstraint("most_\(tag)", sum + [Term(n, -Double(cc.countLimit))], upper: 0)
            model.addConstraint("least_\(tag)", sum + [Term(n, -1)], lower: 0)
        }
        if cc.needsLoadRow {
            let load = zs.map { Term(arcVariable[$0]!, Double(q.arcs[$0].workload)) }
            model.addConstraint("load_\(tag)", load + [Term(n, -Double(cc.capacity))], upper: 0)
        }
        // One cadre serves one target at most once: z ≤ |m|·n. Implied when |m| ≥ L (by
        // Σz ≤ L·n) and when demand is 1 (z ≤ |m|·demand = |m| ≤ |m|·n once n ≥ 1, and
        // Σz ≤ L·n forces z = 0 when n = 0), so written only where it can bind (tight arcs).
        for i in zs where q.isTight(i) {
            let size = q.targetClasses[q.arcs[i].targetClass].members.count
            model.addConstraint("distinct_\(i)", [Term(arcVariable[i]!, 1), Term(n, -Double(size))], upper: 0)
        }
    }

    /// Quotas per wave: every quota that counts some class of the block (the rule book says
    /// which), less the cadres pins dispatch, written only where the classes together could exceed it.
    private static func addQuotaRows(_ model: inout Model, keys: [ClassWave], partition q: ClassPartition, prepared p: PreparedScenario,
                                     dispatch: [ClassWave: Variable]) {
        var quotaTerms: [QuotaKey: [Term]] = [:], quotaMost: [QuotaKey: Int] = [:]
        for key in keys {
            guard let n = dispatch[key] else { continue }
            let cc = q.cadreClasses[key.cadreClass]
            for quota in p.quotaKeys(cadre: cc.representative, wave: key.wave) {
                quotaTerms[quota, default: []].append(Term(n, 1))
                quotaMost[quota, default: 0] += cc.members.count
            }
        }
        let limits = p.quotaLimits
        let waveOrder = p.waveIndex
        for quota in quotaTerms.keys.sorted(by: { (waveOrder[$0.wave] ?? 0, $0) < (waveOrder[$1.wave] ?? 0, $1) }) {
            guard let limit = limits[quota].map({ max(0, $0 - (q.pinned.quotaUse[quota] ?? 0)) }), quotaMost[quota]! > limit else { continue }
            model.addConstraint("quota_\(quota.kind.rawValue)_\(quota.key)_\(waveOrder[quota.wave] ?? 0)", quotaTerms[quota]!, upper: Double(limit))
        }
    }

    /// The block's part of `tier`: the rule book's coefficients (``PreparedScenario/pairCoefficient(_:cadre:target:wave:earlier:)``)
    /// times the arc and dispatch counts, with the constant of the block's own targets and earlier pairs.
    ///
    /// Where a class serves exactly one target per dispatched cadre (count limit 1), its dispatch
    /// count equals its arcs' sum (the `serve` row), so a dispatch coefficient is folded into the
    /// arcs: the principle then vanishes there and λ cancels, which keeps the model as small as
    /// the tier allows. Pinned classes have no dispatch count: their dispatches are constants of
    /// the plan (``PinnedPart``), and each further pair is a target beyond their first.
    static func objective(_ tier: Tier, block: Block, partition q: ClassPartition, prepared p: PreparedScenario,
                          arcVariable: [Int: Variable], dispatch: [ClassWave: Variable], keep: [Int: KeepVariables]) -> TierObjective {
        let perDispatch = p.dispatchCoefficient(tier)
        var terms: [Term] = []
        for i in block.arcs {
            let a = q.arcs[i]
            let cc = q.cadreClasses[a.cadreClass], tc = q.targetClasses[a.targetClass]
            // Kept pairs are counted on their own variables, so every arc pair counts as new here.
            var c = p.pairCoefficient(tier, cadre: cc.representative, target: tc.representative, wave: a.wave, earlier: false)
            if cc.countLimit == 1 && cc.dispatchedIn == nil { c += perDispatch }
            if c != 0 { terms.append(Term(arcVariable[i]!, Double(c))) }
        }
        if perDispatch != 0 {
            for (key, n) in dispatch.sorted(by: { ($0.key.cadreClass, $0.key.wave) < ($1.key.cadreClass, $1.key.wave) })
            where q.cadreClasses[key.cadreClass].countLimit > 1 {
                terms.append(Term(n, Double(perDispatch)))
            }
        }
        var constant = 0
        switch tier {
        case .coverage:
            for m in block.targetClasses { let tc = q.targetClasses[m]; constant += tc.weight * tc.demand * tc.members.count }
        case .stability:
            // Every keepable earlier pair of the block counts until a kept count takes it back:
            // stability = move·(Σ keepable − Σ kept) (docs/MODEL.md, re-planning).
            let move = p.scenario.weights.move
            constant = move * q.keepableCount(block.keepGroups)
            for g in block.keepGroups {
                for (arc, _) in q.keepGroups[g].arcs where move != 0 { terms.append(Term(keep[g]!.kept[arc]!, -Double(move))) }
            }
        case .principle, .timeliness, .quality:
            break
        }
        return TierObjective(tier: tier, terms: terms, constant: Double(constant))
    }
}
