import CGLPK

/// Why an assignment problem was not solved.
///
/// Every refusal happens before GLPK sees the data where that is possible, because
/// GLPK's graph routines `abort()` the process on invalid arguments (an arc index out
/// of range, a vertex count of zero passed to `glp_add_vertices`).
public enum AssignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A count or an edge endpoint is out of range; GLPK was not called.
    case invalidInput(String)
    /// The costs are too large for GLPK's `int` arithmetic to be safe; GLPK was not called.
    /// A caller with another method at hand should use it instead.
    case overflowRisk(String)
    /// A perfect matching was asked for and none exists (GLPK's `GLP_ENOPFS`, or the
    /// two sides differ in size).
    case noPerfectMatching
    /// GLPK reported a failure (`GLP_EDATA`, `GLP_ERANGE`, `GLP_EFAIL` or an unknown code).
    case solverFailure(String)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .invalidInput(let why): "invalid assignment problem: \(why)"
        case .overflowRisk(let why): "assignment costs too large for GLPK's integer arithmetic: \(why)"
        case .noPerfectMatching: "no perfect matching exists"
        case .solverFailure(let why): "GLPK's assignment routine failed: \(why)"
        }
    }
}

/// A matching found by ``AssignmentSolver``.
public struct AssignmentSolution: Equatable, Sendable {
    /// Sum of the costs of the chosen edges (computed here in `Int`, exactly).
    public var total: Int
    /// Indices (into the caller's edge array) of the chosen edges, ascending.
    public var edges: [Int]
    /// For each left vertex, the right vertex it is matched to, or `nil` when it is free.
    public var partner: [Int?]
    /// Creates a solution.
    public init(total: Int, edges: [Int], partner: [Int?]) {
        self.total = total; self.edges = edges; self.partner = partner
    }
}

/// Bipartite assignment (matching) problems solved with GLPK's out-of-kilter routine
/// `glp_asnprob_okalg`, with no C type in the interface.
///
/// Assignment problems are network problems: a dedicated routine solves them exactly,
/// in polynomial time and with integer arithmetic, where a general branch-and-bound
/// would run the simplex method on a model with one column per edge.
///
/// Vertices are numbered from 0 on each side: left `0..<left`, right `0..<right`.
/// Edges go from a left to a right vertex; parallel edges are allowed (GLPK's routine
/// accepts them). Costs are integers, because the routine works in C `int`.
///
/// Threads: the graph lives in the calling thread's GLPK environment and is freed
/// before each call returns, so calls on different threads are independent when GLPK
/// is built with thread-local storage (see ``GLPKSolver/supportsConcurrentSolves``).
public enum AssignmentSolver {
    /// Which assignment problem to solve.
    public enum Form: Sendable, Equatable {
        /// A perfect matching of least total cost (`GLP_ASN_MIN`); needs `left == right`.
        case minimumCostPerfect
        /// A perfect matching of greatest total cost (`GLP_ASN_MAX`); needs `left == right`.
        case maximumCostPerfect
        /// A matching, not necessarily perfect, of greatest total cost: the maximum
        /// weight matching. Edges of cost ≤ 0 are never worth taking, so some vertices
        /// may stay free even when a perfect matching exists.
        ///
        /// Solved as a perfect matching of least cost on a doubled graph (see
        /// ``solve(_:left:right:edges:)``), not with GLPK's own `GLP_ASN_MMP` form: the
        /// latter starts with every positive-weight arc out of kilter and took about 80 s
        /// on OR-Library assignp800 where the doubled graph takes under 2 s (and the
        /// perfect-matching shortcut, when it applies, about 0.5 s).
        case maximumWeight
        /// The same problem as ``maximumWeight`` with GLPK's `GLP_ASN_MMP` form as it is;
        /// kept as an independent cross-check, too slow for large graphs.
        case maximumWeightDirect
    }

    /// GLPK's own limits on graph size (`NV_MAX`, `NA_MAX` in GLPK's graph.c): larger
    /// counts make `glp_add_vertices` / `glp_add_arc` abort instead of failing.
    static let maximumVertices = 100_000_000
    static let maximumEdges = 500_000_000

    /// Largest |cost| GLPK is given for a graph of `vertices` vertices.
    ///
    /// The out-of-kilter method keeps node potentials in C `int`; a potential is at
    /// most the cost of a simple path in the network, so it stays below
    /// max|cost| × (vertices + 1) (GLPK adds one node for its circulation). Keeping that
    /// product below half of `Int32.max` leaves room for the reduced-cost sums
    /// `cost + (pi[i] − pi[j])` too. GLPK checks for overflow itself (`GLP_ERANGE`);
    /// refusing early lets a caller fall back without relying on that check.
    /// For ``Form/maximumWeight`` the graph GLPK sees has `2·(left + right)` vertices
    /// and costs up to the largest edge cost.
    public static func costLimit(vertices: Int) -> Int {
        Int(Int32.max) / 2 / (max(vertices, 0) + 1)
    }

