import Scenario

/// Why a plan leaves targets without full service, and what would close each shortage.
///
/// Built by ``Explainer/explain(_:plan:solver:options:check:)``. Every figure refers to one
/// plan (solved or given); recommendations are checked by re-solving the scenario with the
/// recommended cadres and quota raises added (see ``ExplanationCheck``).
public struct Explanation: Sendable, Equatable, Codable {
    /// Scenario name.
    public var scenario: String
    /// `one-to-one` or `one-to-many:M` (after any override).
    public var mode: String
    /// Whether the explained plan was solved here or read from a plan folder.
    public var planSource: PlanSource
    /// The plan's coverage tier: Σ weight × (demand − served).
    public var coverage: Int
    /// The plan's coverage status (`optimal`, or a time-limit status; `given` for a plan read from a folder).
    public var coverageStatus: String
    /// Every target served below its demand: heaviest first (then by id), those that declined service last.
    public var shortages: [Shortage]
    /// Every wave quota the scenario sets, with its use in the plan.
    public var quotas: [QuotaUse]
    /// Extra cadres and quota raises that together close every shortage that can be closed.
    public var recommendations: [Recommendation]
    /// Alternatives that change a rule instead of the roster: a larger targets-per-cadre limit
    /// (一对多) for a group or region, or a larger county reach (属地为主), each with the shortages
    /// it is meant to close.
    public var ruleChanges: [RuleChange]
    /// The re-solve that checks the recommendations; `nil` when checking was turned off or there
    /// is nothing to recommend.
    public var check: ExplanationCheck?

    /// Cadre-units missing over all shortages (Σ demand − served).
    public var unitsShort: Int { shortages.reduce(0) { $0 + $1.missing } }

    /// Where the explained plan came from.
    public enum PlanSource: String, Sendable, Codable {
        /// Solved by the explainer (optimal unless a time limit stopped it).
        case solved
        /// Read from a plan folder; it may be any valid plan, not necessarily optimal.
        case given
    }
}

/// One target served below its demand.
public struct Shortage: Sendable, Equatable, Codable {
    /// Target id.
    public var target: String
    /// Target name.
    public var name: String
    /// Target category.
    public var category: String
    /// Provincial or city/county target.
    public var level: Level
    /// Region id of the target.
    public var region: String
    /// Coverage weight of one missing cadre (priority weight, plus the halted bonus).
    public var weight: Int
    /// Must be served in the first wave.
    public var urgent: Bool
    /// Production or work has stopped.
    public var halted: Bool
    /// Cadres needed.
    public var demand: Int
    /// Cadres the plan assigns.
    public var served: Int
    /// The effective minimum rank (own minimum and the kind's rule, whichever is higher).
    @RankKeyword public var minRank: Rank
    /// Why the plan cannot serve it more.
    public var reason: ShortageReason
    /// Cadres of the target's level that may not serve it, by the first rule that keeps them away
    /// (largest count first). Empty for a target that declined service.
    public var excluded: [BarrierCount]
    /// The ``Recommendation/id`` that closes it; `nil` when nothing can (the target declined service).
    public var recommendation: Int?
    /// The ``RuleChange/id``s that could close it instead (a larger M or reach); empty when none applies.
    public var ruleChanges: [Int] = []

    /// Cadres missing: demand − served.
    public var missing: Int { demand - served }
}

/// The kind of reason a target is short.
public enum ReasonKind: String, Sendable, Codable, CaseIterable {
    /// The target declined service (consent = false): no cadre may serve it.
    case declined
    /// No cadre may serve it at all; ``Shortage/excluded`` says which rules keep them away.
    case noCompatibleCadre
    /// Every compatible cadre is dispatched to other targets (one each), or already serves this one.
    case notEnoughCadres
    /// One-to-many: every compatible cadre already carries as many targets (or as much workload) as allowed.
    case capacityReached
    /// Compatible cadres are left undispatched (or, for an urgent target, dispatched in a later wave)
    /// because a quota of every wave the target may be served in is full.
    case quotaFull
    /// A compatible cadre could serve it without changing anything else: the plan is not optimal.
    case notOptimal
}

