import Foundation
import Scenario

/// The deterministic content of summary.json (timings live in timings.json, so that the
/// same input and options give byte-identical plan folders).
public struct PlanSummary: Sendable, Equatable, Codable {
    /// Scenario name and mode planned.
    public var scenario: String
    public var mode: String
    /// `optimal` when every tier is proven optimal, else the first tier's non-optimal status.
    public var status: String
    /// Tier outcomes, in order.
    public var tiers: [TierOutcome]
    /// Campaign indicators.
    public var indicators: CampaignIndicators
    /// Model sizes and effort.
    public var model: ModelFacts
    /// Violations the independent verifier found (always 0 in a written plan).
    public var violations: Int
    /// The seats of the scenario's regions that have coordinates, for the maps of report.html
    /// and `compare --format html` (absent in plans written before there were maps).
    public var seats: [Seat]?

    /// A region's seat.
    public struct Seat: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var latitude: Double
        public var longitude: Double
    }

    /// Sizes before and after aggregation, and deterministic effort counters.
    public struct ModelFacts: Sendable, Equatable, Codable {
        public var individual: ModelSize
        public var solved: ModelSize
        public var cadreClasses: Int
        public var targetClasses: Int
        public var blocks: Int
        /// Blocks solved as one assignment problem by the network fast path (absent in older plans).
        public var networkBlocks: Int?
        public var simplexIterations: Int
        public var nodes: Int
        public var solver: String
        /// Re-planning only: how earlier pairs were counted (``PlanStatistics/replanClasses``); absent otherwise.
        public var replanClasses: String? = nil
    }

    /// Builds the summary of `plan`.
    public init(plan: Plan, solverName: String, violations: Int) {
        scenario = plan.scenario.name
        mode = plan.scenario.mode.description
        status = plan.tiers.first { !$0.isOptimal }?.status ?? "optimal"
        tiers = plan.tiers
        indicators = CampaignIndicators(plan: plan)
        let st = plan.statistics
        model = ModelFacts(individual: st.individualModel, solved: st.solvedModel, cadreClasses: st.cadreClasses,
                           targetClasses: st.targetClasses, blocks: st.blocks, networkBlocks: st.networkBlocks, simplexIterations: st.simplexIterations,
                           nodes: st.nodes, solver: solverName, replanClasses: st.replanClasses)
        self.violations = violations
        seats = plan.scenario.regions.compactMap { r in
            guard let lat = r.latitude, let lon = r.longitude else { return nil }
            return Seat(id: r.id, name: r.name, latitude: lat, longitude: lon)
        }
    }

    /// Pretty JSON with sorted keys.
    public func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try e.encode(self), as: UTF8.self) + "\n"
    }
}
