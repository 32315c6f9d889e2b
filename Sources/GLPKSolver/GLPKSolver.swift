import CGLPK
import MIP

/// Solves ``MIP/Model``s with GLPK (the GNU Linear Programming Kit).
///
/// A solve validates the model with ``MIP/ModelValidator`` (GLPK aborts the process
/// on invalid input), loads it into a fresh GLPK problem object, solves the LP
/// relaxation with the primal simplex method and, if there are integer variables,
/// runs GLPK's branch-and-bound from that relaxation. The problem object is freed
/// before `solve` returns, and GLPK never writes to stdout: its log goes to
/// ``MIP/SolveOptions/log`` or nowhere.
///
/// Threads: GLPK keeps its environment (memory pools, terminal hook, the problem
/// objects themselves) per thread when it is built with thread-local storage, so
/// independent solves may then run on different threads at once
/// (``supportsConcurrentSolves``). Each such thread should call
/// ``releaseThreadEnvironment()`` when it has finished solving.
public struct GLPKSolver: MIPSolver {
    /// Cuts, presolve, branching, heuristics and relaxation start; `nil` fields are chosen
    /// per solve from the model's shape (see `SearchSettings`).
    public var strategy: SearchStrategy

    /// Creates a solver with `strategy` (by default every choice automatic). It holds no
    /// other state; all state lives in each `solve` call.
    public init(strategy: SearchStrategy = .automatic) { self.strategy = strategy }

    /// Solves `model`.
    ///
    /// - Throws: ``MIP/ModelError`` if the model is invalid; ``MIP/SolverError`` if
    ///   an option is invalid (time limit not finite and positive, relative gap
    ///   negative or not finite) or GLPK fails (singular basis, numerical failure…).
    /// - Returns: The termination, the solution if one was found, the objective
    ///   (including the model's constant), the proven bound and gap, simplex
    ///   iterations, branch-and-bound nodes and wall time.
    public func solve(_ model: Model, options: SolveOptions) throws -> Solution {
        let start = ContinuousClock.now
        try ModelValidator.validate(model)
        let limits = try SolveLimits(options, start: start)
        let sink = LogSink(options.log)
        let initialPoint = InitialPoint.checked(options.initialSolution, for: model, sink: sink)
        var solution = try GLPKTerminal.withOutput(to: sink) { () throws(SolverError) -> Solution in
            let problem = try GLPKProblem()
            try problem.load(model)
            let settings = SearchSettings.choose(for: ModelShape(model), strategy: strategy, loaded: nil)
            var run = SolveRun(model: model, problem: problem, limits: limits, options: options,
                               initialPoint: initialPoint, sink: sink, settings: settings)
            return try run.execute()
        }
        solution.seconds = start.duration(to: .now).seconds
        return solution
    }
}

extension InitialPoint {
    /// The caller's initial solution if it is usable; otherwise `nil`, with a note in the log.
    static func checked(_ candidate: [Double]?, for model: Model, sink: LogSink) -> InitialPoint? {
        guard let candidate else { return nil }
        switch prepare(candidate, for: model) {
        case .success(let point):
            return point
        case .failure(let reason):
            sink.write("Initial solution ignored: \(reason.message)\n")
            return nil
        }
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
