import Scenario

/// The tiers a plan's summary.json must claim, in order: the one place that says which tiers
/// a plan has (docs/DATA.md, "Tiers").
///
/// Every plan claims coverage, timeliness and quality; a re-plan (its folder holds changes.csv)
/// also claims stability, between timeliness and quality. A tier added to the model is added
/// here, with its recomputation; summary.json tiers not listed are refused as unknown, so a
/// renamed tier cannot slip through unchecked.
enum ExpectedTiers {
    /// The names of the tiers a plan for `scenario` must claim.
    ///
    /// - Parameter replanning: whether the plan is a re-plan (its folder holds changes.csv).
    static func names(for scenario: Scenario, replanning: Bool) -> [String] {
        replanning ? ["coverage", "timeliness", "stability", "quality"] : ["coverage", "timeliness", "quality"]
    }
}
