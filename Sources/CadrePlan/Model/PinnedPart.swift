import Scenario

/// What pins fix before the model is built, and what they leave to it.
///
/// A pinned pair is in every plan, so it is a constant of every tier and never a variable: its
/// cadre is dispatched in the pin's wave whatever the model does (it counts toward that wave's
/// quotas and has served "someone"), and its target needs one cadre fewer. What is left to
/// decide is how many *more* targets the pinned cadre takes, in that wave only, within its
/// limit and capacity minus its pins. In one-to-one mode nothing is left: the cadre and a
/// demand-1 target leave the model. Pinned cadres with equal signatures, wave and room left are
/// interchangeable, so they form classes like everyone else (docs/MODEL.md, "Pins").
///
/// Pins are assumed valid (``PinCheck`` runs first); counts that would go negative are taken as 0.
struct PinnedPart: Sendable {
    /// The pinned pairs, sorted.
    let pairs: [PlannedPair]
    /// The wave each pinned cadre is dispatched in.
    let wave: [Int: Int]
    /// The targets each pinned cadre is pinned to.
    let targetsOf: [Int: [Int]]
    /// Targets each pinned cadre may still take: its limit M(c) minus its pins.
    let remainingLimit: [Int: Int]
    /// Workload each pinned cadre may still carry: its capacity minus its pins' workloads.
    let remainingCapacity: [Int: Int]
    /// Pins of each pinned target.
    let pinsOfTarget: [Int: Int]
    /// Cadres dispatched by pins, per quota that counts them.
    let quotaUse: [QuotaKey: Int]
    /// Pinned cadres and targets told apart from every other: a target with demand left whose
    /// pinned cadre has room left. Only as a single cadre and a single target can the model
    /// forbid that cadre to serve the target a second time.
    let apartCadres: Set<Int>
    let apartTargets: Set<Int>

    init(_ p: PreparedScenario) {
        var wave: [Int: Int] = [:], targetsOf: [Int: [Int]] = [:], pinsOfTarget: [Int: Int] = [:]
        var pairs = Set<PlannedPair>()
        for pin in p.pins where pairs.insert(PlannedPair(cadre: pin.cadre, target: pin.target, wave: pin.wave)).inserted {
            if wave[pin.cadre] == nil { wave[pin.cadre] = pin.wave }
            targetsOf[pin.cadre, default: []].append(pin.target)
            pinsOfTarget[pin.target, default: 0] += 1
        }
        var limit: [Int: Int] = [:], capacity: [Int: Int] = [:], use: [QuotaKey: Int] = [:]
        for (c, targets) in targetsOf {
            limit[c] = max(0, p.countLimit(ofCadre: c) - targets.count)
            capacity[c] = max(0, p.capacity(ofCadre: c) - targets.reduce(0) { $0 + p.workload(cadre: c, target: $1) })
            for key in p.quotaKeys(cadre: c, wave: wave[c]!) { use[key, default: 0] += 1 }
        }
        var apartC = Set<Int>(), apartT = Set<Int>()
        for (c, targets) in targetsOf where limit[c]! > 0 && capacity[c]! > 0 {
            for t in targets where p.scenario.targets[t].demand > pinsOfTarget[t]! {
                apartC.insert(c); apartT.insert(t)
            }
        }
        self.pairs = pairs.sorted()
        self.wave = wave
        self.targetsOf = targetsOf.mapValues { $0.sorted() }
        remainingLimit = limit
        remainingCapacity = capacity
        self.pinsOfTarget = pinsOfTarget
        quotaUse = use
        apartCadres = apartC
        apartTargets = apartT
    }

    /// Cadres the pins dispatch.
    var cadreCount: Int { wave.count }

    /// Whether pins leave cadre `c` nothing more to take (it is out of the model).
    func isFull(cadre c: Int) -> Bool {
        guard wave[c] != nil else { return false }
        return remainingLimit[c]! == 0 || remainingCapacity[c]! == 0
    }

    /// The demand of target `t` that pins leave open.
    func remainingDemand(of t: Int, _ p: PreparedScenario) -> Int {
        max(0, p.scenario.targets[t].demand - (pinsOfTarget[t] ?? 0))
    }
}
