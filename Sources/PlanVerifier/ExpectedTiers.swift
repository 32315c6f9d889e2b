import Scenario

/// The tiers a plan's summary.json must claim, in order: the verifier's own statement of which
/// tiers a plan has (docs/DATA.md, "Tiers"), kept apart from the planner's on purpose.
///
/// scenario.yaml's `tiers:` when given, else by mode: coverage, timeliness and quality, with
/// the one-to-one principle after coverage in `one-to-one-first` mode. A re-plan (its folder
/// holds changes.csv) also claims stability, where `tiers:` lists it or just before quality;
/// any other plan claims no stability. summary.json tiers not listed are refused as unknown,
/// so a renamed tier cannot slip through unchecked. A tier added to the model is added here,
/// with its recomputation.
enum ExpectedTiers {
    /// The names of the tiers a plan for `scenario` must claim.
    ///
    /// - Parameter replanning: whether the plan is a re-plan (its folder holds changes.csv).
    static func names(for scenario: Scenario, replanning: Bool) -> [String] {
        var names: [String]
        if let order = scenario.tierOrder {
            names = order.map(\.rawValue)
        } else if case .oneToOneFirst = scenario.mode {
            names = ["coverage", "principle", "timeliness", "quality"]
        } else {
            names = ["coverage", "timeliness", "quality"]
        }
        if !replanning {
            names.removeAll { $0 == "stability" }
        } else if !names.contains("stability") {
            names.insert("stability", at: names.firstIndex(of: "quality") ?? names.count)
        }
        return names
    }
}
