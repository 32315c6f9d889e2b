import GLPKSolver
import MIP
import Testing

/// Every search setting reaches the same, published optimum: the strategy changes how GLPK
/// searches, never what it proves.
@Suite("Search strategies")
struct StrategyTests {
    /// Strategies that set one choice each (the rest automatic), and a few combinations.
    static let strategies: [SearchStrategy] = [
        .automatic,
        SearchStrategy(cuts: CutFamilies.none, heuristics: PrimalHeuristics.none),
        SearchStrategy(cuts: .all),
        SearchStrategy(cuts: .liftedCover),
        SearchStrategy(presolve: true),
        SearchStrategy(branching: .firstFractional),
        SearchStrategy(branching: .lastFractional),
        SearchStrategy(branching: .mostFractional),
        SearchStrategy(branching: .pseudocost),
        SearchStrategy(backtracking: .depthFirst),
        SearchStrategy(backtracking: .breadthFirst),
        SearchStrategy(backtracking: .bestProjection),
        SearchStrategy(heuristics: [.feasibilityPump, .proximitySearch]),
        SearchStrategy(heuristics: [.diving]),
        SearchStrategy(heuristics: [.assignment]),
        SearchStrategy(heuristics: [.shiftSwap]),
        SearchStrategy(heuristics: [.neighbourhood]),
        SearchStrategy(heuristics: [.shiftSwap, .neighbourhood]),
        SearchStrategy(relaxation: .cold),
        SearchStrategy(relaxation: .warmThenCold),
        SearchStrategy(relaxation: .warmRootThenCold),
        SearchStrategy(lagrangian: true),
        SearchStrategy(lagrangian: false),
        SearchStrategy(cuts: CutFamilies.none, heuristics: PrimalHeuristics.none, lagrangian: true),
        SearchStrategy(cuts: .all, presolve: true, branching: .pseudocost, heuristics: [.rounding, .diving, .assignment]),
    ]

    @Test("gap1 #1 (5 × 15): maximum 336 under every strategy",
          .enabled(if: ORLibrary.has("gap1.txt"), "shared/data/orlib is absent"), arguments: strategies)
    func gap1(strategy: SearchStrategy) throws {
        let problem = try #require(try ORLibrary.generalisedAssignment("gap1.txt").first)
        let model = ORLibrary.gapModel(problem, sense: .maximize)
        let solution = try GLPKSolver(strategy: strategy).solve(model, options: SolveOptions(timeLimit: 120))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 336))
        #expect(isFeasible(solution.values, for: model))
    }

    @Test("a starting solution with the presolver on: still optimal, the point only a fallback")
    func presolveWithStart() throws {
        let problem = try #require(try ORLibrary.generalisedAssignment("gap1.txt").first)
        let model = ORLibrary.gapModel(problem, sense: .minimize)
        let start = try GLPKSolver().solve(model, options: SolveOptions(timeLimit: 120))
        let solution = try GLPKSolver(strategy: SearchStrategy(presolve: true))
            .solve(model, options: SolveOptions(timeLimit: 120, initialSolution: start.values))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 261))
    }

    @Test("sessions take the strategy too: three objectives in a row")
    func session() throws {
        let problem = try #require(try ORLibrary.generalisedAssignment("gap1.txt").first)
        let model = ORLibrary.gapModel(problem, sense: .minimize)
        // The warm starts matter here: the second and third objectives start from the first's basis.
        let strategies = [SearchStrategy.automatic, SearchStrategy(cuts: CutFamilies.none, relaxation: .warm),
                          SearchStrategy(relaxation: .warmThenCold), SearchStrategy(relaxation: .warmRootThenCold)]
        for strategy in strategies {
            let session = try GLPKSolver(strategy: strategy).makeSession(for: model)
            let minimum = try session.solve(objective: model.objective, options: SolveOptions(timeLimit: 120))
            #expect(close(minimum.objective, 261))
            var maximise = model.objective
            maximise.sense = .maximize
            let maximum = try session.solve(objective: maximise, options: SolveOptions(timeLimit: 120))
            #expect(close(maximum.objective, 336))
            #expect(isFeasible(maximum.values, for: model))
            let again = try session.solve(objective: model.objective, options: SolveOptions(timeLimit: 120))
            #expect(close(again.objective, 261))
        }
    }

    /// Jeroslow's problem (n = 51): plain branch-and-bound needs about C(51, 25) nodes
    /// (`TimeLimitTests` rely on that); with cutting planes on, as the automatic strategy has
    /// them, the optimum 1 is proven at once.
    @Test("the automatic strategy proves Jeroslow's problem that plain branch-and-bound cannot")
    func jeroslow() throws {
        let solution = try GLPKSolver().solve(jeroslowModel(n: 51), options: SolveOptions(timeLimit: 60))
        #expect(solution.termination == .optimal)
        #expect(close(solution.objective, 1))
    }

    @Test("names of cut families and heuristics round-trip")
    func names() {
        #expect(CutFamilies.all.names == "mir,cover,clique,gomory,lifted-cover")
        #expect(CutFamilies.none.names == "none")
        #expect(PrimalHeuristics([.rounding, .diving]).names == "rounding,dive")
    }
}

extension SearchStrategy: CustomTestStringConvertible {
    public var testDescription: String {
        var parts: [String] = []
        if let cuts { parts.append("cuts \(cuts.names)") }
        if let presolve { parts.append("presolve \(presolve)") }
        if let branching { parts.append("branching \(branching.rawValue)") }
        if let backtracking { parts.append("backtracking \(backtracking.rawValue)") }
        if let heuristics { parts.append("heuristics \(heuristics.names)") }
        if let relaxation { parts.append("relaxation \(relaxation.rawValue)") }
        return parts.isEmpty ? "automatic" : parts.joined(separator: ", ")
    }
}

