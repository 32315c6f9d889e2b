import Scenario

/// One cadre serving one target, dispatched in one wave (positions in the scenario's arrays).
public struct PlannedPair: Hashable, Sendable, Comparable {
    /// Position of the cadre in ``Scenario/cadres``.
    public let cadre: Int
    /// Position of the target in ``Scenario/targets``.
    public let target: Int
    /// Position of the wave in ``Scenario/waves``.
    public let wave: Int
    /// Creates a pair.
    public init(cadre: Int, target: Int, wave: Int) { self.cadre = cadre; self.target = target; self.wave = wave }
    public static func < (a: PlannedPair, b: PlannedPair) -> Bool { (a.wave, a.target, a.cadre) < (b.wave, b.target, b.cadre) }
}

/// How one objective tier ended.
public struct TierOutcome: Sendable, Equatable, Codable {
    /// The tier.
    public var tier: Tier
    /// The tier's value in the plan (an exact integer).
    public var value: Int
    /// The best proven bound on the tier (equal to `value` when optimal); `nil` when the solver
    /// stopped before it had any bound. Every coefficient is an integer, so bounds are rounded up.
    public var bound: Int?
    /// `optimal`, `feasible (time limit)` / `feasible (gap limit)`, or `given` for a plan read from a folder.
    public var status: String
    /// Relative gap |value − bound| / max(1, |value|); `nil` without a bound.
    public var gap: Double?
    /// Solve time of the tier over all blocks, seconds (sum of block times).
    public var seconds: Double
    /// The tier's name in files (`coverage`, `principle`, `timeliness`, `stability`, `quality`).
    public var name: String { tier.rawValue }
    /// Whether the value is proven optimal.
    public var isOptimal: Bool { status == "optimal" }

    // Seconds stay out of summary.json (they go to timings.json) so plans are byte-identical.
    private enum CodingKeys: String, CodingKey { case name, value, bound, status, gap }

    /// Creates an outcome.
    public init(tier: Tier, value: Int, bound: Int?, status: String, gap: Double?, seconds: Double) {
        self.tier = tier; self.value = value; self.bound = bound; self.status = status; self.gap = gap; self.seconds = seconds
    }
    /// An outcome proven optimal, or given, with no gap.
    public init(tier: Tier, exact value: Int, status: String = "optimal", seconds: Double = 0) {
        self.init(tier: tier, value: value, bound: value, status: status, gap: 0, seconds: seconds)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        guard let tier = Tier(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .name, in: c, debugDescription: "unknown tier \(name)")
        }
        self.tier = tier
        value = try c.decode(Int.self, forKey: .value)
        // Older plans wrote a huge negative sentinel when there was no bound: read it as none.
        let raw = try c.decodeIfPresent(Double.self, forKey: .bound)
        bound = raw.flatMap { $0.isFinite && abs($0) < 9e15 ? Int($0.rounded(.up)) : nil }
        status = try c.decode(String.self, forKey: .status)
        gap = bound == nil ? nil : try c.decodeIfPresent(Double.self, forKey: .gap)
        seconds = 0
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tier.rawValue, forKey: .name)
        try c.encode(value, forKey: .value)
        // Absent is written as null, so every tier has the same keys.
        if let bound { try c.encode(bound, forKey: .bound) } else { try c.encodeNil(forKey: .bound) }
        try c.encode(status, forKey: .status)
        if let gap { try c.encode(gap, forKey: .gap) } else { try c.encodeNil(forKey: .gap) }
    }
}

/// Size of an integer program.
public struct ModelSize: Sendable, Equatable, Codable {
    /// Variables.
    public var variables: Int
    /// Rows.
    public var rows: Int
    /// Nonzero coefficients.
    public var nonzeros: Int
    /// Creates a size.
    public init(variables: Int = 0, rows: Int = 0, nonzeros: Int = 0) { self.variables = variables; self.rows = rows; self.nonzeros = nonzeros }
}

/// Facts about how a plan was computed.
public struct PlanStatistics: Sendable, Equatable {
    /// The individual model x[c,t,w], y[c,w] the scenario defines (counted, never built when aggregating).
    public var individualModel = ModelSize()
    /// The model actually solved (sum over blocks).
    public var solvedModel = ModelSize()
    /// Classes of cadres and targets.
    public var cadreClasses = 0
    public var targetClasses = 0
    /// Independent blocks solved.
    public var blocks = 0
    /// Blocks solved as a maximum weight matching instead of an integer program.
    public var networkBlocks = 0
    /// Threads used.
    public var threads = 1
    /// Simplex iterations and branch-and-bound nodes over all solves.
    public var simplexIterations = 0
    public var nodes = 0
    /// Wall-clock seconds per phase (`prepare`, `solve`, `expand`).
    public var seconds: [String: Double] = [:]
    /// Re-planning only: how earlier pairs were counted — `classes` (the class model of
    /// docs/MODEL.md), `participants apart`, or `participants apart (fallback: why)` when the class
    /// model's plan did not keep what it counted and the planner solved again. `nil` otherwise.
    public var replanClasses: String?
}

/// A solved deployment plan.
public struct Plan: Sendable {
    /// The scenario as planned (with any mode override applied).
    public var scenario: Scenario { prepared.scenario }
    /// The same scenario indexed once, reused by the reports (indicators, tables, changes).
    let prepared: PreparedScenario
    /// Assignments, sorted by wave, target, cadre.
    public var pairs: [PlannedPair]
    /// Tier outcomes in lexicographic order.
    public var tiers: [TierOutcome]
    /// How it was computed.
    public var statistics: PlanStatistics
    /// Whether every tier is proven optimal.
    public var isOptimal: Bool { tiers.allSatisfy(\.isOptimal) }
}
