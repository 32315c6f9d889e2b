import GLPKSolver
import MIP
import Testing

/// Progress reports, initial solutions and log routing.
@Suite("GLPKSolver callbacks")
struct CallbackTests {
    let solver = GLPKSolver()

    @Test("progress is reported on a model that branches")
    func progressIsReported() throws {
        // The knapsack's LP relaxation is fractional (105 > 90), so GLPK must branch.
        let reports = Recorder<Progress>()
        let options = SolveOptions(progress: { reports.append($0) })
        let solution = try solver.solve(SmallModelTests.knapsack(), options: options)
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 90))
        let seen = reports.values
        #expect(!seen.isEmpty)
        for report in seen {
            // Maximisation: no incumbent beats the optimum 90; no bound is below it (or above the LP 105).
            if let incumbent = report.incumbent { #expect(incumbent <= 90 + 1e-9) }
            if let bound = report.bound { #expect(bound >= 90 - 1e-9 && bound <= 105 + 1e-9) }
            if report.incumbent != nil, report.bound != nil { #expect(report.gap != nil) }
        }
        #expect(seen.contains { $0.incumbent != nil }, "the new incumbent is always reported")
    }

    @Test("an initial solution is accepted: a hard market-split instance is solved at once")
    func initialSolutionAccepted() throws {
        // With the objective 0, the known point x* is optimal as soon as GLPK accepts it
        // (incumbent 0 = LP bound 0). Finding x* by search would take far more nodes.
        let (model, known) = marketSplit(rows: 4, seed: 2024)
        let solution = try solver.solve(model, options: SolveOptions(timeLimit: 20, initialSolution: known))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 0))
        #expect(isFeasible(solution.values, for: model))
        #expect(solution.statistics.nodes <= 2)
    }

    @Test("an initial solution on the knapsack: still the optimum 90")
    func initialSolutionOnKnapsack() throws {
        // {c, d} is feasible (weight 9) with value 80; the solver must still find 90.
        let solution = try solver.solve(
            SmallModelTests.knapsack(), options: SolveOptions(initialSolution: [0, 0, 1, 1]))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 90))
        #expect(solution.values == [0, 1, 0, 1])
    }

    @Test("unusable initial solutions are ignored with a log note", arguments: [
        [1.0, 1, 1, 1],      // weight 18 > 10: infeasible
        [0.0, 1, 0],         // wrong length
        [0.0, 0.5, 0, 1],    // fractional integer variable
        [0.0, .nan, 0, 1],   // not finite
    ])
    func unusableInitialSolution(start: [Double]) throws {
        let lines = Recorder<String>()
        let solution = try solver.solve(
            SmallModelTests.knapsack(), options: SolveOptions(initialSolution: start, log: { lines.append($0) }))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 90))
        #expect(lines.values.contains { $0.contains("Initial solution ignored") })
    }

    @Test("GLPK's terminal output goes to the log callback, line by line")
    func logIsRouted() throws {
        let lines = Recorder<String>()
        _ = try solver.solve(SmallModelTests.knapsack(), options: SolveOptions(log: { lines.append($0) }))
        let text = lines.values
        // At GLPK's normal message level the simplex method reports "obj =" lines and
        // branch-and-bound "mip =" lines.
        #expect(text.contains { $0.contains("obj =") })
        #expect(text.contains { $0.contains("mip =") })
        #expect(text.allSatisfy { $0.hasSuffix("\n") && $0.dropLast().firstIndex(of: "\n") == nil })
    }
}
