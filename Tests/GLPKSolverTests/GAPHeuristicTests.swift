import GLPKSolver
import MIP
import Testing

/// cadreplan's GAP heuristics inside GLPK's search (HeuristicSchedule, NeighbourhoodSearch):
/// their points reach GLPK, and the optimum proven is the published one.
@Suite("GAP heuristics in branch-and-bound")
struct GAPHeuristicTests {
    /// Solves `problem` of `file` with only `heuristics` of cadreplan's own; the solution and the log lines.
    static func solve(_ file: String, problem: Int, sense: Sense, heuristics: PrimalHeuristics) throws -> (Solution, Model, [String]) {
        let gap = try ORLibrary.generalisedAssignment(file)[problem]
        let model = ORLibrary.gapModel(gap, sense: sense)
        let lines = Recorder<String>()
        let solver = GLPKSolver(strategy: SearchStrategy(heuristics: heuristics))
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 120, log: { lines.append($0) }))
        return (solution, model, lines.values.joined().split(separator: "\n").map(String.init))
    }

    @Test("the shift-and-swap search offers the first incumbent of gap1 #1 (minimum 261 proven)",
          .enabled(if: ORLibrary.has("gap1.txt"), "shared/data/orlib is absent"))
    func shiftSwapOffersPoints() throws {
        let (solution, model, log) = try Self.solve("gap1.txt", problem: 0, sense: .minimize, heuristics: [.shiftSwap])
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 261))
        #expect(isFeasible(solution.values, for: model))
        #expect(log.contains { $0.hasPrefix("Heuristic (shift-swap)") })
    }

    @Test("with every GAP heuristic, gap12 #5 (10 × 60) reaches its published maximum 1446",
          .enabled(if: ORLibrary.has("gap12.txt"), "shared/data/orlib is absent"))
    func allTogether() throws {
        let (solution, model, log) = try Self.solve("gap12.txt", problem: 4, sense: .maximize,
                                                    heuristics: [.rounding, .shiftSwap, .neighbourhood])
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 1446))
        #expect(isFeasible(solution.values, for: model))
        // Every point a heuristic offered is no better than the optimum (a maximisation).
        for line in log where line.hasPrefix("Heuristic (") {
            // "Heuristic (source): value at node n"; a source may hold spaces.
            let after = try #require(line.range(of: "): ")).upperBound
            let value = try #require(Double(line[after...].split(separator: " ")[0]))
            #expect(value <= 1446 + 1e-9, "\(line)")
        }
    }
}
