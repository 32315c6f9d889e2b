import Scenario

/// The order in which the objective tiers are minimised.
///
/// scenario.yaml's `tiers` when given, else the mode's default:
/// - `one-to-one`: coverage, timeliness, quality (the principle holds by construction);
/// - `one-to-many:M`: coverage, timeliness, quality (extra targets cost only in quality);
/// - `one-to-one-first:M`: coverage, principle, timeliness, quality.
///
/// When re-planning, stability is placed where `tiers` lists it, or just before quality; when
/// not re-planning it is left out even if listed (there is nothing to keep).
enum TierOrder {
    /// The tiers of `scenario` (mode and any `tiers` already applied), with or without stability.
    static func resolve(_ scenario: Scenario, replanning: Bool) -> [Tier] {
        var order = scenario.tierOrder ?? defaultOrder(scenario.mode)
        if !replanning {
            order.removeAll { $0 == .stability }
        } else if !order.contains(.stability) {
            order.insert(.stability, at: order.firstIndex(of: .quality) ?? order.count)
        }
        return order
    }

    /// The mode's own order, without stability.
    static func defaultOrder(_ mode: AssignmentMode) -> [Tier] {
        mode.principleFirst ? [.coverage, .principle, .timeliness, .quality] : [.coverage, .timeliness, .quality]
    }
}
