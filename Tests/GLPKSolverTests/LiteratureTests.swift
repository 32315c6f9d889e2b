import GLPKSolver
import MIP
import Testing

/// Published optima of OR-Library instances (values from shared/data/orlib/OPTIMA.md).
///
/// The instances live outside the package in `<package root>/../shared/data/orlib`;
/// when that folder is not checked out (e.g. a plain clone of this package), the tests
/// are skipped rather than failed, because their absence says nothing about the solver.
@Suite("GLPKSolver on OR-Library instances")
struct LiteratureTests {
    let solver = GLPKSolver()

    /// assign100 (Beasley 1990): optimum 305. Modelled as a full MIP with 10,000 binaries;
    /// the assignment polytope is integral, so the root LP is already integral and
    /// branch-and-bound ends at the root — fast even in a debug build.
    @Test("assign100: optimum 305", .enabled(if: ORLibrary.has("assign100.txt"), "shared/data/orlib is absent"))
    func assign100() throws {
        let cost = try ORLibrary.assignment("assign100.txt")
        #expect(cost.count == 100)
        let model = ORLibrary.assignmentModel(cost)
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 60))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 305))
        #expect(isFeasible(solution.values, for: model))
    }

    /// gap1 problem 1 (5 agents × 15 jobs): maximum 336, minimum 261.
    @Test("gap1 #1: maximum 336 and minimum 261",
          .enabled(if: ORLibrary.has("gap1.txt"), "shared/data/orlib is absent"),
          arguments: [(Sense.maximize, 336.0), (.minimize, 261.0)])
    func gap1(sense: Sense, optimum: Double) throws {
        let problems = try ORLibrary.generalisedAssignment("gap1.txt")
        #expect(problems.count == 5)
        let first = try #require(problems.first)
        #expect(first.capacity.count == 5 && first.cost[0].count == 15)
        let model = ORLibrary.gapModel(first, sense: sense)
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 60))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, optimum))
        #expect(isFeasible(solution.values, for: model))
    }
}

/// OR-Library generalised assignment problems that GLPK's default search could not prove
/// (gap12 #5 not in 120 s, gap8 #1 and gap11 #1 not in 60 s before cadreplan chose its own
/// settings) are proven at their published optima (../shared/data/orlib/OPTIMA.md) with the
/// automatic strategy, and so are the three of gapa–gapc that stayed unproven longest. Status
/// and value only; speed is measured in Benchmarks/.
@Suite("GLPKSolver proves OR-Library GAP problems")
struct GAPLiteratureTests {
    @Test("published optimum proven",
          .enabled(if: ORLibrary.has("gap12.txt"), "shared/data/orlib is absent"),
          arguments: [("gap12.txt", 5, Sense.maximize, 1446.0), ("gap8.txt", 1, .maximize, 1133.0),
                      ("gap11.txt", 1, .maximize, 1139.0), ("gap7.txt", 1, .maximize, 942.0),
                      ("gapa.txt", 1, .minimize, 1698.0), ("gapb.txt", 1, .minimize, 1843.0),
                      ("gapc.txt", 1, .minimize, 1931.0),
                      // The hardest three of gapa–gapc, proven since the Lagrangian target search
                      // (not proven in 60 s before it; gapc #6, 20 agents × 200 jobs, by no setting).
                      // (gapb #4 is LagrangianPruningTests' case.)
                      ("gapc.txt", 4, .minimize, 2806.0),
                      ("gapc.txt", 6, .minimize, 2391.0)])
    func proven(file: String, problem: Int, sense: Sense, optimum: Double) throws {
        let instance = try ORLibrary.generalisedAssignment(file)[problem - 1]
        let model = ORLibrary.gapModel(instance, sense: sense)
        let solution = try GLPKSolver().solve(model, options: SolveOptions(timeLimit: 600))
        #expect(solution.termination == .optimal, "\(file) #\(problem)")
        #expect(close(solution.objective, optimum), "\(file) #\(problem): \(solution.objective ?? .nan)")
        #expect(isFeasible(solution.values, for: model))
    }
}
