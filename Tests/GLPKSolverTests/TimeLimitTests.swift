import GLPKSolver
import MIP
import Testing

/// Searches stopped by a time limit or a gap tolerance on models that branch-and-bound cannot finish.
@Suite("GLPKSolver limits")
struct TimeLimitTests {
    /// Plain branch-and-bound with GLPK's rounding heuristic only: without cutting planes,
    /// Jeroslow's problem takes branch-and-bound about C(51, 25) nodes (a rounding cut proves
    /// it at once, which is why cadreplan's automatic strategy has no trouble with it).
    let solver = GLPKSolver(strategy: SearchStrategy(cuts: CutFamilies.none, heuristics: .rounding))

    /// Jeroslow's problem with n = 51 (see `jeroslowModel`): optimum 1, LP bound 0,
    /// about C(51, 25) ≈ 2.5e14 nodes to prove it, so 1 s cannot suffice.
    @Test("time limit with an incumbent: .feasible(.timeLimit), objective 1, bound 0, gap > 0")
    func timeLimitWithIncumbent() throws {
        let model = jeroslowModel(n: 51)
        let clock = ContinuousClock()
        var solution: Solution?
        let elapsed = try clock.measure {
            solution = try solver.solve(model, options: SolveOptions(timeLimit: 1))
        }
        let result = try #require(solution)
        #expect(result.termination == .feasible(.timeLimit))
        // Every integer solution has y = 1 (parity), so the incumbent is the optimum 1 …
        #expect(close(result.objective, 1))
        // … but it is not proven: the bound stays at the LP value 0.
        let bound = try #require(result.bound)
        #expect(bound < 1 - 1e-9 && bound >= -1e-9)
        #expect((result.gap ?? 0) > 0)
        #expect(isFeasible(result.values, for: model))
        #expect(result.statistics.nodes > 1)
        #expect(elapsed < .seconds(5), "the limit of 1 s must be honoured roughly")
    }

    /// OR-Library gapd #5 (20 agents × 100 jobs; no solver here proves it in a minute) under
    /// the automatic strategy, whose own heuristics (tabu search, neighbourhood searches) run
    /// inside GLPK's callback: they too must stop at the caller's deadline. Before they did,
    /// a 2 s limit ended after 8.7 s.
    @Test("the automatic strategy's own heuristics keep the time limit too",
          .enabled(if: ORLibrary.has("gapd.txt"), "shared/data/orlib is absent"))
    func heuristicsKeepTheLimit() throws {
        let problems = try ORLibrary.generalisedAssignment("gapd.txt")
        let model = ORLibrary.gapModel(try #require(problems.count >= 5 ? problems[4] : nil), sense: .minimize)
        let clock = ContinuousClock()
        var solution: Solution?
        let elapsed = try clock.measure {
            solution = try GLPKSolver().solve(model, options: SolveOptions(timeLimit: 2))
        }
        let result = try #require(solution)
        #expect(result.termination == .feasible(.timeLimit))
        #expect(isFeasible(result.values, for: model))
        #expect(elapsed < .seconds(4), "a limit of 2 s took \(elapsed)")
    }

    /// Jeroslow's parity row without its y column: 2·(x_1 + … + x_51) = 51 has no
    /// integer solution at all, and branch-and-bound cannot prove that quickly, so
    /// the search must stop at the limit without any solution.
    @Test("time limit without an incumbent: .noSolution(.timeLimit)")
    func timeLimitWithoutIncumbent() throws {
        let model = jeroslowModel(n: 51, feasible: false)
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 0.5))
        #expect(solution.termination == .noSolution(.timeLimit))
        #expect(solution.values.isEmpty && solution.objective == nil)
        // No bound is reported as nil, a bound as a real number: never GLPK's ±DBL_MAX sentinel.
        #expect(solution.bound.map { $0.isFinite && abs($0) < 1e300 } ?? true, "bound \(String(describing: solution.bound))")
        #expect(solution.gap.map { $0.isFinite } ?? true)
    }

    /// An optimal initial point (25 of the x at 1, y = 1; 2·25 + 1 = 51) is accepted,
    /// but it cannot be proven optimal in time either: still `.feasible(.timeLimit)`.
    @Test("time limit with an initial solution: .feasible(.timeLimit), objective 1")
    func timeLimitWithInitialSolution() throws {
        let model = jeroslowModel(n: 51)
        let start = (0..<51).map { $0 < 25 ? 1.0 : 0.0 } + [1]
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 0.5, initialSolution: start))
        #expect(solution.termination == .feasible(.timeLimit))
        #expect(close(solution.objective, 1))
        #expect(isFeasible(solution.values, for: model))
    }

    /// A relative-gap tolerance of 2 is met by the first incumbent (objective 1, bound 0,
    /// GLPK's gap |1 − 0| / 1 = 1 ≤ 2), so the search stops there instead of running on.
    @Test("gap tolerance reached: .feasible(.gapLimit)")
    func gapLimit() throws {
        let model = jeroslowModel(n: 51)
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 10, relativeGap: 2))
        #expect(solution.termination == .feasible(.gapLimit))
        #expect(close(solution.objective, 1))
        #expect(isFeasible(solution.values, for: model))
    }
}
