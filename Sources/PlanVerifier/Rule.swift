/// The kinds of quota a wave can set (scenario.yaml `quotas`, `region_quotas`, `group_quotas`).
public enum QuotaScope: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Cadres dispatched per level (`quotas`).
    case level
    /// Cadres dispatched per home region (`region_quotas`).
    case region
    /// Cadres dispatched per service group (`group_quotas`).
    case group

    /// Orders scopes as declared, so that reports list them in a fixed order.
    public static func < (a: QuotaScope, b: QuotaScope) -> Bool { a.order < b.order }

    private var order: Int {
        switch self { case .level: 0; case .region: 1; case .group: 2 }
    }
}

/// Every rule of docs/DATA.md that a plan can break, in report order.
///
/// The order is: ids the scenario does not know, then the nine pair rules in the order of
/// "What the model reads", then the plan-wide rules, then the claimed tier values.
public enum Rule: Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// The plan names a cadre id that is not in cadres.csv.
    case unknownCadre
    /// The plan names a target id that is not in targets.csv.
    case unknownTarget
    /// The plan names a wave id that is not in scenario.yaml.
    case unknownWave
    /// Rule 1: cadre and target are of different levels.
    case levelMismatch
    /// Rule 2: the cadre's service group does not serve the target's category.
    case groupMismatch
    /// Rule 3: a county-level target served by a cadre from another region.
    case regionMismatch
    /// Rule 4: the cadre's rank is below the target's effective minimum rank.
    case rankTooLow
    /// Rule 5: the target did not consent to being served.
    case noConsent
    /// Rule 6: the pair is forbidden in pairs.csv.
    case forbiddenPair
    /// Rule 6: the target is supervised by the cadre's own unit (`forbid_own_supervisor`).
    case conflictOfInterest
    /// Rule 6: `only_listed_pairs` is set and the pair is not listed in pairs.csv.
    case unlistedPair
    /// Rule 7: the pair's workload alone exceeds the cadre's capacity.
    case workloadOverCapacity
    /// Rule 8: the wave is before the cadre's earliest wave.
    case beforeEarliestWave
    /// Rule 9: an urgent target served in a wave other than the first.
    case urgentNotFirstWave
    /// A cadre dispatched in more than one wave.
    case cadreInSeveralWaves
    /// A cadre serving more targets than the mode allows.
    case tooManyTargets
    /// A cadre whose targets' total workload exceeds the cadre's capacity.
    case overCapacity
    /// The same cadre–target pair appears more than once.
    case duplicatePair
    /// A target served by more cadres than its demand.
    case overDemand
    /// A wave dispatches more cadres than one of its quotas allows.
    case quotaExceeded(QuotaScope)
    /// A pin (pins.csv) is not in the plan, or not in its wave.
    case pinMissing
    /// A tier value claimed by the plan differs from the recomputed one.
    case tierMismatch
    /// An indicator count claimed by the plan (summary.json) differs from the recounted one.
    case indicatorMismatch
    /// The plan says it was planned under another mode than the one it is verified under.
    case modeMismatch
    /// summary.json lacks a tier the plan must claim (or claims no value for it).
    case tierMissing
    /// summary.json claims a tier this plan does not have (an unknown or renamed tier).
    case tierUnknown
    /// A cell of assignments.csv that the scenario determines (a date, a name, a distance, …)
    /// says something else.
    case wrongCell(PlanColumn)
    /// changes.csv contradicts the plan: an earlier assignment listed as not kept is in the
    /// plan, an added one is not, or a moved cadre is not where it says.
    case changeMismatch

    /// The columns of assignments.csv whose cells the scenario determines (the keys excepted).
    public static let checkedColumns: [PlanColumn] = PlanColumn.allCases.filter { !PlanColumn.keys.contains($0) }

    /// Every rule, quota scopes expanded, in report order.
    public static let allCases: [Rule] = [
        .unknownCadre, .unknownTarget, .unknownWave,
        .levelMismatch, .groupMismatch, .regionMismatch, .rankTooLow, .noConsent,
        .forbiddenPair, .conflictOfInterest, .unlistedPair, .workloadOverCapacity,
        .beforeEarliestWave, .urgentNotFirstWave,
        .cadreInSeveralWaves, .tooManyTargets, .overCapacity, .duplicatePair, .overDemand,
        .quotaExceeded(.level), .quotaExceeded(.region), .quotaExceeded(.group),
        .pinMissing, .tierMismatch, .indicatorMismatch, .modeMismatch, .tierMissing, .tierUnknown,
    ] + checkedColumns.map { .wrongCell($0) } + [.changeMismatch]

    /// A stable kebab-case code (e.g. `level-mismatch`, `quota-exceeded-region`) for reports and scripts.
    public var description: String {
        switch self {
        case .unknownCadre: "unknown-cadre"
        case .unknownTarget: "unknown-target"
        case .unknownWave: "unknown-wave"
        case .levelMismatch: "level-mismatch"
        case .groupMismatch: "group-mismatch"
        case .regionMismatch: "region-mismatch"
        case .rankTooLow: "rank-too-low"
        case .noConsent: "no-consent"
        case .forbiddenPair: "forbidden-pair"
        case .conflictOfInterest: "conflict-of-interest"
        case .unlistedPair: "unlisted-pair"
        case .workloadOverCapacity: "workload-over-capacity"
        case .beforeEarliestWave: "before-earliest-wave"
        case .urgentNotFirstWave: "urgent-not-first-wave"
        case .cadreInSeveralWaves: "cadre-in-several-waves"
        case .tooManyTargets: "too-many-targets"
        case .overCapacity: "over-capacity"
        case .duplicatePair: "duplicate-pair"
        case .overDemand: "over-demand"
        case .quotaExceeded(let scope): "quota-exceeded-\(scope.rawValue)"
        case .pinMissing: "pin-missing"
        case .tierMismatch: "tier-mismatch"
        case .indicatorMismatch: "indicator-mismatch"
        case .modeMismatch: "mode-mismatch"
        case .tierMissing: "tier-missing"
        case .tierUnknown: "tier-unknown"
        case .wrongCell(let column): "wrong-\(column.english.replacingOccurrences(of: "_", with: "-"))"
        case .changeMismatch: "change-mismatch"
        }
    }

    /// Orders rules as listed in `allCases`.
    public static func < (a: Rule, b: Rule) -> Bool { a.order < b.order }

    /// Position in `allCases`, by a switch rather than a search so that sorting many violations stays cheap.
    private var order: Int {
        switch self {
        case .unknownCadre: 0
        case .unknownTarget: 1
        case .unknownWave: 2
        case .levelMismatch: 3
        case .groupMismatch: 4
        case .regionMismatch: 5
        case .rankTooLow: 6
        case .noConsent: 7
        case .forbiddenPair: 8
        case .conflictOfInterest: 9
        case .unlistedPair: 10
        case .workloadOverCapacity: 11
        case .beforeEarliestWave: 12
        case .urgentNotFirstWave: 13
        case .cadreInSeveralWaves: 14
        case .tooManyTargets: 15
        case .overCapacity: 16
        case .duplicatePair: 17
        case .overDemand: 18
        case .quotaExceeded(.level): 19
        case .quotaExceeded(.region): 20
        case .quotaExceeded(.group): 21
        case .pinMissing: 22
        case .tierMismatch: 23
        case .indicatorMismatch: 24
        case .modeMismatch: 25
        case .tierMissing: 26
        case .tierUnknown: 27
        case .wrongCell(let column): 28 + (PlanColumn.allCases.firstIndex(of: column) ?? 0)
        case .changeMismatch: 28 + PlanColumn.allCases.count
        }
    }
}
