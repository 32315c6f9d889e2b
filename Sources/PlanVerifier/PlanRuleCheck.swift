import Scenario

/// The plan-wide rules of docs/DATA.md ("A plan: …"): one wave per cadre, 1…M targets, total
/// workload within capacity, no repeated pair, demand, per-wave quotas, and pins.
///
/// One pass groups the assignments by cadre, target, pair and wave; every rule is then a look-up
/// in those groups, so the cost is linear in the plan and the scenario.
enum PlanRuleCheck {
    /// Appends to `violations` every plan-wide rule that `assignments` break.
    static func check(
        _ assignments: [PlannedAssignment], index: ScenarioIndex, into violations: inout [Violation]
    ) {
        var pairWaves: [PairKey: [String]] = [:]          // every row, known ids or not
        var wavesOfCadre: [String: Set<String>] = [:]     // known cadres only
        var targetsOfCadre: [String: Set<String>] = [:]   // known cadres only
        var cadresOfTarget: [String: Set<String>] = [:]   // known cadres and targets
        var cadresOfWave: [Int: Set<String>] = [:]        // known cadres and waves
        for a in assignments {
            pairWaves[PairKey(cadre: a.cadre, target: a.target), default: []].append(a.wave)
            guard index.cadres[a.cadre] != nil else { continue }
            wavesOfCadre[a.cadre, default: []].insert(a.wave)
            targetsOfCadre[a.cadre, default: []].insert(a.target)
            if index.targets[a.target] != nil { cadresOfTarget[a.target, default: []].insert(a.cadre) }
            if let w = index.waveIndex[a.wave] { cadresOfWave[w, default: []].insert(a.cadre) }
        }

        // Wave ids in date order (unknown ones last, by id), so messages do not depend on row order.
        func inWaveOrder<S: Sequence<String>>(_ waves: S) -> String {
            waves.sorted { (index.waveIndex[$0] ?? Int.max, $0) < (index.waveIndex[$1] ?? Int.max, $1) }
                .joined(separator: ", ")
        }

        // Each cadre in at most one wave.
        for (cadre, waves) in wavesOfCadre where waves.count > 1 {
            violations.append(Violation(rule: .cadreInSeveralWaves,
                message: "cadre \(cadre) is dispatched in \(waves.count) waves: \(inWaveOrder(waves))"))
        }

        // 1…M targets per dispatched cadre (M per group and region where max_targets sets it),
        // and total workload within capacity.
        for (id, targets) in targetsOfCadre {
            guard let cadre = index.cadres[id] else { continue }
            let maxTargets = index.maxTargets(of: cadre)
            if targets.count > maxTargets {
                violations.append(Violation(rule: .tooManyTargets,
                    message: "cadre \(id) serves \(targets.count) targets (\(targets.sorted().joined(separator: ", "))), at most \(maxTargets) (mode \(index.scenario.mode), max_targets)"))
            }
            let known = targets.compactMap { index.targets[$0] }
            // A single target over capacity is rule 7 (workloadOverCapacity), reported per pair.
            guard known.count > 1 else { continue }
            let total = known.reduce(0) { $0.addingSaturated(index.workload(cadre: cadre, target: $1)) }
            let capacity = index.capacity(of: cadre)
            if total > capacity {
                violations.append(Violation(rule: .overCapacity,
                    message: "cadre \(id) carries total workload \(total) over targets \(known.map(\.id).sorted().joined(separator: ", ")), capacity \(capacity)"))
            }
        }

        // Never the same target twice.
        for (pair, waves) in pairWaves where waves.count > 1 {
            violations.append(Violation(rule: .duplicatePair,
                message: "cadre \(pair.cadre) → target \(pair.target) appears \(waves.count) times (waves \(inWaveOrder(waves)))"))
        }

        // A target gets at most `demand` cadres.
        for (id, cadres) in cadresOfTarget {
            guard let target = index.targets[id], cadres.count > target.demand else { continue }
            violations.append(Violation(rule: .overDemand,
                message: "target \(id) is served by \(cadres.count) cadres (\(cadres.sorted().joined(separator: ", "))), demand \(target.demand)"))
        }

        // Per wave: at most quota cadres per level, home region and service group.
        for (w, cadreIDs) in cadresOfWave {
            let wave = index.scenario.waves[w]
            var perLevel: [Level: Int] = [:], perRegion: [String: Int] = [:], perGroup: [String: Int] = [:]
            for id in cadreIDs {
                guard let cadre = index.cadres[id] else { continue }
                perLevel[cadre.level, default: 0] += 1
                perRegion[cadre.region, default: 0] += 1
                if let group = cadre.group { perGroup[group, default: 0] += 1 }
            }
            for (level, count) in perLevel {
                if let quota = wave.quotas[level], count > quota {
                    violations.append(Violation(rule: .quotaExceeded(.level),
                        message: "wave \(wave.id) dispatches \(count) \(level.rawValue)-level cadres, quota \(quota)"))
                }
            }
            for (region, count) in perRegion {
                if let quota = wave.regionQuotas[region], count > quota {
                    violations.append(Violation(rule: .quotaExceeded(.region),
                        message: "wave \(wave.id) dispatches \(count) cadres from region \(region), quota \(quota)"))
                }
            }
            for (group, count) in perGroup {
                if let quota = wave.groupQuotas[group], count > quota {
                    violations.append(Violation(rule: .quotaExceeded(.group),
                        message: "wave \(wave.id) dispatches \(count) cadres of group \(group), quota \(quota)"))
                }
            }
        }

        // Every pin is in the plan, in its wave.
        for pin in Set(index.scenario.pins) {
            let waves = pairWaves[PairKey(cadre: pin.cadre, target: pin.target)] ?? []
            if waves.contains(pin.wave) { continue }
            let pinned = "pinned cadre \(pin.cadre) → target \(pin.target) in wave \(pin.wave)"
            let message = waves.isEmpty
                ? "\(pinned) is not in the plan"
                : "\(pinned) is planned in wave \(inWaveOrder(Set(waves))) instead"
            violations.append(Violation(rule: .pinMissing, message: message))
        }
    }
}
