/// What a solver reports while it runs a branch-and-bound search.
public struct Progress: Sendable, Equatable {
    /// The best integer objective value found so far, if any.
    public var incumbent: Double?
    /// The best proven bound on the optimum, if known.
    public var bound: Double?
    /// The relative gap between incumbent and bound, if both are known.
    public var gap: Double?
    /// Branch-and-bound nodes processed so far.
    public var nodes: Int
    /// Creates a progress report.
    public init(incumbent: Double?, bound: Double?, gap: Double?, nodes: Int) {
        self.incumbent = incumbent; self.bound = bound; self.gap = gap; self.nodes = nodes
    }
}

/// Why a search stopped before proving optimality.
public enum StopReason: String, Sendable, Equatable {
    /// The time limit ran out.
    case timeLimit = "time limit"
    /// The relative gap fell below the requested tolerance.
    case gapLimit = "gap limit"
    /// The caller's node limit (``NodeLimit``) was reached.
    case nodeLimit = "node limit"
}

/// Stops branch-and-bound after a number of nodes: effort counted, not timed, so the same
/// model stops at the same place on any machine.
public struct NodeLimit: Sendable, Equatable {
    /// Nodes after which the search stops once it has a solution (1: the root only), or `nil`.
    public var nodes: Int?
    /// Nodes after which the search stops if it has not found a solution yet, or `nil`.
    public var nodesWithoutSolution: Int?
    /// Creates a limit.
    public init(nodes: Int? = nil, nodesWithoutSolution: Int? = nil) {
        self.nodes = nodes; self.nodesWithoutSolution = nodesWithoutSolution
    }
}

/// The outcome of a solve.
public enum Termination: Sendable, Equatable {
    /// An optimal solution, proven.
    case optimal
    /// A feasible solution whose optimality is not proven.
    case feasible(StopReason)
    /// No feasible solution exists (proven).
    case infeasible
    /// The objective is unbounded (proven).
    case unbounded
    /// The search stopped before finding any feasible solution.
    case noSolution(StopReason)

    /// Whether ``Solution/values`` holds a feasible point.
    public var hasSolution: Bool {
        switch self {
        case .optimal, .feasible: return true
        default: return false
        }
    }
}

/// Options for a solve.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds, or `nil` for none.
    public var timeLimit: Double?
    /// Relative gap at which the search may stop (0: prove optimality).
    public var relativeGap: Double
    /// A known feasible point, offered to the solver as a first incumbent.
    public var initialSolution: [Double]?
    /// Called now and then during branch-and-bound.
    public var progress: (@Sendable (Progress) -> Void)?
    /// Receives the solver's own log text.
    public var log: (@Sendable (String) -> Void)?
    /// Where branch-and-bound stops early, counted in nodes (`nil`: it runs until proven or out of time).
    public var nodeLimit: NodeLimit?
    /// Polled during the search: once raised, the solve stops and throws ``SolverError/cancelled``.
    public var cancellation: Cancellation?
    /// Creates options.
    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, initialSolution: [Double]? = nil,
        progress: (@Sendable (Progress) -> Void)? = nil, log: (@Sendable (String) -> Void)? = nil,
        nodeLimit: NodeLimit? = nil
    ) {
        self.timeLimit = timeLimit; self.relativeGap = relativeGap
        self.initialSolution = initialSolution; self.progress = progress; self.log = log
        self.nodeLimit = nodeLimit
    }
}

/// Deterministic effort counters of a solve (they do not depend on machine speed).
public struct SolveStatistics: Sendable, Equatable, Codable {
    /// Simplex iterations.
    public var simplexIterations: Int
    /// Branch-and-bound nodes.
    public var nodes: Int
    /// Creates counters.
    public init(simplexIterations: Int = 0, nodes: Int = 0) {
        self.simplexIterations = simplexIterations; self.nodes = nodes
    }
}

/// The result of a solve.
public struct Solution: Sendable, Equatable {
    /// How the solve ended.
    public var termination: Termination
    /// The objective value of ``values`` (including the objective constant), if there is a solution.
    public var objective: Double?
    /// The best proven bound on the optimum, if known.
    public var bound: Double?
    /// The relative gap |objective − bound| / max(1, |objective|), if both are known.
    public var gap: Double?
    /// One value per model variable; empty when there is no solution.
    public var values: [Double]
    /// Effort counters.
    public var statistics: SolveStatistics
    /// Wall time of the solve in seconds.
    public var seconds: Double
    /// Creates a result.
    public init(
        termination: Termination, objective: Double?, bound: Double?, gap: Double?,
        values: [Double], statistics: SolveStatistics = .init(), seconds: Double = 0
    ) {
        self.termination = termination; self.objective = objective; self.bound = bound
        self.gap = gap; self.values = values; self.statistics = statistics; self.seconds = seconds
    }
}

/// A backend that solves ``Model``s. Implementations validate the model first.
public protocol MIPSolver: Sendable {
    /// Solves `model`; throws ``ModelError`` for an invalid model and ``SolverError`` for a solver failure.
    func solve(_ model: Model, options: SolveOptions) throws -> Solution
    /// Whether independent models may be solved on several threads at once.
    var supportsConcurrentSolves: Bool { get }
    /// Frees whatever per-thread state the solver keeps; called on a worker thread when it is done.
    func releaseThreadResources()
    /// Loads `model` for a sequence of solves on the calling thread (see ``MIPSession``).
    func makeSession(for model: Model) throws -> any MIPSession
}

/// A failure of the solver itself (not of the model).
public struct SolverError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    /// The error a solve throws when its ``SolveOptions/cancellation`` was raised.
    public static let cancelled = SolverError("the search was cancelled")
}

extension MIPSolver {
    /// Frees whatever per-thread state the solver keeps; call it on a worker thread when it is done.
    public func releaseThreadResources() {}
    /// By default, a session that re-solves from scratch.
    public func makeSession(for model: Model) throws -> any MIPSession { makeRebuildingSession(for: model) }
}

/// A model kept loaded in a solver between solves, so that a sequence of objectives
/// over the same rows (plus added rows) can start each solve from the last basis.
public protocol MIPSession: AnyObject {
    /// The model as it stands (original rows plus added ones, current objective).
    var model: Model { get }
    /// Replaces the objective and solves.
    func solve(objective: Objective, options: SolveOptions) throws -> Solution
    /// Adds a row (validated first).
    func addConstraint(_ constraint: Constraint) throws
    /// Changes the upper side of the row named `name` (`nil`: no upper side), validated first.
    func setUpper(ofConstraint name: String, to upper: Double?) throws
}

extension MIPSolver {
    /// A session that simply re-solves the whole model each time; backends that can keep a
    /// loaded problem override ``MIPSolver/makeSession(for:)``.
    public func makeRebuildingSession(for model: Model) -> any MIPSession { RebuildingSession(solver: self, model: model) }
}

/// The fallback session: every solve starts from scratch.
final class RebuildingSession: MIPSession {
    let solver: any MIPSolver
    private(set) var model: Model
    init(solver: any MIPSolver, model: Model) { self.solver = solver; self.model = model }
    func solve(objective: Objective, options: SolveOptions) throws -> Solution {
        model.objective = objective
        return try solver.solve(model, options: options)
    }
    func addConstraint(_ c: Constraint) throws {
        model.addConstraint(c.name, c.terms, lower: c.lower, upper: c.upper)
    }
    func setUpper(ofConstraint name: String, to upper: Double?) throws {
        _ = try model.setUpper(ofConstraint: name, to: upper)
    }
}
