/// One row of a plan: a cadre serving a target in a wave, by ids.
///
/// The ids are kept as text exactly as the plan gives them, so that ids the scenario does not
/// know can be reported as violations instead of being lost while reading.
public struct PlannedAssignment: Hashable, Sendable {
    /// Cadre id (cadres.csv `id`).
    public var cadre: String
    /// Target id (targets.csv `id`).
    public var target: String
    /// Wave id (scenario.yaml `waves[].id`).
    public var wave: String

    /// Creates an assignment of `cadre` to `target` in `wave`.
    public init(cadre: String, target: String, wave: String) {
        self.cadre = cadre; self.target = target; self.wave = wave
    }
}