    /// Solves the assignment problem of the given `form`.
    ///
    /// - Parameters:
    ///   - left: Number of left vertices (GLPK's set R), ≥ 0.
    ///   - right: Number of right vertices (GLPK's set S), ≥ 0.
    ///   - edges: Allowed pairs with their integer cost.
    /// - Throws: ``AssignmentError/invalidInput(_:)`` for a negative count, too many
    ///   vertices or edges, or an endpoint out of range;
    ///   ``AssignmentError/overflowRisk(_:)`` when some |cost| exceeds
    ///   ``costLimit(vertices:)`` of the graph GLPK would see;
    ///   ``AssignmentError/noPerfectMatching`` for a perfect form without a perfect
    ///   matching; ``AssignmentError/solverFailure(_:)`` when GLPK fails.
    /// - Returns: An optimal matching and its total cost.
    public static func solve(_ form: Form, left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) -> AssignmentSolution {
        try validate(left: left, right: right, edges: edges)
        let chosen: [Int]
        switch form {
        case .minimumCostPerfect, .maximumCostPerfect:
            guard left == right else { throw .noPerfectMatching }
            try checkCosts(edges.lazy.map(\.cost), vertices: left + right)
            chosen = try run(form == .minimumCostPerfect ? GLP_ASN_MIN : GLP_ASN_MAX, left: left, right: right, edges: edges)
        case .maximumWeightDirect:
            try checkCosts(edges.lazy.map(\.cost), vertices: left + right)
            chosen = try run(GLP_ASN_MMP, left: left, right: right, edges: edges)
        case .maximumWeight:
            if let perfect = try maximumWeightBySquarePerfectMatching(n: left, right: right, edges: edges) {
                chosen = perfect
            } else {
                chosen = try maximumWeightByPerfectMatching(left: left, right: right, edges: edges)
            }
        }
        var partner = [Int?](repeating: nil, count: left)
        var rightUsed = [Bool](repeating: false, count: right)
        var total = 0
        for e in chosen {
            let edge = edges[e]
            // GLPK's result is checked, not trusted: a vertex matched twice would be a bug.
            guard partner[edge.left] == nil, !rightUsed[edge.right] else {
                throw .solverFailure("edge \(e) reuses a matched vertex")
            }
            partner[edge.left] = edge.right
            rightUsed[edge.right] = true
            total += edge.cost
        }
        if form == .minimumCostPerfect || form == .maximumCostPerfect, chosen.count != left {
            throw .solverFailure("GLPK reported a perfect matching with \(chosen.count) of \(left) vertices matched")
        }
        return AssignmentSolution(total: total, edges: chosen, partner: partner)
    }

    /// A maximum weight matching (``Form/maximumWeight``), as the indices of the chosen edges.
    ///
    /// Its signature uses only standard types so that a planner can take it as a plain
    /// function without depending on this module.
    public static func maximumWeightMatching(left: Int, right: Int, edges: [(left: Int, right: Int, weight: Int)]) throws(AssignmentError) -> [Int] {
        try solve(.maximumWeight, left: left, right: right, edges: edges.map { ($0.left, $0.right, $0.weight) }).edges
    }

    /// The maximum weight matching when it must be a perfect matching, or `nil` when
    /// that shortcut does not apply.
    ///
    /// When both sides have n vertices and n·(least weight) > (n − 1)·(greatest weight),
    /// every perfect matching outweighs every smaller one; weights of the form W − cost
    /// with a large W (the planner's combined tiers) are like that. If a perfect
    /// matching exists (GLPK's `glp_asnprob_hall` finds a largest matching quickly), the
    /// answer is the least-cost perfect matching with costs (greatest weight − w) ≥ 0, on
    /// the original graph: about three times faster than the doubled graph of
    /// ``maximumWeightByPerfectMatching(left:right:edges:)`` on OR-Library assignp800/1500.
    static func maximumWeightBySquarePerfectMatching(n: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) -> [Int]? {
        guard n == right, n > 0, let least = edges.lazy.map(\.cost).min(), let most = edges.lazy.map(\.cost).max(),
              case let (lhs, false) = n.multipliedReportingOverflow(by: least),
              case let (rhs, false) = (n - 1).multipliedReportingOverflow(by: most), lhs > rhs,
              case let (spread, false) = most.subtractingReportingOverflow(least),
              spread <= costLimit(vertices: 2 * n) else { return nil }
        let costs = edges.map { (left: $0.left, right: $0.right, cost: most - $0.cost) }
        return try GLPKTerminal.withOutput(to: LogSink(nil)) { () throws(AssignmentError) -> [Int]? in
            let graph = try GLPKGraph(left: n, right: n, edges: costs)
            guard try graph.largestMatchingSize() == n else { return nil }
            do throws(AssignmentError) {
                return try graph.solve(GLP_ASN_MIN)
            } catch .noPerfectMatching {
                throw .solverFailure("GLPK found no perfect matching after glp_asnprob_hall found one")
            }
        }
    }

