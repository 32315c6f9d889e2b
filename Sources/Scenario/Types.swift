import Foundation

/// The administrative level of a cadre or target.
public enum Level: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Provincial bodies and the targets the province serves (省级).
    case province
    /// Cities, counties and the Yangpu zone (市县).
    case county
    public static func < (a: Level, b: Level) -> Bool { a == .province && b == .county }
}

/// A cadre's rank, ordered: section (科) < division (处) < bureau (厅).
public enum Rank: Int, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// 科级.
    case section = 1
    /// 处级.
    case division = 2
    /// 厅级.
    case bureau = 3
    public static func < (a: Rank, b: Rank) -> Bool { a.rawValue < b.rawValue }
    /// The English keyword used in files (`section`, `division`, `bureau`).
    public var keyword: String {
        switch self { case .section: "section"; case .division: "division"; case .bureau: "bureau" }
    }
    /// The Chinese name (科, 处, 厅).
    public var chinese: String {
        switch self { case .section: "科"; case .division: "处"; case .bureau: "厅" }
    }
    /// Parses `section`/`division`/`bureau`, 科/处/厅 or 科级/处级/厅级.
    public init?(text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "section", "科", "科级": self = .section
        case "division", "处", "处级": self = .division
        case "bureau", "厅", "厅级": self = .bureau
        default: return nil
        }
    }
}

/// What kind of place a target is.
public enum TargetKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An enterprise (企业).
    case enterprise
    /// A project (项目).
    case project
    /// An industrial park (园区).
    case park
}

/// A city, county or zone (regions.csv).
public struct Region: Sendable, Hashable {
    /// Identifier used by cadres.csv and targets.csv.
    public var id: String
    /// Display name.
    public var name: String
    /// Latitude of the seat in degrees, if known.
    public var latitude: Double?
    /// Longitude of the seat in degrees, if known.
    public var longitude: Double?
    /// Creates a region.
    public init(id: String, name: String, latitude: Double? = nil, longitude: Double? = nil) {
        self.id = id; self.name = name; self.latitude = latitude; self.longitude = longitude
    }
}

/// A cadre who can be dispatched (cadres.csv).
public struct Cadre: Sendable, Hashable {
    /// Unique identifier.
    public var id: String
    /// Name.
    public var name: String
    /// Provincial or city/county cadre.
    public var level: Level
    /// 科, 处 or 厅.
    public var rank: Rank
    /// The service group the cadre belongs to; `nil` means any group.
    public var group: String?
    /// Home region id.
    public var region: String
    /// Home unit (employer), shown in tables and used by conflict-of-interest rules.
    public var unit: String
    /// Categories the cadre is skilled in, sorted and without duplicates.
    public var skills: [String]
    /// Most workload the cadre can carry; `nil` means the mode's targets-per-cadre limit.
    public var capacity: Int?
    /// Id of the first wave the cadre may be dispatched in; `nil` means the first wave.
    public var earliestWave: String?
    /// Creates a cadre.
    public init(
        id: String, name: String, level: Level, rank: Rank, group: String? = nil, region: String,
        unit: String = "", skills: [String] = [], capacity: Int? = nil, earliestWave: String? = nil
    ) {
        self.id = id; self.name = name; self.level = level; self.rank = rank; self.group = group
        self.region = region; self.unit = unit; self.skills = Array(Set(skills)).sorted()
        self.capacity = capacity; self.earliestWave = earliestWave
    }
}

/// An enterprise, project or park to be served (targets.csv).
public struct Target: Sendable, Hashable {
    /// Unique identifier.
    public var id: String
    /// Name.
    public var name: String
    /// Enterprise, project or park.
    public var kind: TargetKind
    /// Category (e.g. 规模以上工业企业); service groups serve categories.
    public var category: String
    /// Served by provincial or by city/county cadres.
    public var level: Level
    /// Region id.
    public var region: String
    /// Priority 1 (lowest) to 5 (highest); default 3.
    public var priority: Int
    /// Must be served in the first wave.
    public var urgent: Bool
    /// Production or work has stopped (停产停工).
    public var halted: Bool
    /// Cadres needed; default 1.
    public var demand: Int
    /// Lowest rank allowed to serve it; default section.
    public var minRank: Rank
    /// Workload of serving it; default 1.
    public var workload: Int
    /// Whether the target agrees to be served; default true.
    public var consent: Bool
    /// Supervising unit, for conflict-of-interest rules; `nil` if not given.
    public var supervisor: String?
    /// Creates a target.
    public init(
        id: String, name: String, kind: TargetKind, category: String, level: Level, region: String,
        priority: Int = 3, urgent: Bool = false, halted: Bool = false, demand: Int = 1,
        minRank: Rank = .section, workload: Int = 1, consent: Bool = true, supervisor: String? = nil
    ) {
        self.id = id; self.name = name; self.kind = kind; self.category = category
        self.level = level; self.region = region; self.priority = priority; self.urgent = urgent
        self.halted = halted; self.demand = demand; self.minRank = minRank; self.workload = workload
        self.consent = consent; self.supervisor = supervisor
    }
}

