import ArgumentParser
import CadrePlan
import GLPKSolver
import Scenario

/// Options shared by every command that solves: the model options, time limit, threads.
struct SolvingOptions: ParsableArguments {
    @OptionGroup var model: ModelOptions

    @Option(name: .customLong("time-limit"), help: "Seconds for all solves together; the best plan found is kept and its gap reported.")
    var timeLimit: Double?

    @Flag(name: .customLong("single-thread"), help: "Solve independent blocks one after another.")
    var singleThread = false

    func validate() throws {
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0 && timeLimit <= 1e6) {
            throw ValidationError("--time-limit must be a number of seconds in (0, 1000000], got \(timeLimit)")
        }
    }

    /// The mode override, if any.
    var assignmentMode: AssignmentMode? { model.mode }

    /// Planner options with the GLPK matching routine for pure assignment blocks.
    func plannerOptions(aggregate: Bool = true) -> PlannerOptions {
        var options = PlannerOptions(mode: assignmentMode, aggregate: aggregate, timeLimit: timeLimit, parallel: !singleThread)
        options.tierOrder = model.tiers?.tiers
        options.matchingSolver = MatchingRoutine { try AssignmentSolver.maximumWeightMatching(left: $0, right: $1, edges: $2) }
        return options
    }
}