/// The facts behind a shortage, counted over the cadres that may serve the target.
public struct ShortageReason: Sendable, Equatable, Codable {
    /// The kind of reason.
    public var kind: ReasonKind
    /// Cadres allowed to serve the target in some wave (all rules, earliest wave and urgency).
    public var compatible: Int
    /// Compatible cadres that already serve this target.
    public var servingIt: Int
    /// Compatible cadres dispatched to other targets with no room left for this one.
    public var busy: Int
    /// Weights of the other targets those busy cadres serve (heaviest first).
    public var busyWith: [WeightCount]
    /// Compatible cadres kept out by full quotas: undispatched, or dispatched in a wave the
    /// (urgent) target may not use, while every wave it may use is full.
    public var quotaBlocked: Int
    /// The full quotas that keep those cadres out (empty unless ``kind`` is ``ReasonKind/quotaFull``).
    public var quotas: [QuotaUse]
    /// Lightest weight served, in the blocked waves, by the cadres those quotas count; `nil` without quotas.
    /// A quota "exhausted by more urgent targets" shows here as a weight at or above the target's.
    public var quotaTakenFromWeight: Int?
    /// Compatible cadres that could take the target at no cost to anyone (only in plans that are not optimal).
    public var spare: Int
    /// Targets per cadre allowed by the mode (1 one-to-one).
    public var limit: Int

    /// Creates a reason.
    public init(kind: ReasonKind, compatible: Int = 0, servingIt: Int = 0, busy: Int = 0, busyWith: [WeightCount] = [],
                quotaBlocked: Int = 0, quotas: [QuotaUse] = [], quotaTakenFromWeight: Int? = nil, spare: Int = 0, limit: Int = 1) {
        self.kind = kind; self.compatible = compatible; self.servingIt = servingIt; self.busy = busy; self.busyWith = busyWith
        self.quotaBlocked = quotaBlocked; self.quotas = quotas; self.quotaTakenFromWeight = quotaTakenFromWeight
        self.spare = spare; self.limit = limit
    }
}

/// How many targets of one coverage weight.
public struct WeightCount: Sendable, Equatable, Hashable, Codable {
    /// Coverage weight.
    public var weight: Int
    /// Number of pairs (targets served) with that weight.
    public var count: Int
    /// Creates a count.
    public init(weight: Int, count: Int) { self.weight = weight; self.count = count }
}

/// Cadres kept from a target by one rule.
public struct BarrierCount: Sendable, Equatable, Codable {
    /// The first rule (in the model's order) that excludes them.
    public var barrier: Exclusion
    /// How many cadres.
    public var cadres: Int
    /// Creates a count.
    public init(barrier: Exclusion, cadres: Int) { self.barrier = barrier; self.cadres = cadres }
}

/// A wave quota and how much of it the plan uses.
public struct QuotaUse: Sendable, Equatable, Codable {
    /// The quota.
    public var quota: QuotaKey
    /// Cadres the plan dispatches that it counts.
    public var used: Int
    /// The limit.
    public var limit: Int
    /// Whether it binds: full, and it is what keeps some compatible cadre from a short target
    /// (the cadre is undispatched, or in a wave the urgent target may not use).
    public var binds: Bool
    /// Short targets it keeps a compatible cadre from.
    public var shortTargets: Int
    /// Whether `used` reached `limit`.
    public var isFull: Bool { used >= limit }
    /// Creates a use.
    public init(quota: QuotaKey, used: Int, limit: Int, binds: Bool = false, shortTargets: Int = 0) {
        self.quota = quota; self.used = used; self.limit = limit; self.binds = binds; self.shortTargets = shortTargets
    }
}

/// A quota rise a recommendation needs.
public struct QuotaRaise: Sendable, Equatable, Codable {
    /// The quota.
    public var quota: QuotaKey
    /// Its limit in the scenario.
    public var from: Int
    /// How much this recommendation adds to it.
    public var by: Int
    /// Creates a raise.
    public init(quota: QuotaKey, from: Int, by: Int) { self.quota = quota; self.from = from; self.by = by }
}

/// Extra cadres of one kind (or idle cadres already on the roster) that close a set of shortages.
///
/// Constructive: the explainer adds the cadres to the explained plan and assigns each one to a
/// short target it may serve, in ``wave``; where that wave's quotas are full, it raises them
/// (``quotaRaises``). That gives a plan of the enlarged scenario in which every target of the
/// recommendation is fully served, so the enlarged scenario's optimum serves them too — which
/// the check then confirms by solving it.
public struct Recommendation: Sendable, Equatable, Codable {
    /// 1-based number, referred to by ``Shortage/recommendation``.
    public var id: Int
    /// Add new cadres, or use cadres already on the roster.
    public var action: Action
    /// Cadres to add (or roster cadres to use).
    public var count: Int
    /// Level of the cadres.
    public var level: Level
    /// Home region of the cadres.
    public var region: String
    /// Service group of the cadres; `nil` means no group (any).
    public var group: String?
    /// Rank of the cadres: the targets' effective minimum rank (for roster cadres, the lowest of theirs).
    @RankKeyword public var rank: Rank
    /// Skills: the categories of the targets (they only lower the quality cost).
    public var skills: [String]
    /// Capacity; `nil` means the mode's targets per cadre (set only when a target's workload exceeds it).
    public var capacity: Int?
    /// Earliest wave of the added cadres; `nil` means the first wave.
    public var earliestWave: String?
    /// The wave in which they are dispatched in the constructed plan.
    public var wave: String
    /// Ids: `extra-<n>` for added cadres, roster ids for idle ones.
    public var cadres: [String]
    /// Quotas to raise, and by how much, so that the cadres can be dispatched in ``wave``.
    public var quotaRaises: [QuotaRaise]
    /// The targets it closes.
    public var targets: [String]
    /// Missing cadre-units it closes (Σ demand − served over ``targets``).
    public var units: Int
    /// True when the scenario allows listed pairs only: the added cadres need a pairs.csv row for each target.
    public var needsListedPairs: Bool
    /// Whether re-solving with every recommendation applied serves all ``targets`` fully; `nil` when not checked.
    public var verified: Bool?

