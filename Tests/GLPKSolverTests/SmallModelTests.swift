import GLPKSolver
import MIP
import Testing

/// Small models whose optima are derived by hand in the comments.
@Suite("GLPKSolver on hand-solved models")
struct SmallModelTests {
    let solver = GLPKSolver()

    /// 0/1 knapsack, capacity 10, items (value, weight): a (10, 5), b (40, 4), c (30, 6), d (50, 3).
    ///
    /// By hand: every set of three items weighs at least 4+3+5 = 12 > 10, so at most two fit.
    /// Pairs that fit: ab (w 9, v 50), ad (8, 60), bc (10, 70), bd (7, 90), cd (9, 80); ac weighs 11.
    /// Singles are worth at most 50. The optimum is {b, d} with value 90.
    /// The LP relaxation takes d, b and half of c (ratio order) for 105, so the solver must branch.
    static func knapsack() -> Model {
        var model = Model(name: "knapsack")
        let items: [(String, Double, Double)] = [("a", 10, 5), ("b", 40, 4), ("c", 30, 6), ("d", 50, 3)]
        let variables = items.map { model.addVariable($0.0, lower: 0, upper: 1, kind: .integer) }
        model.addConstraint("capacity", zip(variables, items).map { Term($0, $1.2) }, upper: 10)
        model.objective = Objective(sense: .maximize, terms: zip(variables, items).map { Term($0, $1.1) })
        return model
    }

