/// The rule that keeps a cadre from a target, in the order the rule book checks them
/// (docs/DATA.md, "What the model reads"). The model, the pin check and the explainer's
/// tallies all use this one type.
public enum Exclusion: String, Sendable, Codable, CaseIterable {
    /// Different levels (provincial vs city/county).
    case level
    /// The cadre's group does not serve the target's category.
    case group
    /// A city/county cadre and a county target of another region beyond the reach (属地为主).
    case region
    /// The cadre's rank is below the target's minimum.
    case rank
    /// The target declined service.
    case consent
    /// pairs.csv forbids the pair.
    case forbidden
    /// The scenario allows listed pairs only and this one is not listed.
    case notListed
    /// The target is supervised by the cadre's own unit (回避).
    case conflict
    /// The pair's workload exceeds the cadre's capacity.
    case workload
    /// Every rule holds but no wave is allowed: the target is urgent and the cadre is available only later.
    case wave

    /// A sentence a planner can act on.
    public var explanation: String {
        switch self {
        case .level: "cadre and target are of different levels"
        case .group: "the cadre's service group does not serve the target's category"
        case .region: "city/county cadres serve their own region (and regions within rules.county_reach_km) only"
        case .rank: "the cadre's rank is below the target's minimum rank"
        case .consent: "the target declined service"
        case .forbidden: "pairs.csv forbids this pair"
        case .notListed: "only pairs listed in pairs.csv are allowed"
        case .conflict: "the target is supervised by the cadre's own unit (回避)"
        case .workload: "the workload exceeds the cadre's capacity"
        case .wave: "no wave is allowed (an urgent target is served in the first wave, and the cadre is available only later)"
        }
    }
}
