/// The columns of a plan's assignments.csv (docs/DATA.md, "Plan folders"), under both of the
/// names a reader accepts: the English key and the Chinese header.
///
/// The verifier's own list, written from the data contract rather than taken from the writer,
/// so that a column the writer fills wrongly is caught instead of being read back the same way.
public enum PlanColumn: String, Sendable, Hashable, CaseIterable, Comparable {
    case wave
    case date
    case groupID = "group_id"
    case groupName = "group_name"
    case cadreID = "cadre_id"
    case cadreName = "cadre_name"
    case rank
    case unit
    case targetID = "target_id"
    case targetName = "target_name"
    case category
    case level
    case regionID = "region_id"
    case regionName = "region_name"
    case distanceKm = "distance_km"

    /// The English header key (also the column's code in reports).
    public var english: String { rawValue }

    /// The Chinese header.
    public var chinese: String {
        switch self {
        case .wave: "批次"
        case .date: "日期"
        case .groupID: "服务组编号"
        case .groupName: "服务组"
        case .cadreID: "干部编号"
        case .cadreName: "干部姓名"
        case .rank: "职级"
        case .unit: "单位"
        case .targetID: "服务对象编号"
        case .targetName: "服务对象名称"
        case .category: "类别"
        case .level: "层级"
        case .regionID: "地区编号"
        case .regionName: "地区"
        case .distanceKm: "距离公里"
        }
    }

    /// The three columns that say what the plan is; the others describe it for people and are
    /// checked against the scenario.
    public static let keys: [PlanColumn] = [.wave, .cadreID, .targetID]

    /// `wave (批次)`, for messages.
    var label: String { "\(english) (\(chinese))" }

    /// Whether `header` names this column (case-insensitive, surrounding spaces ignored).
    func matches(_ header: String) -> Bool {
        let name = header.trimmingCharacters(in: .whitespaces).lowercased()
        return name == english || name == chinese
    }

    /// Orders columns as in the file the writer produces.
    public static func < (a: PlanColumn, b: PlanColumn) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
