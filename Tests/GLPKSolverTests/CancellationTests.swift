import Foundation
import GLPKSolver
import MIP
import Testing

/// A search stopped by its caller through ``SolveOptions/cancellation``.
@Suite("GLPKSolver cancellation")
struct CancellationTests {
    /// Plain branch-and-bound, as in TimeLimitTests: Jeroslow's problem (n = 51) needs about
    /// C(51, 25) nodes, so only the cancel can end this search within the 60 s limit set as a safety net.
    let solver = GLPKSolver(strategy: SearchStrategy(cuts: CutFamilies.none, heuristics: .rounding))

    @Test("a cancel from another thread stops branch-and-bound with SolverError.cancelled")
    func cancelStopsTheSearch() throws {
        let cancellation = Cancellation()
        var options = SolveOptions(timeLimit: 60)
        options.cancellation = cancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { cancellation.cancel() }
        let clock = ContinuousClock()
        var thrown: SolverError?
        let elapsed = clock.measure {
            do { _ = try solver.solve(jeroslowModel(n: 51), options: options) } catch { thrown = error as? SolverError }
        }
        #expect(thrown == .cancelled)
        #expect(elapsed < .seconds(30), "the search must stop at the cancel, not at the time limit")
    }

    @Test("a flag never raised changes nothing: the optimum of a small knapsack")
    func unraisedFlagChangesNothing() throws {
        // max 5a + 4b + 3c subject to 2a + 3b + c ≤ 5, binary: {a, b} weighs 5 and gives 9; {a, c} gives 8,
        // {b, c} 7, all three weigh 6. The optimum is 9.
        var model = Model(name: "knapsack")
        let a = model.addVariable("a", lower: 0, upper: 1, kind: .integer)
        let b = model.addVariable("b", lower: 0, upper: 1, kind: .integer)
        let c = model.addVariable("c", lower: 0, upper: 1, kind: .integer)
        model.addConstraint("weight", [Term(a, 2), Term(b, 3), Term(c, 1)], lower: nil, upper: 5)
        model.objective = Objective(sense: .maximize, terms: [Term(a, 5), Term(b, 4), Term(c, 3)])
        var options = SolveOptions()
        options.cancellation = Cancellation()
        let solution = try solver.solve(model, options: options)
        #expect(solution.termination == .optimal)
        #expect(abs((solution.objective ?? 0) - 9) < 1e-9)
    }
}
