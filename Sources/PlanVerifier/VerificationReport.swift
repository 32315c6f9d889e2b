/// What the verifier found in a plan: every broken rule and the recomputed tier values.
public struct VerificationReport: Sendable {
    /// Every violation, sorted by rule (in `Rule` order) then by message; empty for a valid plan.
    public var violations: [Violation]
    /// The tier values recomputed from the scenario and the plan.
    public var tiers: TierValues
    /// The campaign indicators recounted from the scenario and the plan.
    public var indicators: [IndicatorCount]
    /// The stability tier recounted from a re-plan's changes.csv; `nil` for other plans.
    public var stability: Int?

    /// Creates a report.
    public init(violations: [Violation], tiers: TierValues, indicators: [IndicatorCount] = []) {
        self.violations = violations; self.tiers = tiers; self.indicators = indicators; self.stability = nil
    }

    /// Whether the plan breaks no rule and every claimed tier value is right.
    public var isValid: Bool { violations.isEmpty }
}