    /// The maximum weight matching as a least-cost perfect matching on a doubled graph.
    ///
    /// Left side: the left vertices l and a copy r' of every right vertex; right side:
    /// the right vertices r and a copy l' of every left vertex. Arcs: l→r for every edge
    /// of positive weight w (cost K − w), l→l' (cost K: "l stays free"), r'→r (cost 0:
    /// "r stays free") and r'→l' for every kept edge (cost 0). In a perfect matching
    /// every l pays K once, minus w when it takes a real edge; the l' and r' left over
    /// by real edges pair up through the mirrored r'→l' arcs, and every matching of the
    /// original graph extends this way. So the least cost is left·K − (greatest weight),
    /// and all costs lie in [0, K]: every arc starts in kilter, which is what makes
    /// GLPK's out-of-kilter method fast here. Edges of weight ≤ 0 never help and are left out.
    static func maximumWeightByPerfectMatching(left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) -> [Int] {
        let kept = edges.indices.filter { edges[$0].cost > 0 }
        guard let k = kept.lazy.map({ edges[$0].cost }).max() else { return [] }
        let vertices = 2 * (left + right)
        guard vertices <= maximumVertices, 2 * kept.count + left + right <= maximumEdges else {
            throw .invalidInput("the doubled graph (\(vertices) vertices, \(2 * kept.count + left + right) edges) exceeds GLPK's limits")
        }
        try checkCosts(CollectionOfOne(k), vertices: vertices)
        var doubled: [(left: Int, right: Int, cost: Int)] = []
        doubled.reserveCapacity(2 * kept.count + left + right)
        for e in kept { doubled.append((edges[e].left, edges[e].right, k - edges[e].cost)) }
        for l in 0..<left { doubled.append((l, right + l, k)) }
        for r in 0..<right { doubled.append((left + r, r, 0)) }
        for e in kept { doubled.append((left + edges[e].right, right + edges[e].left, 0)) }
        let chosen: [Int]
        do {
            chosen = try run(GLP_ASN_MIN, left: left + right, right: right + left, edges: doubled)
        } catch .noPerfectMatching {
            // l→l' and r'→r always form a perfect matching.
            throw .solverFailure("GLPK found no perfect matching in a graph that has one")
        }
        // The first kept.count arcs are the real edges.
        return chosen.filter { $0 < kept.count }.map { kept[$0] }.sorted()
    }

    /// Builds the graph and runs `glp_asnprob_okalg` with GLPK's `form`; returns the chosen edges.
    private static func run(_ form: Int32, left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) -> [Int] {
        // glp_add_vertices aborts on a count of zero: the empty graph's only matching is empty (and perfect).
        if left + right == 0 { return [] }
        return try GLPKTerminal.withOutput(to: LogSink(nil)) { () throws(AssignmentError) -> [Int] in
            let graph = try GLPKGraph(left: left, right: right, edges: edges)
            return try graph.solve(form)
        }
    }

    /// Refuses costs whose magnitude exceeds ``costLimit(vertices:)``.
    static func checkCosts(_ costs: some Sequence<Int>, vertices: Int) throws(AssignmentError) {
        let limit = costLimit(vertices: vertices)
        for cost in costs where cost.magnitude > UInt(limit) {
            throw .overflowRisk("cost \(cost) with \(vertices) vertices; |cost| must be at most \(limit)")
        }
    }

    /// Refuses counts and endpoints GLPK would abort on (costs are checked per form).
    static func validate(left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) {
        guard left >= 0, right >= 0 else { throw .invalidInput("vertex counts must be at least 0, got left \(left), right \(right)") }
        guard left <= maximumVertices, right <= maximumVertices - left else {
            throw .invalidInput("\(left) + \(right) vertices exceed GLPK's limit of \(maximumVertices)")
        }
        guard edges.count <= maximumEdges else {
            throw .invalidInput("\(edges.count) edges exceed GLPK's limit of \(maximumEdges)")
        }
        for (e, edge) in edges.enumerated() {
            guard (0..<left).contains(edge.left), (0..<right).contains(edge.right) else {
                throw .invalidInput("edge \(e) joins left \(edge.left) and right \(edge.right), outside 0..<\(left) × 0..<\(right)")
            }
        }
    }
}

