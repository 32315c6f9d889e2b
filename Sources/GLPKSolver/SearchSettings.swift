import CGLPK
import MIP

/// The settings of one GLPK solve, every choice made: what ``SearchSettings/choose(for:strategy:loaded:)``
/// derives from a ``MIP/SearchStrategy`` and the model's shape.
///
/// This is the one place where cadreplan's defaults for GLPK are decided; each default is
/// documented here with the measurement behind it (the figures are in docs/PERFORMANCE.md,
/// section "Solver strategy").
struct SearchSettings: Equatable, CustomStringConvertible {
    var cuts: CutFamilies
    var presolve: Bool
    var branching: BranchingRule
    var backtracking: BacktrackingRule
    var heuristics: PrimalHeuristics
    var relaxation: RelaxationStart
    /// Whether nodes are pruned and columns fixed by the Lagrangian bound of the knapsack rows.
    var lagrangian: Bool
    /// Whether the Lagrangian target searches start when the root is bounded, rather than once
    /// GLPK has searched a few hundred nodes without finishing (``LagrangianTargets``).
    var targetsAtRoot = false
    /// Whether GLPK tightens bounds by preprocessing at every node (`pp_tech` all) or at the
    /// root only. Not an option of glpsol's, so not one of ``MIP/SearchStrategy``'s: chosen here.
    var preprocessEveryNode: Bool

    /// The automatic choice for `shape`, with every field `strategy` sets taken from it.
    ///
    /// `loaded` is the shape of the rows a kept problem object was loaded with (before the keep
    /// rows of earlier tiers, whose tier weights would make any model look capacity-bound), or
    /// `nil` when the problem is not kept between solves (no warm start possible).
    static func choose(for shape: ModelShape, strategy: SearchStrategy, loaded: ModelShape?) -> SearchSettings {
        var settings = automatic(for: shape, loaded: loaded)
        if let cuts = strategy.cuts { settings.cuts = cuts }
        if let presolve = strategy.presolve { settings.presolve = presolve }
        if let branching = strategy.branching { settings.branching = branching }
        if let backtracking = strategy.backtracking { settings.backtracking = backtracking }
        if let heuristics = strategy.heuristics { settings.heuristics = heuristics }
        if let relaxation = strategy.relaxation { settings.relaxation = relaxation }
        if let lagrangian = strategy.lagrangian { settings.lagrangian = lagrangian }
        // From ``penaltyModel`` columns a node of GLPK's costs milliseconds and the targets pay
        // at once (gapc-6: 2.6 s from the root, 16.6 s after 200 nodes); below it most models
        // end in fewer nodes than the searches would cost (the property test of 100 small
        // one-to-many scenarios: 296 s in a debug build with the searches at every root).
        settings.targetsAtRoot = settings.lagrangian && shape.variables >= penaltyModel
        return settings
    }

