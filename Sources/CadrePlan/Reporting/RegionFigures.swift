/// One region's figures from a plan's summary: coverage and shortages of its targets, and the
/// cadres it left at home by reason. The overview sheet of plan.xlsx and report.html both show
/// these rows, so they are joined here once.
struct RegionFigures: Sendable, Equatable {
    var id: String
    var name: String
    /// Targets of the region, those that declined and those that accept service.
    var targets: Int
    var declined: Int
    var accepting: Int
    /// Accepting targets fully served, and those left short.
    var covered: Int
    var short: Int
    /// Cadres missing at the short targets (Σ demand − served).
    var cadresShort: Int
    /// covered / accepting.
    var rate: Double
    /// Cadres whose home is the region, and those left at home by reason (all 0 for an older plan).
    var cadres: Int
    var idle: Int
    var noTarget: Int
    var quotaFull: Int
    var other: Int

    /// The regions of `summary`, in the scenario's order.
    static func rows(_ summary: PlanSummary) -> [RegionFigures] {
        let idle = Dictionary(summary.indicators.idle.byRegion.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return summary.indicators.byRegion.map { r in
            let i = idle[r.id]
            return RegionFigures(id: r.id, name: r.name, targets: r.targets, declined: r.declined, accepting: r.accepting,
                                 covered: r.covered, short: r.accepting - r.covered, cadresShort: max(0, r.demand - r.served),
                                 rate: r.rate, cadres: i?.cadres ?? 0, idle: i?.idle ?? 0, noTarget: i?.noTarget ?? 0,
                                 quotaFull: i?.quotaFull ?? 0, other: i?.other ?? 0)
        }
    }
}
