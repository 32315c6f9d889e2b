/// The three objective tiers of docs/DATA.md, as exact integers.
public struct TierValues: Sendable, Equatable {
    /// Tier 1: Σ_t weight(t)·(demand(t) − served(t)).
    public var coverage: Int
    /// Tier 2: Σ over assignments of weight(t)·(0-based wave index).
    public var timeliness: Int
    /// Tier 3: Σ over assignments of cost(c,t) + λ·Σ over dispatched cadres of (targets − 1).
    public var quality: Int

    /// Creates tier values.
    public init(coverage: Int, timeliness: Int, quality: Int) {
        self.coverage = coverage; self.timeliness = timeliness; self.quality = quality
    }

    /// The tier names used in summary.json, in tier order.
    public static let names = ["coverage", "timeliness", "quality"]

    /// The value of the tier called `name` (`coverage`, `timeliness`, `quality`), or `nil` for any other name.
    public func value(named name: String) -> Int? {
        switch name {
        case "coverage": coverage
        case "timeliness": timeliness
        case "quality": quality
        default: nil
        }
    }
}
