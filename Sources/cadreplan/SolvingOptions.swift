import ArgumentParser
import CadrePlan
import GLPKSolver
import Scenario

/// Options shared by every command that solves: mode, time limit, threads.
struct SolvingOptions: ParsableArguments {
    @Option(help: "one-to-one, or one-to-many:M (each cadre serves 1 to M targets). Default: the scenario's.")
    var mode: String?

    @Option(name: .customLong("time-limit"), help: "Seconds for all solves together; the best plan found is kept and its gap reported.")
    var timeLimit: Double?

    @Flag(name: .customLong("single-thread"), help: "Solve independent blocks one after another.")
    var singleThread = false

    func validate() throws {
        if let mode, AssignmentMode(text: mode) == nil {
            throw ValidationError("--mode must be one-to-one or one-to-many:M with 1 ≤ M ≤ 1000, got '\(mode)'")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0 && timeLimit <= 1e6) {
            throw ValidationError("--time-limit must be a number of seconds in (0, 1000000], got \(timeLimit)")
        }
    }

    /// The mode override, if any (validated).
    var assignmentMode: AssignmentMode? { mode.flatMap(AssignmentMode.init(text:)) }

    /// Planner options with the GLPK matching routine for pure assignment blocks.
    func plannerOptions(aggregate: Bool = true) -> PlannerOptions {
        var options = PlannerOptions(mode: assignmentMode, aggregate: aggregate, timeLimit: timeLimit, parallel: !singleThread)
        options.matchingSolver = MatchingRoutine { try AssignmentSolver.maximumWeightMatching(left: $0, right: $1, edges: $2) }
        return options
    }
}
