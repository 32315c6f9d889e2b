/// Checks pins.csv rows against the rules of docs/DATA.md that the data alone decides.
///
/// A pin is an assignment already dispatched: the plan must contain it as given. A pin that
/// breaks a rule would make every plan infeasible, and the solver could only say "infeasible",
/// so each broken rule is reported here, at the pin's line, in words.
struct PinChecker {
    private let cadres: [Cadre]
    private let cadreIndex: [String: Int]
    private let targets: [Target]
    private let targetIndex: [String: Int]
    private let pairRows: [CadreTargetKey: (line: Int, rule: PairRule?)]
    private let waveIndex: [String: Int]
    private let waves: [Wave]
    private let groupCategories: [String: Set<String>]
    private let rules: Rules
    private let mode: AssignmentMode

    /// The first wave each cadre is pinned in, with its line.
    private var waveOfCadre: [String: (wave: String, line: Int)] = [:]
    /// The line of each pinned pair.
    private var pinLines: [CadreTargetKey: Int] = [:]
    /// How many pins each target has so far.
    private var pinsOfTarget: [String: Int] = [:]
    /// Pins and pinned workload of each cadre so far.
    private var loadOfCadre: [String: (count: Int, workload: Int)] = [:]

    /// Takes the cadres, targets, pairs, waves and rules already read.
    init(assembly a: ScenarioAssembly) {
        cadres = a.cadres; cadreIndex = a.cadreIndex
        targets = a.targets; targetIndex = a.targetIndex
        pairRows = a.pairRows; waveIndex = a.waveIndex; waves = a.yaml.settings.waves
        groupCategories = a.groupCategories
        rules = a.yaml.settings.rules; mode = a.yaml.settings.mode
    }

    /// Checks one pin whose ids were read, reporting problems on `table`'s current row.
    mutating func check(_ pin: Pin, in table: ScenarioTable) {
        let key = CadreTargetKey(cadre: pin.cadre, target: pin.target)
        if let first = pinLines[key] {
            table.fail("target", "cadre \(pin.cadre.quotedForMessage) is already pinned to target \(pin.target.quotedForMessage) at line \(first); a pair may be pinned at most once")
            return
        }
        pinLines[key] = table.line

        if let first = waveOfCadre[pin.cadre] {
            if first.wave != pin.wave {
                table.fail("wave", "cadre \(pin.cadre.quotedForMessage) is pinned in wave \(pin.wave.quotedForMessage) here but in wave \(first.wave.quotedForMessage) at line \(first.line); a cadre is dispatched in one wave only")
            }
        } else {
            waveOfCadre[pin.cadre] = (pin.wave, table.line)
        }

        if let forbidden = pairRows[key], forbidden.rule?.forbidden == true {
            table.fail("target", "the pair (\(pin.cadre), \(pin.target)) is forbidden in pairs.csv at line \(forbidden.line)")
        }

        // The rest needs the cadre's and target's valid rows; their own errors were reported already.
        guard let c = cadreIndex[pin.cadre], let t = targetIndex[pin.target] else { return }
        let cadre = cadres[c], target = targets[t]

        let count = (pinsOfTarget[pin.target] ?? 0) + 1
        pinsOfTarget[pin.target] = count
        if count > target.demand {
            table.fail("target", "target \(pin.target.quotedForMessage) has \(count) pins but its demand is \(target.demand); a target gets no more pins than its demand")
        }

        guard let w = waveIndex[pin.wave] else { return }
        let problems = violations(cadre: cadre, target: target, wave: w)
        if !problems.isEmpty {
            table.fail("target", "cadre \(pin.cadre.quotedForMessage) may not serve target \(pin.target.quotedForMessage) in wave \(pin.wave.quotedForMessage): " + problems.joined(separator: "; "))
        }

        let workload = pairRows[key]?.rule?.workload ?? target.workload
        var load = loadOfCadre[pin.cadre] ?? (0, 0)
        load.count += 1
        load.workload += workload
        loadOfCadre[pin.cadre] = load
        if load.count > mode.maxTargets {
            table.fail("cadre", "cadre \(pin.cadre.quotedForMessage) is pinned to \(load.count) targets but mode \(mode) allows at most \(mode.maxTargets)")
        } else if load.workload > capacity(of: cadre), workload <= capacity(of: cadre) {
            // (A single pin over capacity was already reported as a rule violation.)
            table.fail("cadre", "cadre \(pin.cadre.quotedForMessage)'s pins add up to workload \(load.workload), above the cadre's capacity \(capacity(of: cadre))")
        }
    }

    private func capacity(of cadre: Cadre) -> Int { cadre.capacity ?? mode.maxTargets }

    /// The rules 1–9 of docs/DATA.md ("What the model reads") that `cadre` serving `target` in wave number `wave` breaks,
    /// except the pairs.csv part of rule 6, which ``check(_:in:)`` reports with its line.
    private func violations(cadre: Cadre, target: Target, wave: Int) -> [String] {
        var problems: [String] = []
        if cadre.level != target.level {
            problems.append("the cadre is \(cadre.level.rawValue) level but the target is \(target.level.rawValue) level")
        }
        if let group = cadre.group, let categories = groupCategories[group], !categories.contains(target.category) {
            problems.append("the cadre's group \(group.quotedForMessage) does not serve category \(target.category.quotedForMessage)")
        }
        if cadre.level == .county, target.level == .county, cadre.region != target.region {
            problems.append("at county level the cadre's region \(cadre.region.quotedForMessage) must be the target's region \(target.region.quotedForMessage)")
        }
        let minimum = max(target.minRank, rules.minRankByKind[target.kind] ?? .section)
        if cadre.rank < minimum {
            problems.append("the cadre's rank \(cadre.rank.keyword) is below the target's minimum rank \(minimum.keyword)")
        }
        if !target.consent {
            problems.append("the target does not consent")
        }
        if rules.forbidOwnSupervisor, let supervisor = target.supervisor, !supervisor.isEmpty, !cadre.unit.isEmpty, supervisor == cadre.unit {
            problems.append("the target is supervised by the cadre's own unit \(cadre.unit.quotedForMessage) (rules.forbid_own_supervisor)")
        }
        if rules.onlyListedPairs, pairRows[CadreTargetKey(cadre: cadre.id, target: target.id)] == nil {
            problems.append("the pair is not listed in pairs.csv (rules.only_listed_pairs)")
        }
        let workload = pairRows[CadreTargetKey(cadre: cadre.id, target: target.id)]?.rule?.workload ?? target.workload
        if workload > capacity(of: cadre) {
            problems.append("the workload \(workload) exceeds the cadre's capacity \(capacity(of: cadre))")
        }
        if let earliest = cadre.earliestWave, let e = waveIndex[earliest], wave < e {
            problems.append("the wave is before the cadre's earliest wave \(earliest.quotedForMessage)")
        }
        if target.urgent, wave != 0 {
            problems.append("the target is urgent, so it must be served in the first wave \(waves.first.map { $0.id.quotedForMessage } ?? "")")
        }
        return problems
    }
}