    /// What the recommendation does.
    public enum Action: String, Sendable, Codable {
        /// Add new cadres with the given attributes.
        case addCadres
        /// Raise quotas so cadres already on the roster (``cadres``), left undispatched by full quotas, can be dispatched.
        case dispatchIdle
        /// Give the targets to roster cadres (``cadres``) who are idle or have room, with no other
        /// change: the plan was not optimal (re-solving does this).
        case useSpare
    }

    /// The cadres to add, exactly as the check adds them (empty for ``Action/dispatchIdle``).
    public func extraCadres() -> [Cadre] {
        guard action == .addCadres else { return [] }
        return cadres.map { id in
            Cadre(id: id, name: id, level: level, rank: rank, group: group, region: region, unit: "",
                  skills: skills, capacity: capacity, earliestWave: earliestWave)
        }
    }
}

/// The re-solve that checks the recommendations.
public struct ExplanationCheck: Sendable, Equatable, Codable {
    /// Cadres added over all recommendations.
    public var addedCadres: Int
    /// Quota raises over all recommendations (summed per quota).
    public var quotaRaises: [QuotaRaise]
    /// Coverage of the explained plan.
    public var coverageBefore: Int
    /// Coverage of the constructed plan (explained plan + recommendations): an upper bound on the re-solve.
    public var coverageConstructed: Int
    /// Coverage of the re-solved, enlarged scenario.
    public var coverageAfter: Int
    /// The re-solve's coverage status.
    public var status: String
    /// Targets still short after the re-solve (ids).
    public var stillShort: [String]
    /// Whether every recommendation's targets are fully served after the re-solve.
    public var allVerified: Bool
}

/// Writes a rank in JSON as its file keyword (`section`, `division`, `bureau`), not as 1…3,
/// so that a JSON explanation reads like the scenario files.
@propertyWrapper
public struct RankKeyword: Sendable, Equatable, Codable {
    /// The rank.
    public var wrappedValue: Rank
    /// Wraps a rank.
    public init(wrappedValue: Rank) { self.wrappedValue = wrappedValue }
    /// Reads `section`/`division`/`bureau` (or 科/处/厅).
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let rank = Rank(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown rank '\(text)'"))
        }
        wrappedValue = rank
    }
    /// Writes the keyword.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue.keyword)
    }
}

/// A change to one of the scenario's rules, instead of its roster, that would let short targets be
/// served: busy cadres allowed one more target (一对多 where needed), or city/county cadres allowed
/// to reach a neighbouring region (属地为主).
public struct RuleChange: Sendable, Equatable, Codable {
    /// Which setting changes.
    public enum Setting: String, Sendable, Codable {
        /// `max_targets.groups.<key>` in scenario.yaml.
        case maxTargetsGroup
        /// `max_targets.regions.<key>`.
        case maxTargetsRegion
        /// `rules.county_reach_km`.
        case countyReachKm
    }
    /// 1-based number, referred to by ``Shortage/ruleChanges``.
    public var id: Int
    /// The setting.
    public var setting: Setting
    /// The group or region id (`nil` for the reach).
    public var key: String?
    /// The value now, and the value proposed.
    public var from: Int
    public var to: Int
    /// Short targets it is meant to close (ids).
    public var targets: [String]
    /// Of those, how many are fully served when the scenario is re-solved with every rule change
    /// applied together; `nil` when checking was turned off.
    public var closed: Int?

    /// The scenario.yaml key, e.g. `max_targets.groups.gongxin`.
    public var yamlKey: String {
        switch setting {
        case .maxTargetsGroup: "max_targets.groups.\(key ?? "")"
        case .maxTargetsRegion: "max_targets.regions.\(key ?? "")"
        case .countyReachKm: "rules.county_reach_km"
        }
    }
}