/// Owns one GLPK graph (`glp_graph*`) built for an assignment problem.
///
/// Freed with `glp_delete_graph` in `deinit`, so an early `throw` cannot leak it.
/// Like ``GLPKProblem`` it belongs to the creating thread's GLPK environment and never
/// escapes the synchronous call that made it.
final class GLPKGraph {
    /// Vertex data: the set flag, a C `int` at offset 0 (0 = left, GLPK's R; 1 = right, S).
    static let setOffset: Int32 = 0
    static let vertexSize: Int32 = 4
    /// Arc data: the cost, a C `double` at offset 0, and the solution flag x, a C `int` at offset 8.
    static let costOffset: Int32 = 0
    static let flowOffset: Int32 = 8
    static let arcSize: Int32 = 16

    let pointer: UnsafeMutablePointer<glp_graph>
    /// The arcs in the caller's edge order, to read the solution back.
    private var arcs: [UnsafeMutablePointer<glp_arc>] = []

    /// Builds the graph. Precondition: ``AssignmentSolver/validate(left:right:edges:)``
    /// accepted the data, every |cost| is within ``AssignmentSolver/costLimit(vertices:)``
    /// and `left + right > 0`.
    init(left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) {
        guard let pointer = glp_create_graph(Self.vertexSize, Self.arcSize) else {
            throw .solverFailure("GLPK could not create a graph")
        }
        self.pointer = pointer
        // GLPK numbers vertices from 1: left i is vertex i + 1, right j is vertex left + j + 1.
        _ = glp_add_vertices(pointer, Int32(left + right))
        for i in 1...(left + right) {
            // GLPK zero-fills vertex data, but the flag is the whole meaning of the vertex: set both.
            guard let vertex = pointer.pointee.v[i], let data = vertex.pointee.data else {
                throw .solverFailure("GLPK vertex \(i) has no data block")
            }
            data.storeBytes(of: Int32(i > left ? 1 : 0), toByteOffset: Int(Self.setOffset), as: Int32.self)
        }
        arcs.reserveCapacity(edges.count)
        for edge in edges {
            guard let arc = glp_add_arc(pointer, Int32(edge.left + 1), Int32(left + edge.right + 1)),
                  let data = arc.pointee.data else {
                throw .solverFailure("GLPK could not add an arc")
            }
            data.storeBytes(of: Double(edge.cost), toByteOffset: Int(Self.costOffset), as: Double.self)
            data.storeBytes(of: Int32(0), toByteOffset: Int(Self.flowOffset), as: Int32.self)
            arcs.append(arc)
        }
    }

    deinit { glp_delete_graph(pointer) }

    /// The size of a largest matching (`glp_asnprob_hall`), ignoring costs.
    func largestMatchingSize() throws(AssignmentError) -> Int {
        let size = glp_asnprob_hall(pointer, Self.setOffset, Self.flowOffset)
        // A negative answer means GLPK rejected the set flags, which are always 0 or 1 here.
        guard size >= 0 else { throw .solverFailure("glp_asnprob_hall rejected the graph (\(size))") }
        return Int(size)
    }

    /// Runs `glp_asnprob_okalg` with `form` (`GLP_ASN_MIN`, `GLP_ASN_MAX` or `GLP_ASN_MMP`)
    /// and returns the indices of the arcs in the matching.
    func solve(_ form: Int32) throws(AssignmentError) -> [Int] {
        var objective = 0.0
        let status = glp_asnprob_okalg(form, pointer, Self.setOffset, Self.costOffset, &objective, Self.flowOffset)
        switch status {
        case 0: break
        case GLP_ENOPFS: throw .noPerfectMatching
        default: throw .solverFailure(GLPKCodes.returnCode(status))
        }
        var chosen: [Int] = []
        for (e, arc) in arcs.enumerated() {
            guard let data = arc.pointee.data else { throw .solverFailure("GLPK arc \(e) lost its data block") }
            switch data.loadUnaligned(fromByteOffset: Int(Self.flowOffset), as: Int32.self) {
            case 0: continue
            case 1: chosen.append(e)
            case let x: throw .solverFailure("arc \(e) carries flow \(x), not 0 or 1")
            }
        }
        return chosen
    }
}
