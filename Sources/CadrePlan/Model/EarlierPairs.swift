/// The earlier plan's pairs as the re-planning model sees them (docs/MODEL.md, "Re-planning").
///
/// Each earlier pair (cadre, target, wave) is one of three things:
/// - kept by a pin (the same pair is pinned): a constant of the stability tier;
/// - lost whatever the plan: its cadre or target is gone, a rule no longer allows it, its wave is
///   closed to it, its cadre is pinned to another wave or full, its target is fully pinned;
/// - a *candidate*: the model decides whether to keep it.
///
/// Candidates must meet the targets the class argument needs: a target with a candidate pair
/// either needs one cadre and has only that one candidate pair, or it is told apart (its own
/// class). Cadres are never told apart for re-planning.
struct EarlierPairs: Sendable {
    /// Earlier pairs that pins keep.
    let pinnedCount: Int
    /// Earlier pairs the model may keep, in the earlier plan's order.
    let candidates: [PreparedScenario.ResolvedPin]
    /// Targets with candidate pairs that need more than one cadre, or with several candidate pairs.
    let apartTargets: Set<Int>

    init(_ p: PreparedScenario, pinned fixed: PinnedPart) {
        var pinnedCount = 0
        var candidates: [PreparedScenario.ResolvedPin] = []
        let pins = Set(fixed.pairs)
        for e in p.previous ?? [] {
            if pins.contains(PlannedPair(cadre: e.cadre, target: e.target, wave: e.wave)) { pinnedCount += 1; continue }
            if let w = fixed.wave[e.cadre] {
                guard w == e.wave, !fixed.isFull(cadre: e.cadre),
                      p.workload(cadre: e.cadre, target: e.target) <= fixed.remainingCapacity[e.cadre]! else { continue }
            }
            guard fixed.remainingDemand(of: e.target, p) > 0,
                  p.exclusion(cadre: e.cadre, target: e.target) == nil,
                  p.waves(cadre: e.cadre, target: e.target).contains(e.wave) else { continue }
            candidates.append(e)
        }
        var perTarget: [Int: Int] = [:]
        for e in candidates { perTarget[e.target, default: 0] += 1 }
        self.pinnedCount = pinnedCount
        self.candidates = candidates
        apartTargets = Set(perTarget.filter { t, n in n > 1 || fixed.remainingDemand(of: t, p) > 1 }.keys)
    }
}