/// A row of pairs.csv: facts about one cadre–target pair.
public struct PairRule: Sendable, Hashable {
    /// Cadre id.
    public var cadre: String
    /// Target id.
    public var target: String
    /// The pair must never be assigned (conflict of interest, 回避).
    public var forbidden: Bool
    /// Replaces the computed quality cost of the pair, if given.
    public var cost: Int?
    /// Replaces the target's workload for this cadre, if given.
    public var workload: Int?
    /// Free text, shown in explanations.
    public var reason: String
    /// Creates a pair rule.
    public init(cadre: String, target: String, forbidden: Bool = false, cost: Int? = nil, workload: Int? = nil, reason: String = "") {
        self.cadre = cadre; self.target = target; self.forbidden = forbidden
        self.cost = cost; self.workload = workload; self.reason = reason
    }
}

/// A row of pins.csv: an assignment already dispatched, kept by re-planning.
///
/// Two pins are equal when cadre, target and wave are; where a pin was read does not count.
public struct Pin: Sendable, Hashable {
    /// Cadre id.
    public var cadre: String
    /// Target id.
    public var target: String
    /// Wave id.
    public var wave: String
    /// The file and line the pin was read from, for messages; `nil` for pins made in memory.
    public var source: SourceLine?
    /// Creates a pin.
    public init(cadre: String, target: String, wave: String, source: SourceLine? = nil) {
        self.cadre = cadre; self.target = target; self.wave = wave; self.source = source
    }
    public static func == (a: Pin, b: Pin) -> Bool { a.cadre == b.cadre && a.target == b.target && a.wave == b.wave }
    public func hash(into h: inout Hasher) { h.combine(cadre); h.combine(target); h.combine(wave) }
}

/// A line of an input file, so that a fact found later (a pin a rule refuses) can be reported where it was written.
public struct SourceLine: Sendable, Hashable {
    /// The file's path as given by the user.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column of each named CSV column in that file (its header), for messages about one cell.
    public var columns: [String: Int]
    /// The sheet, when the file is a workbook (`line` is then the row).
    public var sheet: String?
    /// Creates a source line.
    public init(file: String, line: Int, columns: [String: Int] = [:], sheet: String? = nil) {
        self.file = file; self.line = line; self.columns = columns; self.sheet = sheet
    }
}

/// A deployment wave (scenario.yaml `waves`), in date order.
public struct Wave: Sendable, Hashable {
    /// Identifier (e.g. `w1`).
    public var id: String
    /// Date, ISO `YYYY-MM-DD`.
    public var date: String
    /// Most cadres of each level dispatched in this wave; a missing level is unlimited.
    public var quotas: [Level: Int]
    /// Most cadres dispatched in this wave per home region id (optional).
    public var regionQuotas: [String: Int]
    /// Most cadres dispatched in this wave per service group id (optional).
    public var groupQuotas: [String: Int]
    /// Creates a wave.
    public init(id: String, date: String, quotas: [Level: Int] = [:], regionQuotas: [String: Int] = [:], groupQuotas: [String: Int] = [:]) {
        self.id = id; self.date = date; self.quotas = quotas
        self.regionQuotas = regionQuotas; self.groupQuotas = groupQuotas
    }
}

/// A service group (scenario.yaml `groups`).
public struct ServiceGroup: Sendable, Hashable {
    /// Identifier used in cadres.csv.
    public var id: String
    /// Display name (e.g. 工信和建筑业组).
    public var name: String
    /// Target categories the group serves.
    public var categories: [String]
    /// Creates a group.
    public init(id: String, name: String, categories: [String]) {
        self.id = id; self.name = name; self.categories = categories
    }
}

