import Scenario

/// The planner's phases before solving, exposed for benchmarks and model-size reports.
public enum PlannerPhases {
    /// Partitions `scenario` into classes and returns their counts and the number of class arcs.
    public static func aggregate(_ scenario: Scenario, options: PlannerOptions = PlannerOptions()) -> (cadreClasses: Int, targetClasses: Int, arcs: Int) {
        let p = PreparedScenario(scenario, mode: options.mode, tierOrder: options.tierOrder, previous: options.previous)
        let q = ClassPartition(p, aggregate: options.aggregate)
        return (q.cadreClasses.count, q.targetClasses.count, q.arcs.count)
    }

    /// Builds every block's integer program (without solving) and returns the sizes:
    /// the individual model's and the one that would be solved.
    public static func build(_ scenario: Scenario, options: PlannerOptions = PlannerOptions()) -> (individual: ModelSize, solved: ModelSize, blocks: Int) {
        let p = PreparedScenario(scenario, mode: options.mode, tierOrder: options.tierOrder, previous: options.previous)
        let q = ClassPartition(p, aggregate: options.aggregate)
        let blocks = q.blocks(p)
        var solved = ModelSize()
        for (i, b) in blocks.enumerated() {
            let m = BlockModel(block: b, partition: q, prepared: p, name: "block\(i + 1)").size
            solved.variables += m.variables
            solved.rows += m.rows
            solved.nonzeros += m.nonzeros
        }
        return (q.individualSize(p), solved, blocks.count)
    }
}
