import CadrePlan
import Foundation

/// Where a desk solve stands, kept as figures so that each page says it in its own language
/// (``DeskPhrase/progress(_:)``).
enum DeskProgress: Sendable, Hashable {
    /// Registered, not yet planning.
    case starting
    /// The planner's latest report: phase, block, tier and the solver's figures.
    case solving(phase: String, block: Int, blocks: Int, tier: String?, incumbent: Double?, bound: Double?, gap: Double?)
    /// A cancel was asked for; the solver stops at its next check.
    case cancelling
    /// Past cancelling: the plan is verified and written.
    case writing

    /// The planner's report as progress.
    init(_ p: PlanProgress) {
        self = .solving(phase: p.phase, block: p.block, blocks: p.blocks, tier: p.tier, incumbent: p.incumbent, bound: p.bound, gap: p.gap)
    }

    /// An objective value or bound as a whole number, `-` when unknown.
    static func figure(_ x: Double?) -> String { x.map { String(format: "%.0f", $0) } ?? "-" }

    /// A relative gap in percent with two decimals, `-` when unknown.
    static func percent(_ x: Double?) -> String { x.map { String(format: "%.2f%%", $0 * 100) } ?? "-" }
}
