import Scenario

/// The language of table headers and reports.
public enum Language: String, Sendable, CaseIterable {
    /// Chinese headers (the default: the campaign's planners read Chinese).
    case zh
    /// English headers.
    case en
}

/// Column keys of the assignment tables with their Chinese headers (docs/DATA.md).
enum AssignmentColumn: String, CaseIterable {
    case wave, date, group, cadre_id, cadre_name, rank, unit, target_id, target_name, category, region, distance_km

    func header(_ lang: Language) -> String {
        guard lang == .zh else { return rawValue }
        switch self {
        case .wave: return "批次"
        case .date: return "日期"
        case .group: return "服务组"
        case .cadre_id: return "干部编号"
        case .cadre_name: return "干部姓名"
        case .rank: return "职级"
        case .unit: return "单位"
        case .target_id: return "服务对象编号"
        case .target_name: return "服务对象名称"
        case .category: return "类别"
        case .region: return "地区"
        case .distance_km: return "距离公里"
        }
    }
}

/// Table formats `solve` can write.
public enum TableFormat: String, Sendable, CaseIterable {
    /// CSV, UTF-8 with a byte-order mark so Excel and WPS read Chinese correctly.
    case csv
    /// Markdown tables.
    case md
    /// JSON arrays of objects with English keys.
    case json
}

extension Tier {
    /// The tier's name for people (report, compare, explain), one table per language.
    public func label(_ language: Language) -> String {
        switch language {
        case .zh: Self.chineseLabels[self]!
        case .en: Self.englishLabels[self]!
        }
    }

    private static let chineseLabels: [Tier: String] = [
        .coverage: "覆盖（加权缺口）", .principle: "一对一原则（一人多对象的额外对象数）", .timeliness: "时效（加权延后）",
        .stability: "稳定（变动）", .quality: "质量（成本）",
    ]
    private static let englishLabels: [Tier: String] = [
        .coverage: "coverage (weighted shortfall)", .principle: "one-to-one principle (extra targets)",
        .timeliness: "timeliness (weighted lateness)", .stability: "stability (changes)", .quality: "quality (cost)",
    ]
}
