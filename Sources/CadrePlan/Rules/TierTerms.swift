import Scenario

/// What each objective tier counts: an integer coefficient per pair (a cadre serving a target
/// in a wave), one per dispatched cadre, and a constant (docs/DATA.md, "Tiers").
///
/// The one owner of the tiers' meaning inside the planner: the class model multiplies these
/// coefficients by its counts, and a plan given as pairs is evaluated with them, so both read
/// the tiers alike. The verifier recomputes the tiers on its own.
extension PreparedScenario {
    /// The coefficient of one pair in `tier`; `earlier` says whether an earlier plan had this
    /// very pair (cadre, target and wave) when re-planning.
    func pairCoefficient(_ tier: Tier, cadre c: Int, target t: Int, wave w: Int, earlier: Bool) -> Int {
        switch tier {
        case .coverage: -coverageWeight(ofTarget: t)
        case .principle: 1
        case .timeliness: coverageWeight(ofTarget: t) * w
        case .stability: earlier ? -scenario.weights.move : 0
        case .quality: cost(cadre: c, target: t) + scenario.weights.extraTarget
        }
    }

    /// The coefficient of one dispatched cadre in `tier`: the principle and λ count the targets
    /// beyond a cadre's first, Σ targets − Σ dispatched.
    func dispatchCoefficient(_ tier: Tier) -> Int {
        switch tier {
        case .principle: -1
        case .quality: -scenario.weights.extraTarget
        case .coverage, .timeliness, .stability: 0
        }
    }

    /// The constant of `tier`: the coverage tier starts from the full weighted demand of the
    /// targets that accept service (targets that declined are reported apart, never counted);
    /// the stability tier from every earlier assignment.
    func tierConstant(_ tier: Tier) -> Int {
        switch tier {
        case .coverage:
            var total = 0
            for (i, t) in scenario.targets.enumerated() where t.consent { total += coverageWeight(ofTarget: i) * t.demand }
            return total
        case .stability:
            return scenario.weights.move * ((previous?.count ?? 0) + previousUnresolved)
        case .principle, .timeliness, .quality:
            return 0
        }
    }

    /// The value of `tier` for the plan made of `pairs` (each pair counted once).
    func tierValue(_ tier: Tier, pairs: [PlannedPair]) -> Int {
        let earlier = Set(previous ?? [])
        var value = tierConstant(tier)
        var dispatched = Set<Int>()
        for pair in Set(pairs) {
            let isEarlier = earlier.contains(ResolvedPin(cadre: pair.cadre, target: pair.target, wave: pair.wave))
            value += pairCoefficient(tier, cadre: pair.cadre, target: pair.target, wave: pair.wave, earlier: isEarlier)
            dispatched.insert(pair.cadre)
        }
        return value + dispatchCoefficient(tier) * dispatched.count
    }
}
