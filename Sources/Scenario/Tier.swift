/// One objective tier of the lexicographic plan. Tiers are minimised one after another,
/// each keeping the earlier ones at their optimum (docs/DATA.md, "Tiers").
///
/// This type names the tiers and their order; what each tier counts is defined once in the
/// planner (CadrePlan) and once, deliberately apart, in the verifier.
public enum Tier: String, Sendable, Hashable, CaseIterable, Codable {
    /// Weighted unmet demand of the targets that accept service (覆盖).
    case coverage
    /// The one-to-one principle: targets served beyond each dispatched cadre's first (一对一原则).
    case principle
    /// Weighted lateness: pairs served in later waves (时效).
    case timeliness
    /// Re-planning only: earlier assignments not kept (稳定).
    case stability
    /// Cost: distance, rank above the minimum, skill mismatch, extra targets (质量).
    case quality

    /// Parses the English key or its Chinese name, ignoring case and surrounding spaces.
    public init?(scenarioText text: String) {
        let t = text.scenarioTrimmed.lowercased()
        if let tier = Tier(rawValue: t) { self = tier; return }
        switch t {
        case "覆盖", "覆盖率": self = .coverage
        case "一对一", "一对一原则": self = .principle
        case "时效", "及时": self = .timeliness
        case "稳定", "稳定性": self = .stability
        case "质量": self = .quality
        default: return nil
        }
    }
}

extension Tier {
    /// Why `order` is not a usable tier order, or `nil` when it is: every tier at most once, and
    /// coverage, timeliness and quality present (principle and stability are optional).
    public static func problem(inOrder order: [Tier]) -> String? {
        var seen = Set<Tier>()
        for tier in order where !seen.insert(tier).inserted { return "tier \(tier.rawValue) is listed twice" }
        for required in [Tier.coverage, .timeliness, .quality] where !seen.contains(required) {
            return "tier \(required.rawValue) is missing: the order must hold coverage, timeliness and quality (principle and stability are optional)"
        }
        return nil
    }
}
