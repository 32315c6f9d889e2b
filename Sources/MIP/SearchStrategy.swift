/// How a branch-and-bound search is configured: cutting planes, presolve, branching and
/// backtracking rules, primal heuristics and how the root relaxation is started.
///
/// Every field is optional: `nil` leaves the choice to the backend, which makes it from the
/// model's shape (see the backend's documentation for what it chooses and why). A value set
/// here overrides that choice for every solve, as glpsol's command-line options do.
public struct SearchStrategy: Sendable, Equatable, Hashable {
    /// Cutting plane families to generate, or `nil` for the backend's choice.
    public var cuts: CutFamilies?
    /// Whether to run the backend's integer presolver before branch-and-bound.
    public var presolve: Bool?
    /// Which fractional variable to branch on.
    public var branching: BranchingRule?
    /// Which open node to solve next.
    public var backtracking: BacktrackingRule?
    /// Primal heuristics to run.
    public var heuristics: PrimalHeuristics?
    /// Where the simplex method starts the root relaxation.
    public var relaxation: RelaxationStart?
    /// Whether to prune nodes and fix variables with the Lagrangian bound of the model's binary
    /// knapsack rows (``KnapsackLagrangian``).
    public var lagrangian: Bool?

    /// Creates a strategy; fields left `nil` are chosen by the backend.
    public init(cuts: CutFamilies? = nil, presolve: Bool? = nil, branching: BranchingRule? = nil,
                backtracking: BacktrackingRule? = nil, heuristics: PrimalHeuristics? = nil,
                relaxation: RelaxationStart? = nil, lagrangian: Bool? = nil) {
        self.cuts = cuts; self.presolve = presolve; self.branching = branching
        self.backtracking = backtracking; self.heuristics = heuristics; self.relaxation = relaxation
        self.lagrangian = lagrangian
    }

    /// Every choice left to the backend.
    public static let automatic = SearchStrategy()
}

/// Families of cutting planes.
public struct CutFamilies: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    /// Creates a set from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Mixed integer rounding cuts (derived from single rows and their aggregations).
    public static let mixedIntegerRounding = CutFamilies(rawValue: 1 << 0)
    /// Lifted cover inequalities of knapsack rows.
    public static let cover = CutFamilies(rawValue: 1 << 1)
    /// Clique inequalities from the conflict graph of binary variables.
    public static let clique = CutFamilies(rawValue: 1 << 2)
    /// Gomory's mixed integer cuts from the optimal simplex tableau.
    public static let gomory = CutFamilies(rawValue: 1 << 3)
    /// cadreplan's own lifted cover inequalities of binary capacity rows (``KnapsackCoverSeparator``).
    public static let liftedCover = CutFamilies(rawValue: 1 << 4)

    /// No cuts.
    public static let none: CutFamilies = []
    /// Every family.
    public static let all: CutFamilies = [.mixedIntegerRounding, .cover, .clique, .gomory, .liftedCover]

    /// Each family with its command-line name, in a fixed order.
    public static let named: [(name: String, family: CutFamilies)] = [
        ("mir", .mixedIntegerRounding), ("cover", .cover), ("clique", .clique), ("gomory", .gomory),
        ("lifted-cover", .liftedCover),
    ]

    /// The command-line names of the families in the set, comma-separated (`none` when empty).
    public var names: String {
        let list = Self.named.filter { contains($0.family) }.map(\.name)
        return list.isEmpty ? "none" : list.joined(separator: ",")
    }
}

/// Which fractional variable branch-and-bound branches on.
public enum BranchingRule: String, Sendable, Hashable, CaseIterable {
    /// The first fractional variable (lowest index).
    case firstFractional = "first"
    /// The last fractional variable.
    case lastFractional = "last"
    /// The variable whose value is farthest from an integer.
    case mostFractional = "most-fractional"
    /// Driebeck and Tomlin's penalty heuristic.
    case driebeckTomlin = "driebeck-tomlin"
    /// Hybrid pseudocosts (strong branching until pseudocosts are known).
    case pseudocost
}

/// Which open node branch-and-bound solves next.
public enum BacktrackingRule: String, Sendable, Hashable, CaseIterable {
    /// Depth first: the most recently created node.
    case depthFirst = "depth-first"
    /// Breadth first: the oldest node.
    case breadthFirst = "breadth-first"
    /// The node with the best local bound.
    case bestBound = "best-bound"
    /// The best projection heuristic (bound and fractionality together).
    case bestProjection = "best-projection"
}

/// Primal heuristics: ways to find integer solutions besides branching.
public struct PrimalHeuristics: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    /// Creates a set from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Simple rounding of each node's relaxation.
    public static let rounding = PrimalHeuristics(rawValue: 1 << 0)
    /// The feasibility pump, at the root.
    public static let feasibilityPump = PrimalHeuristics(rawValue: 1 << 1)
    /// Proximity search from the incumbent, at the root.
    public static let proximitySearch = PrimalHeuristics(rawValue: 1 << 2)
    /// cadreplan's own heuristic for assignment rows with capacities (``AssignmentHeuristic``).
    public static let assignment = PrimalHeuristics(rawValue: 1 << 3)
    /// Fractional diving: fix the most nearly integral variable, re-solve, repeat.
    public static let diving = PrimalHeuristics(rawValue: 1 << 4)
    /// cadreplan's tabu search of shifts and swaps for generalised assignment structure (``ShiftSwapHeuristic``).
    public static let shiftSwap = PrimalHeuristics(rawValue: 1 << 5)
    /// Relaxation induced neighbourhood search: the columns where the incumbent and a node's
    /// relaxation agree fixed, the rest solved by a small branch-and-bound.
    public static let neighbourhood = PrimalHeuristics(rawValue: 1 << 6)

    /// No heuristics.
    public static let none: PrimalHeuristics = []

    /// Each heuristic with its command-line name, in a fixed order.
    public static let named: [(name: String, heuristic: PrimalHeuristics)] = [
        ("rounding", .rounding), ("fpump", .feasibilityPump), ("proximity", .proximitySearch),
        ("dive", .diving), ("assignment", .assignment), ("shift-swap", .shiftSwap), ("rins", .neighbourhood),
    ]

    /// The command-line names of the heuristics in the set, comma-separated (`none` when empty).
    public var names: String {
        let list = Self.named.filter { contains($0.heuristic) }.map(\.name)
        return list.isEmpty ? "none" : list.joined(separator: ",")
    }
}

/// Where the simplex method starts a relaxation.
public enum RelaxationStart: String, Sendable, Hashable, CaseIterable {
    /// From the basis the previous solve left (fast when objectives change little).
    case warm
    /// From a fresh advanced basis.
    case cold
    /// Warm, then once more cold when the warm vertex is fractional: the cold simplex often
    /// ends on an integral vertex of the same optimal face.
    case warmThenCold = "warm-then-cold"
    /// Warm; when the warm vertex is fractional, the root node is searched from it first (cuts
    /// and heuristics often close the tier there), and only if the root does not close it, the
    /// relaxation is re-solved cold and searched in full. On a large model the cold simplex
    /// costs as much as the warm one, so it is paid only when it can help.
    case warmRootThenCold = "warm-root-then-cold"
}
