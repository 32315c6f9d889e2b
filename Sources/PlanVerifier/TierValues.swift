import Scenario

/// The objective tiers of docs/DATA.md that the verifier recomputes, as exact integers.
///
/// Stability (re-planning) is not recomputed: it needs the earlier plan, which a plan folder
/// does not hold; `solve` recounts it from the two plans instead (changes.csv).
public struct TierValues: Sendable, Equatable {
    /// Σ over targets that accept service of weight(t)·(demand(t) − served(t)).
    public var coverage: Int
    /// Σ over dispatched cadres of (targets served − 1): the one-to-one principle.
    public var principle: Int
    /// Σ over assignments of weight(t)·(0-based wave index).
    public var timeliness: Int
    /// Σ over assignments of cost(c,t) + λ·Σ over dispatched cadres of (targets − 1).
    public var quality: Int

    /// Creates tier values.
    public init(coverage: Int, principle: Int = 0, timeliness: Int, quality: Int) {
        self.coverage = coverage; self.principle = principle; self.timeliness = timeliness; self.quality = quality
    }

    /// The tier names the verifier recomputes.
    public static let names = ["coverage", "principle", "timeliness", "quality"]

    /// The value of the tier called `name`, or `nil` for a tier the verifier does not recompute.
    public func value(named name: String) -> Int? {
        switch name {
        case "coverage": coverage
        case "principle": principle
        case "timeliness": timeliness
        case "quality": quality
        default: nil
        }
    }
}
