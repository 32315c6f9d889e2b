import CGLPK
import MIP

extension GLPKSolver {
    /// Loads `model` into one GLPK problem object kept for a sequence of solves.
    ///
    /// Lexicographic planning solves the same rows under three objectives, each time
    /// adding one row that keeps the previous tier. Keeping the problem object lets each
    /// simplex start from the previous optimal basis (the added row's slack is basic, so
    /// the basis stays valid and primal feasible) instead of from scratch.
    /// The session must be used on the thread that created it (GLPK's state is per thread).
    public func makeSession(for model: Model) throws -> any MIPSession {
        try ModelValidator.validate(model)
        return try GLPKSession(model: model, strategy: strategy)
    }
}

/// A GLPK problem object kept loaded between solves.
final class GLPKSession: MIPSession {
    private(set) var model: Model
    private let problem: GLPKProblem
    /// The caller's strategy; each solve completes it from the model's shape.
    private let strategy: SearchStrategy
    /// Simplex iterations GLPK had counted before the current solve (its counter is cumulative).
    private var iterationsBefore = 0
    /// The names of the model's rows, so an added row is checked without revalidating the model.
    private var rowNames: Set<String>
    /// Solves so far (the first starts from GLPK's standard basis, later ones warm).
    private var solves = 0
    /// The shape of the rows the problem was loaded with, before any row was added.
    private let loadedShape: ModelShape

    init(model: Model, strategy: SearchStrategy) throws {
        self.model = model
        rowNames = Set(model.constraints.map(\.name))
        self.strategy = strategy
        loadedShape = ModelShape(model)
        problem = try GLPKTerminal.withOutput(to: LogSink(nil)) { () throws(SolverError) -> GLPKProblem in
            let p = try GLPKProblem()
            try p.load(model)
            return p
        }
    }

    func addConstraint(_ constraint: Constraint) throws {
        // The loaded model was validated whole; only the new row needs checking.
        try ModelValidator.validate(constraint, addedTo: model, rowNames: rowNames)
        model.addConstraint(constraint.name, constraint.terms, lower: constraint.lower, upper: constraint.upper)
        rowNames.insert(constraint.name)
        let i = glp_add_rows(problem.pointer, 1)
        let (type, lower, upper) = GLPKProblem.boundType(constraint.lower, constraint.upper)
        glp_set_row_bnds(problem.pointer, i, type, lower, upper)
        var index = [Int32](repeating: 0, count: constraint.terms.count + 1)
        var value = [Double](repeating: 0, count: constraint.terms.count + 1)
        for (k, t) in constraint.terms.enumerated() {
            index[k + 1] = Int32(t.variable.index + 1)
            value[k + 1] = t.coefficient
        }
        glp_set_mat_row(problem.pointer, i, Int32(constraint.terms.count), index, value)
    }

    func setUpper(ofConstraint name: String, to upper: Double?) throws {
        let index = try model.setUpper(ofConstraint: name, to: upper)
        let row = model.constraints[index]
        // GLPK's rows are the model's, in order (rows are only ever appended).
        let (type, lower, upperSide) = GLPKProblem.boundType(row.lower, row.upper)
        glp_set_row_bnds(problem.pointer, Int32(index + 1), type, lower, upperSide)
    }

    func solve(objective: Objective, options: SolveOptions) throws -> Solution {
        let start = ContinuousClock.now
        try ModelValidator.validate(objective, of: model)
        let previous = model.objective
        model.objective = objective
        let limits = try SolveLimits(options, start: start)
        let sink = LogSink(options.log)
        let initialPoint = InitialPoint.checked(options.initialSolution, for: model, sink: sink)
        let p = problem.pointer
        // Replace the objective: clear the old coefficients, then set the new ones.
        glp_set_obj_dir(p, objective.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(p, 0, objective.constant)
        for t in previous.terms { glp_set_obj_coef(p, Int32(t.variable.index + 1), 0) }
        for t in objective.terms { glp_set_obj_coef(p, Int32(t.variable.index + 1), t.coefficient) }
        let model = self.model
        var solution = try GLPKTerminal.withOutput(to: sink) { () throws(SolverError) -> Solution in
            let settings = SearchSettings.choose(for: ModelShape(model), strategy: strategy, loaded: loadedShape)
            var run = SolveRun(model: model, problem: problem, limits: limits, options: options,
                               initialPoint: initialPoint, sink: sink, settings: settings)
            run.warmBasis = solves > 0
            do {
                return try run.execute()
            } catch {
                // A basis left by branch-and-bound that GLPK cannot factorise: start again from
                // the standard basis (as a fresh solve would).
                glp_std_basis(p)
                return try run.execute()
            }
        }
        solves += 1
        let total = Int(glp_get_it_cnt(p))
        solution.statistics.simplexIterations = total - iterationsBefore
        iterationsBefore = total
        solution.seconds = start.duration(to: .now).seconds
        return solution
    }
}