    @Test("knapsack: optimum 90 with items b and d")
    func knapsack() throws {
        let model = Self.knapsack()
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 90))
        #expect(solution.values == [0, 1, 0, 1])
        #expect(close(solution.bound, 90))
        #expect(close(solution.gap, 0))
        #expect(solution.statistics.nodes >= 1)
        #expect(solution.statistics.simplexIterations >= 1)
        #expect(solution.seconds >= 0)
    }

    /// maximise x + y subject to 2x + y ≤ 4, x + 2y ≤ 4, x, y ≥ 0.
    ///
    /// By hand: the vertices are (0,0) → 0, (2,0) → 2, (0,2) → 2 and the intersection of
    /// the two rows: subtracting gives x = y, so 3x = 4, x = y = 4/3 → 8/3. Optimum 8/3.
    @Test("LP with a fractional optimum (maximisation): 8/3 at (4/3, 4/3)")
    func fractionalLP() throws {
        var model = Model(name: "fractional")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("r1", [Term(x, 2), Term(y, 1)], upper: 4)
        model.addConstraint("r2", [Term(x, 1), Term(y, 2)], upper: 4)
        model.objective = Objective(sense: .maximize, terms: [Term(x, 1), Term(y, 1)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 8.0 / 3))
        #expect(close(solution.values[0], 4.0 / 3) && close(solution.values[1], 4.0 / 3))
        #expect(close(solution.gap, 0))
        #expect(solution.statistics.nodes == 0)
        #expect(solution.statistics.simplexIterations >= 1)
    }

    /// minimise 2x + 3y subject to x + y ≥ 4, x + 3y ≥ 6, x, y ≥ 0.
    ///
    /// By hand: vertices (6, 0) → 12, (0, 4) → 12 and the intersection: subtracting,
    /// 2y = 2, y = 1, x = 3 → 6 + 3 = 9. Optimum 9 at (3, 1).
    @Test("LP minimisation: 9 at (3, 1)")
    func minimisationLP() throws {
        var model = Model(name: "min")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("r1", [Term(x, 1), Term(y, 1)], lower: 4)
        model.addConstraint("r2", [Term(x, 1), Term(y, 3)], lower: 6)
        model.objective = Objective(sense: .minimize, terms: [Term(x, 2), Term(y, 3)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 9))
        #expect(close(solution.values[0], 3) && close(solution.values[1], 1))
    }

    /// minimise 100 + 2x + 4y, x integer ≥ 0, 0 ≤ y ≤ 0.25, x + y ≥ 2.5.
    ///
    /// By hand: y ≤ 0.25 forces x ≥ 2.25, so x ≥ 3; x = 3, y = 0 costs 100 + 6 = 106, and
    /// any other feasible point costs more. (The LP relaxation, x = 2.5, gives 105.)
    @Test("objective constant is included: 106")
    func objectiveConstant() throws {
        var model = Model(name: "constant")
        let x = model.addVariable("x", lower: 0, upper: nil, kind: .integer)
        let y = model.addVariable("y", lower: 0, upper: 0.25)
        model.addConstraint("cover", [Term(x, 1), Term(y, 1)], lower: 2.5)
        model.objective = Objective(sense: .minimize, terms: [Term(x, 2), Term(y, 4)], constant: 100)
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 106))
        #expect(close(solution.values[0], 3) && close(solution.values[1], 0))
        #expect(close(solution.bound, 106))
    }

    /// maximise 3x − 10, x integer, x ≤ 2.5 written as the row x ≤ 2.5 (bounds of an integer must be integral).
    ///
    /// By hand: the largest integer x ≤ 2.5 is 2, so 3·2 − 10 = −4.
    @Test("maximisation with a negative constant: −4")
    func maximisationWithConstant() throws {
        var model = Model(name: "maxconstant")
        let x = model.addVariable("x", lower: 0, upper: nil, kind: .integer)
        model.addConstraint("cap", [Term(x, 1)], upper: 2.5)
        model.objective = Objective(sense: .maximize, terms: [Term(x, 3)], constant: -10)
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, -4))
        #expect(solution.values == [2])
    }

    /// x + y = 10, x − y = 2, minimise x + 2y.
    ///
    /// By hand: adding the rows gives 2x = 12, so x = 6 and y = 4 is the only feasible
    /// point; the objective is 6 + 8 = 14.
    @Test("equality rows: 14 at (6, 4)")
    func equalityRows() throws {
        var model = Model(name: "equalities")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("sum", [Term(x, 1), Term(y, 1)], lower: 10, upper: 10)
        model.addConstraint("difference", [Term(x, 1), Term(y, -1)], lower: 2, upper: 2)
        model.objective = Objective(sense: .minimize, terms: [Term(x, 1), Term(y, 2)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 14))
        #expect(close(solution.values[0], 6) && close(solution.values[1], 4))
    }

    /// minimise t subject to t ≥ x − 3 and t ≥ 1 − x, with x and t free.
    ///
    /// By hand: t is at least max(x − 3, 1 − x), which is smallest where x − 3 = 1 − x,
    /// i.e. x = 2, t = −1. A negative optimum shows t really is free.
    @Test("free variables: −1 at x = 2")
    func freeVariables() throws {
        var model = Model(name: "free")
        let x = model.addVariable("x", lower: nil, upper: nil)
        let t = model.addVariable("t", lower: nil, upper: nil)
        model.addConstraint("right", [Term(t, 1), Term(x, -1)], lower: -3)
        model.addConstraint("left", [Term(t, 1), Term(x, 1)], lower: 1)
        model.objective = Objective(sense: .minimize, terms: [Term(t, 1)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, -1))
        #expect(close(solution.values[0], 2) && close(solution.values[1], -1))
    }

    /// maximise z with z ≤ −2 and no lower bound; minimise w with w ≥ 3 (integer) and no upper bound.
    ///
    /// By hand: z = −2 and w = 3; the objective max z − w is −2 − 3 = −5.
    @Test("one-sided bounds: −5")
    func oneSidedBounds() throws {
        var model = Model(name: "onesided")
        let z = model.addVariable("z", lower: nil, upper: -2)
        let w = model.addVariable("w", lower: 3, upper: nil, kind: .integer)
        model.objective = Objective(sense: .maximize, terms: [Term(z, 1), Term(w, -1)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, -5))
        #expect(close(solution.values[0], -2) && close(solution.values[1], 3))
    }

    /// A model with no variables and no rows: its value is its constant, 5.
    @Test("empty model: the constant")
    func emptyModel() throws {
        var model = Model(name: "empty")
        model.objective = Objective(sense: .minimize, constant: 5)
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 5))
        #expect(solution.values.isEmpty)
    }
}

extension SmallModelTests {
    /// maximise x + y, x ≤ 2, with rows 0·x + y ≤ 3 and 0·y ≥ −1 (explicit zero coefficients).
    ///
    /// By hand: the zero terms constrain nothing, so x = 2 and y = 3 give 5. GLPK drops
    /// zero matrix entries; this checks they are neither rejected nor fatal.
    @Test("explicit zero coefficients: 5")
    func zeroCoefficients() throws {
        var model = Model(name: "zeros")
        let x = model.addVariable("x", lower: 0, upper: 2)
        let y = model.addVariable("y", lower: 0, upper: nil)
        model.addConstraint("mostlyY", [Term(x, 0), Term(y, 1)], upper: 3)
        model.addConstraint("nothing", [Term(y, 0)], lower: -1)
        model.objective = Objective(sense: .maximize, terms: [Term(x, 1), Term(y, 1)])
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 5))
        #expect(close(solution.values[0], 2) && close(solution.values[1], 3))
    }
}
