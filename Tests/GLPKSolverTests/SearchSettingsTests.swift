@testable import GLPKSolver
import MIP
import Testing

/// The automatic choice of ``SearchSettings``, decided from the model's shape (the figures
/// behind each rule are in docs/PERFORMANCE.md, "Solver strategy").
@Suite("Search settings")
struct SearchSettingsTests {
    /// A shape of `variables` binary columns, `knapsackRows` of whose rows are capacity rows.
    func shape(variables: Int, knapsackRows: Int) -> ModelShape {
        var shape = ModelShape(Model())
        shape.variables = variables
        shape.integers = variables
        shape.binaries = variables
        shape.knapsackRows = knapsackRows
        return shape
    }

    @Test("relaxation start: warm-root-then-cold on large blocks without capacity rows as loaded")
    func relaxationStart() {
        let large = SearchSettings.largeModel + 1, small = SearchSettings.largeModel
        func start(_ variables: Int, loadedKnapsackRows: Int?) -> RelaxationStart {
            SearchSettings.choose(for: shape(variables: variables, knapsackRows: 5), strategy: .automatic,
                                  loaded: loadedKnapsackRows.map { shape(variables: variables, knapsackRows: $0) }).relaxation
        }
        #expect(start(large, loadedKnapsackRows: 0) == .warmRootThenCold)
        #expect(start(large, loadedKnapsackRows: 3) == .warm)
        #expect(start(small, loadedKnapsackRows: 0) == .warmThenCold)
        #expect(start(small, loadedKnapsackRows: 3) == .warmThenCold)
        // A problem not kept between solves has no earlier basis to start from.
        #expect(start(large, loadedKnapsackRows: nil) == .warm)
    }

    @Test("an explicit strategy overrides the automatic choice")
    func override() {
        let settings = SearchSettings.choose(for: shape(variables: 10, knapsackRows: 0),
                                             strategy: SearchStrategy(relaxation: .warmRootThenCold), loaded: nil)
        #expect(settings.relaxation == .warmRootThenCold)
        #expect(settings.description.contains("relaxation warm-root-then-cold"))
        let off = SearchSettings.choose(for: shape(variables: 10, knapsackRows: 1), strategy: SearchStrategy(lagrangian: false), loaded: nil)
        #expect(!off.lagrangian)
        #expect(off.description.hasSuffix("lagrangian off"))
    }

    @Test("Lagrangian pruning: on for pure integer models with integral data up to the large-model size")
    func lagrangian() {
        let small = shape(variables: SearchSettings.largeModel, knapsackRows: 3)
        var large = small
        large.variables = SearchSettings.largeModel + 1
        var fractional = small
        fractional.integralData = false
        #expect(SearchSettings.choose(for: small, strategy: .automatic, loaded: nil).lagrangian)
        #expect(!SearchSettings.choose(for: large, strategy: .automatic, loaded: nil).lagrangian)
        #expect(!SearchSettings.choose(for: fractional, strategy: .automatic, loaded: nil).lagrangian)
        // With it, most-fractional branching from the penalty size on; Driebeck–Tomlin below.
        var below = small
        below.variables = SearchSettings.penaltyModel - 1
        #expect(SearchSettings.choose(for: small, strategy: .automatic, loaded: nil).branching == .mostFractional)
        #expect(SearchSettings.choose(for: below, strategy: .automatic, loaded: nil).branching == .driebeckTomlin)
        #expect(SearchSettings.choose(for: fractional, strategy: .automatic, loaded: nil).branching == .driebeckTomlin)
    }

    @Test("Lagrangian targets at the root from the penalty size on, with the pruning only")
    func targetsAtRoot() {
        let at = shape(variables: SearchSettings.penaltyModel, knapsackRows: 3)
        var below = at
        below.variables = SearchSettings.penaltyModel - 1
        #expect(SearchSettings.choose(for: at, strategy: .automatic, loaded: nil).targetsAtRoot)
        #expect(!SearchSettings.choose(for: below, strategy: .automatic, loaded: nil).targetsAtRoot)
        // Pruning off (by option, or without capacity rows): no targets either.
        #expect(!SearchSettings.choose(for: at, strategy: SearchStrategy(lagrangian: false), loaded: nil).targetsAtRoot)
        #expect(!SearchSettings.choose(for: shape(variables: 2_000, knapsackRows: 0), strategy: .automatic, loaded: nil).targetsAtRoot)
        // Forced on for a small model: the pruning, with the targets after GLPK's first nodes.
        let forced = SearchSettings.choose(for: below, strategy: SearchStrategy(lagrangian: true), loaded: nil)
        #expect(forced.lagrangian && !forced.targetsAtRoot)
    }
}
