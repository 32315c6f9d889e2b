import GLPKSolver
import MIP
import Testing

/// Infeasible and unbounded models, and invalid input that must be rejected before GLPK.
@Suite("GLPKSolver statuses and rejections")
struct StatusTests {
    let solver = GLPKSolver()

    /// x + y ≤ 1 and x + y ≥ 2 contradict each other.
    @Test("infeasible LP")
    func infeasibleLP() throws {
        var model = Model(name: "infeasible")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("atMost1", [Term(x, 1), Term(y, 1)], upper: 1)
        model.addConstraint("atLeast2", [Term(x, 1), Term(y, 1)], lower: 2)
        model.objective = Objective(terms: [Term(x, 1)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .infeasible)
        #expect(solution.values.isEmpty && solution.objective == nil)
    }

    /// 2x = 1 with x integer: the LP relaxation (x = 1/2) is feasible, no integer point is.
    @Test("integer-infeasible model: 2x = 1")
    func integerInfeasible() throws {
        var model = Model(name: "parity")
        let x = model.addVariable("x", lower: 0, upper: 10, kind: .integer)
        model.addConstraint("half", [Term(x, 2)], lower: 1, upper: 1)
        model.objective = Objective(terms: [Term(x, 1)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .infeasible)
        #expect(!solution.termination.hasSolution)
    }

    /// maximise x + y with x − y ≤ 1, x, y ≥ 0: y (and x = y + 1) grow without limit.
    @Test("unbounded LP and MIP", arguments: [VariableKind.continuous, .integer])
    func unbounded(kind: VariableKind) throws {
        var model = Model(name: "unbounded")
        let x = model.addVariable("x", lower: 0, upper: nil, kind: kind)
        let y = model.addVariable("y", lower: 0, upper: nil, kind: kind)
        model.addConstraint("r", [Term(x, 1), Term(y, -1)], upper: 1)
        model.objective = Objective(sense: .maximize, terms: [Term(x, 1), Term(y, 1)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .unbounded)
    }

    @Test("an invalid model throws ModelError instead of reaching GLPK")
    func invalidModel() throws {
        var model = Model(name: "invalid")
        let x = model.addVariable("x", lower: .nan, upper: nil)
        model.addConstraint("twice", [Term(x, 1), Term(x, 2)], upper: 1)
        #expect(throws: ModelError.self) { try solver.solve(model, options: SolveOptions()) }
        let error = try #require(throws: ModelError.self) { try solver.solve(model, options: SolveOptions()) }
        #expect(error.contains(.nonFiniteNumber) && error.contains(.duplicateVariable))
    }

    @Test("invalid time limits are rejected", arguments: [0, -1, Double.nan, .infinity])
    func invalidTimeLimit(limit: Double) {
        #expect(throws: SolverError.self) {
            try solver.solve(SmallModelTests.knapsack(), options: SolveOptions(timeLimit: limit))
        }
    }

    @Test("invalid relative gaps are rejected", arguments: [-0.1, Double.nan, .infinity])
    func invalidGap(gap: Double) {
        #expect(throws: SolverError.self) {
            try solver.solve(SmallModelTests.knapsack(), options: SolveOptions(relativeGap: gap))
        }
    }

    @Test("a very long time limit is clamped, not rejected")
    func longTimeLimit() throws {
        let solution = try solver.solve(SmallModelTests.knapsack(), options: SolveOptions(timeLimit: 1e300))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 90))
    }
}