    /// cadreplan's defaults, from the model's shape.
    private static func automatic(for shape: ModelShape, loaded: ModelShape?) -> SearchSettings {
        // Models with integral data: cadreplan's own heuristics can check their points exactly.
        // Dives re-solve the relaxation once per fixing round: on hainan-2022's 32,000-column
        // block they cost more than they find (default mode: 19.7 s with them, 4.3 s without,
        // docs/PERFORMANCE.md), so large models go without. The shift-and-swap tabu search
        // (GAP structure) found the optima that left gapb-4, gapc-4 and gapc-6 unproven at 60 s
        // (docs/PERFORMANCE.md); its effort grows with jobs², so it too is for models up to
        // ``largeModel`` columns.
        let exact = shape.pureInteger && shape.integralData
        let large = shape.variables > largeModel
        // Lagrangian pruning (``LagrangianPruning``) on pure integer models with capacity rows. Its
        // node bounds make a node cheap to discard, and Driebeck–Tomlin's penalties then cost more
        // than they save: with most-fractional branching gapb-4 and gapc-4 are proven in 43 s and
        // 45 s, with Driebeck–Tomlin neither in 60 s (docs/PERFORMANCE.md).
        let bounded = exact && !large && shape.knapsackRows > 0
        // Below ``penaltyModel`` columns the penalties are cheap and their better choices pay: the
        // quick pass's twenty small one-to-many scenarios took 17 % more nodes (and 1.3× the
        // time) with most-fractional branching.
        let cheapBranching = large || (bounded && shape.variables >= penaltyModel)
        // A cold restart re-solves the relaxation from scratch to land on another vertex of the
        // optimal face. On network-like rows (one-to-one) that vertex is often integral (the 10×
        // preset: 849 nodes against a root close); with capacity rows (one-to-many, one-to-one-first)
        // it rarely is, and on a large model the restart itself costs a full simplex: hainan-2022's
        // default mode spends 0.4 s + 0.9 s in its two restarts and then searches more (536 nodes
        // against 64 warm, docs/PERFORMANCE.md). Small capacity models (GAP) keep the restart. The
        // rows as loaded decide: the keep rows added after each tier carry the tier's weights and
        // would make a one-to-one block look capacity-bound (10× preset one-to-one: 23 s warm, 8 s).
        // A large block without capacity rows first searches the warm vertex's root: hainan-2022
        // one-to-one closes every tier there, and the cold restart it then skips cost 0.33 s of
        // the 0.78 s solve; the 10× preset's quality tier does not close there and restarts cold.
        return SearchSettings(
            cuts: [.mixedIntegerRounding, .liftedCover],
            presolve: false,
            branching: cheapBranching ? .mostFractional : .driebeckTomlin,
            backtracking: .bestBound,
            heuristics: exact ? (large ? [.rounding, .assignment] : [.rounding, .diving, .assignment, .shiftSwap, .neighbourhood]) : [.rounding],
            relaxation: loaded.map { large ? ($0.knapsackRows > 0 ? .warm : .warmRootThenCold) : .warmThenCold } ?? .warm,
            lagrangian: bounded,
            preprocessEveryNode: !large)
    }

    /// Columns from which most-fractional branching replaces Driebeck–Tomlin's on models with
    /// Lagrangian pruning (the smallest hard GAP problems, gapb-4 and gapc-4, have 2,010).
    static let penaltyModel = 1_500

    /// Columns above which a node's fixed costs (Driebeck–Tomlin penalties, bound
    /// preprocessing, both linear in the columns) dominate the search.
    static let largeModel = 8_000

    /// Writes the settings into GLPK's branch-and-bound parameters.
    func apply(to parameters: inout glp_iocp) {
        parameters.mir_cuts = cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parameters.cov_cuts = cuts.contains(.cover) ? GLP_ON : GLP_OFF
        parameters.clq_cuts = cuts.contains(.clique) ? GLP_ON : GLP_OFF
        parameters.gmi_cuts = cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.pp_tech = preprocessEveryNode ? GLP_PP_ALL : GLP_PP_ROOT
        parameters.br_tech = switch branching {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .pseudocost: GLP_BR_PCH
        }
        parameters.bt_tech = switch backtracking {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
        parameters.sr_heur = heuristics.contains(.rounding) ? GLP_ON : GLP_OFF
        parameters.fp_heur = heuristics.contains(.feasibilityPump) ? GLP_ON : GLP_OFF
        parameters.ps_heur = heuristics.contains(.proximitySearch) ? GLP_ON : GLP_OFF
    }

    /// One line for the solver log, e.g. `cuts mir, presolve off, branching driebeck-tomlin, …`.
    var description: String {
        "cuts \(cuts.names), presolve \(presolve ? "on" : "off"), branching \(branching.rawValue), "
            + "backtracking \(backtracking.rawValue), heuristics \(heuristics.names), relaxation \(relaxation.rawValue)"
            + ", lagrangian \(lagrangian ? "on" : "off")"
    }
}