/// How many targets one cadre may serve, and whether the campaign's "one-to-one in principle" holds.
///
/// The mode sets the default most targets per cadre (M) and the default order of the tiers
/// (docs/DATA.md); `max_targets` in scenario.yaml may set M per service group and per region.
public enum AssignmentMode: Sendable, Hashable, CustomStringConvertible {
    /// Each dispatched cadre serves exactly one target (严格一对一).
    case oneToOne
    /// Each dispatched cadre serves between 1 and `maxTargets` targets; extra targets cost only
    /// in the quality tier, below timeliness.
    case oneToMany(maxTargets: Int)
    /// One-to-one in principle, one-to-many where needed (原则上一对一，也可一对多): up to
    /// `maxTargets` targets per cadre, and right after coverage a tier minimises the targets
    /// served beyond each cadre's first.
    case oneToOneFirst(maxTargets: Int)
    /// The most targets one cadre may serve (before any per-group or per-region setting).
    public var maxTargets: Int {
        switch self { case .oneToOne: 1; case .oneToMany(let m), .oneToOneFirst(let m): m }
    }
    /// Whether the one-to-one principle is a tier of its own, right after coverage, by default.
    public var principleFirst: Bool {
        if case .oneToOneFirst = self { return true }
        return false
    }
    /// `one-to-one`, `one-to-many:M` or `one-to-one-first:M`.
    public var description: String {
        switch self {
        case .oneToOne: "one-to-one"
        case .oneToMany(let m): "one-to-many:\(m)"
        case .oneToOneFirst(let m): "one-to-one-first:\(m)"
        }
    }
    /// Parses `one-to-one`, `one-to-many:M` or `one-to-one-first:M` (1 ≤ M ≤ 1000); `one-to-many:1` is `one-to-one`.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t == "one-to-one" { self = .oneToOne; return }
        for (prefix, make) in [("one-to-many:", { (m: Int) in AssignmentMode.oneToMany(maxTargets: m) }),
                               ("one-to-one-first:", { (m: Int) in AssignmentMode.oneToOneFirst(maxTargets: m) })] {
            guard t.hasPrefix(prefix) else { continue }
            guard let m = Int(t.dropFirst(prefix.count)), m >= 1, m <= 1000 else { return nil }
            self = m == 1 ? .oneToOne : make(m)
            return
        }
        return nil
    }
}

/// The most targets per cadre set per service group and per home region (scenario.yaml
/// `max_targets`), overriding the mode's M: 具体由各服务组根据情况选派.
public struct TargetLimits: Sendable, Hashable {
    /// M for the cadres of a service group, by group id.
    public var groups: [String: Int]
    /// M for the cadres of a home region, by region id.
    public var regions: [String: Int]
    /// Creates limits; empty dictionaries leave the mode's M everywhere.
    public init(groups: [String: Int] = [:], regions: [String: Int] = [:]) {
        self.groups = groups; self.regions = regions
    }
    /// True when no group or region sets its own M.
    public var isEmpty: Bool { groups.isEmpty && regions.isEmpty }
}

/// Integer weights of the three objective tiers (scenario.yaml `weights`).
///
/// All weights are integers so that every tier's optimum is an exact integer.
public struct Weights: Sendable, Hashable {
    /// Coverage weight per unit of shortfall for priorities 1…5.
    public var priority: [Int]
    /// Added to the coverage weight of a halted target (far above the rest).
    public var halted: Int
    /// Quality cost per kilometre between cadre's and target's regions (α).
    public var distancePerKm: Int
    /// Quality cost per rank step above the target's minimum rank (β).
    public var rankGap: Int
    /// Quality cost when the category is not among the cadre's skills (γ).
    public var skillMismatch: Int
    /// Quality cost of each target beyond the first of one cadre (λ).
    public var extraTarget: Int
    /// Cost of moving an existing assignment when re-planning.
    public var move: Int
    /// The defaults: priorities 1…5 weigh 1…5, halted adds 1000, α=1, β=20, γ=50, λ=30, move 1.
    public static let standard = Weights(priority: [1, 2, 3, 4, 5], halted: 1000, distancePerKm: 1, rankGap: 20, skillMismatch: 50, extraTarget: 30, move: 1)
    /// Creates weights.
    public init(priority: [Int], halted: Int, distancePerKm: Int, rankGap: Int, skillMismatch: Int, extraTarget: Int, move: Int) {
        self.priority = priority; self.halted = halted; self.distancePerKm = distancePerKm
        self.rankGap = rankGap; self.skillMismatch = skillMismatch; self.extraTarget = extraTarget; self.move = move
    }
    /// The coverage weight of one unit of shortfall at `target`.
    public func coverageWeight(of target: Target) -> Int {
        priority[min(max(target.priority, 1), 5) - 1] + (target.halted ? halted : 0)
    }
}

