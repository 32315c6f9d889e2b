/// The spellings that scenario files accept for levels, kinds, booleans and dates (docs/DATA.md).
///
/// Files are typed by people in Excel or WPS, in English or Chinese, so every parser
/// here ignores surrounding spaces (including the full-width space U+3000) and case.

extension Level {
    /// Parses `province`/`county` or the Chinese 省/省级 and 市县/市县级, ignoring case and surrounding spaces.
    public init?(scenarioText text: String) {
        switch text.scenarioTrimmed.lowercased() {
        case "province", "省", "省级": self = .province
        case "county", "市县", "市县级": self = .county
        default: return nil
        }
    }
}

extension TargetKind {
    /// Parses `enterprise`/`project`/`park` or 企业/项目/园区, ignoring case and surrounding spaces.
    public init?(scenarioText text: String) {
        switch text.scenarioTrimmed.lowercased() {
        case "enterprise", "企业": self = .enterprise
        case "project", "项目": self = .project
        case "park", "园区": self = .park
        default: return nil
        }
    }
}

extension Bool {
    /// Parses `true/false`, `yes/no`, `y/n`, `1/0` or `是/否`, ignoring case and surrounding spaces.
    public init?(scenarioText text: String) {
        switch text.scenarioTrimmed.lowercased() {
        case "true", "yes", "y", "1", "是": self = true
        case "false", "no", "n", "0", "否": self = false
        default: return nil
        }
    }
}

/// Words used in "expected …" messages, kept in one place so CSV and YAML errors read alike.
enum ScenarioExpect {
    static let level = "province or county (省级/市县)"
    static let rank = "bureau, division or section (厅/处/科)"
    static let kind = "enterprise, project or park (企业/项目/园区)"
    static let boolean = "true or false (yes/no, 1/0, 是/否)"
    static let date = "a date YYYY-MM-DD"
    static let mode = "one-to-one, one-to-many:M or one-to-one-first:M with M from 1 to 1000"
    static let tier = "a tier: coverage, principle, timeliness, stability or quality (覆盖/一对一原则/时效/稳定/质量)"
    /// `an integer from 1 to 5`.
    static func integer(_ range: ClosedRange<Int>) -> String {
        "an integer from \(range.lowerBound) to \(range.upperBound)"
    }
}

/// Upper limits on numbers, so that every objective tier stays an exact integer well below 2^53
/// (GLPK computes in doubles) even with 10,000 targets: absurd values are refused, not silently clipped.
///
/// Public so that writers of scenarios (the OR-Library import) refuse what `check` would refuse.
public enum ScenarioLimits {
    /// Largest demand, workload or capacity of one target or cadre.
    public static let amount = 10_000
    /// Largest objective weight.
    public static let weight = 1_000_000
    /// Largest pair cost in pairs.csv.
    public static let pairCost = 1_000_000_000
    /// Largest quota.
    public static let quota = 1_000_000_000
    /// Largest per-group or per-region targets per cadre (the mode's own M has the same limit).
    static let targetsPerCadre = 1_000
    /// Largest county reach: beyond the antipodes every seat is in reach anyway.
    static let reachKm = 20_038
}

extension String {
    /// The text without surrounding spaces, tabs, line ends, no-break spaces, full-width spaces or stray BOMs.
    ///
    /// Hand-rolled rather than Foundation's `trimmingCharacters(in:)` because it runs for
    /// every cell of every file, and almost always has nothing to trim.
    var scenarioTrimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isScenarioSpace && !last.isScenarioSpace { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isScenarioSpace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isScenarioSpace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// Whether this is a real calendar date written `YYYY-MM-DD` (leap years included).
    var isISODate: Bool {
        let u = Array(utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
                value = value * 10 + Int(u[i] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

extension Unicode.Scalar {
    /// Space, tab, CR, LF, no-break space, full-width (ideographic) space, or a stray BOM.
    var isScenarioSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}