/// Assignment rules beyond the model's own (scenario.yaml `rules`).
public struct Rules: Sendable, Hashable {
    /// Forbid a cadre from serving a target whose `supervisor` equals the cadre's unit (回避).
    public var forbidOwnSupervisor: Bool
    /// Minimum rank per target kind, applied on top of each target's own `min_rank` (e.g. parks need 处).
    public var minRankByKind: [TargetKind: Rank]
    /// Allow only the pairs listed in pairs.csv (sparse instances such as OR-Library's assignp).
    public var onlyListedPairs: Bool
    /// 属地为主: a city/county cadre may also serve county targets of another region whose seat
    /// lies within this many kilometres of its own (rounded great-circle distance); 0 keeps
    /// every city/county cadre in its own region.
    public var countyReachKm: Int
    /// Creates rules.
    public init(forbidOwnSupervisor: Bool = true, minRankByKind: [TargetKind: Rank] = [:], onlyListedPairs: Bool = false,
                countyReachKm: Int = 0) {
        self.forbidOwnSupervisor = forbidOwnSupervisor; self.minRankByKind = minRankByKind
        self.onlyListedPairs = onlyListedPairs; self.countyReachKm = countyReachKm
    }
}

/// A campaign indicator: the share of a set of targets that is fully served (scenario.yaml `indicators`).
public struct Indicator: Sendable, Hashable {
    /// Identifier.
    public var id: String
    /// Display name (e.g. 四上企业服务覆盖率).
    public var name: String
    /// Categories counted; empty means all categories.
    public var categories: [String]
    /// Count only halted targets (the help rate).
    public var haltedOnly: Bool
    /// Target level counted; `nil` means both.
    public var level: Level?
    /// Creates an indicator.
    public init(id: String, name: String, categories: [String] = [], haltedOnly: Bool = false, level: Level? = nil) {
        self.id = id; self.name = name; self.categories = categories; self.haltedOnly = haltedOnly; self.level = level
    }
    /// Whether `target` counts toward this indicator.
    public func counts(_ target: Target) -> Bool {
        (categories.isEmpty || categories.contains(target.category))
            && (!haltedOnly || target.halted) && (level == nil || level == target.level)
    }
}

/// A whole scenario folder, loaded and cross-checked.
public struct Scenario: Sendable {
    /// Scenario name.
    public var name: String
    /// Waves in date order.
    public var waves: [Wave]
    /// Service groups.
    public var groups: [ServiceGroup]
    /// One-to-one, one-to-many or one-to-one first.
    public var mode: AssignmentMode
    /// Most targets per cadre per service group and home region, overriding the mode's M.
    public var targetLimits: TargetLimits
    /// The order of the objective tiers; `nil` takes the mode's default (docs/DATA.md).
    public var tierOrder: [Tier]?
    /// Objective weights.
    public var weights: Weights
    /// Extra rules.
    public var rules: Rules
    /// Indicators to report.
    public var indicators: [Indicator]
    /// Regions (regions.csv).
    public var regions: [Region]
    /// Cadres (cadres.csv).
    public var cadres: [Cadre]
    /// Targets (targets.csv).
    public var targets: [Target]
    /// Pair rules (pairs.csv; empty if absent).
    public var pairs: [PairRule]
    /// Pins (pins.csv; empty if absent).
    public var pins: [Pin]
    /// Creates a scenario.
    public init(
        name: String, waves: [Wave], groups: [ServiceGroup], mode: AssignmentMode = .oneToOne,
        targetLimits: TargetLimits = TargetLimits(), tierOrder: [Tier]? = nil,
        weights: Weights = .standard, rules: Rules = Rules(), indicators: [Indicator] = [],
        regions: [Region], cadres: [Cadre], targets: [Target], pairs: [PairRule] = [], pins: [Pin] = []
    ) {
        self.name = name; self.waves = waves; self.groups = groups; self.mode = mode
        self.targetLimits = targetLimits; self.tierOrder = tierOrder
        self.weights = weights; self.rules = rules; self.indicators = indicators
        self.regions = regions; self.cadres = cadres; self.targets = targets
        self.pairs = pairs; self.pins = pins
    }
}
