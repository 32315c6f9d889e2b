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
    /// Which assignment problem to solve; the three forms of `glp_asnprob_okalg`.
    public enum Form: Sendable, Equatable {
        /// A perfect matching of least total cost (`GLP_ASN_MIN`); needs `left == right`.
        case minimumCostPerfect
        /// A perfect matching of greatest total cost (`GLP_ASN_MAX`); needs `left == right`.
        case maximumCostPerfect
        /// A matching, not necessarily perfect, of greatest total cost (`GLP_ASN_MMP`):
        /// the maximum weight matching. Edges of negative cost are never worth taking,
        /// so some vertices may stay free even when a perfect matching exists.
        case maximumWeight
    }

    /// GLPK's own limits on graph size (`NV_MAX`, `NA_MAX` in GLPK's graph.c): larger
    /// counts make `glp_add_vertices` / `glp_add_arc` abort instead of failing.
    static let maximumVertices = 100_000_000
    static let maximumEdges = 500_000_000

    /// Largest |cost| accepted for a graph of `vertices` vertices.
    ///
    /// The out-of-kilter method keeps node potentials in C `int`; a potential is at
    /// most the cost of a simple path in the network, so it stays below
    /// max|cost| × (vertices + 1) (GLPK adds one node for its circulation). Keeping that
    /// product below half of `Int32.max` leaves room for the reduced-cost sums
    /// `cost + (pi[i] − pi[j])` too. GLPK checks for overflow itself (`GLP_ERANGE`);
    /// refusing early lets a caller fall back without relying on that check.
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
    ///   ``costLimit(vertices:)``; ``AssignmentError/noPerfectMatching`` for a perfect
    ///   form without a perfect matching; ``AssignmentError/solverFailure(_:)`` when
    ///   GLPK fails.
    /// - Returns: An optimal matching and its total cost.
    public static func solve(_ form: Form, left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) -> AssignmentSolution {
        try validate(left: left, right: right, edges: edges)
        if form != .maximumWeight && left != right { throw .noPerfectMatching }
        // glp_add_vertices aborts on a count of zero: the empty graph's only matching is empty (and perfect).
        if left + right == 0 { return AssignmentSolution(total: 0, edges: [], partner: []) }
        let chosen = try GLPKTerminal.withOutput(to: LogSink(nil)) { () throws(AssignmentError) -> [Int] in
            let graph = try GLPKGraph(left: left, right: right, edges: edges)
            return try graph.solve(form)
        }
        var partner = [Int?](repeating: nil, count: left)
        var total = 0
        for e in chosen {
            let edge = edges[e]
            // GLPK's result is checked, not trusted: a vertex matched twice would be a GLPK bug.
            guard partner[edge.left] == nil else { throw .solverFailure("left vertex \(edge.left) matched twice") }
            partner[edge.left] = edge.right
            total += edge.cost
        }
        var rightUsed = [Bool](repeating: false, count: right)
        for e in chosen {
            guard !rightUsed[edges[e].right] else { throw .solverFailure("right vertex \(edges[e].right) matched twice") }
            rightUsed[edges[e].right] = true
        }
        if form != .maximumWeight && chosen.count != left {
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

    /// Refuses everything GLPK would abort on or might overflow with.
    static func validate(left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) throws(AssignmentError) {
        guard left >= 0, right >= 0 else { throw .invalidInput("vertex counts must be at least 0, got left \(left), right \(right)") }
        guard left <= maximumVertices, right <= maximumVertices - left else {
            throw .invalidInput("\(left) + \(right) vertices exceed GLPK's limit of \(maximumVertices)")
        }
        guard edges.count <= maximumEdges else {
            throw .invalidInput("\(edges.count) edges exceed GLPK's limit of \(maximumEdges)")
        }
        let limit = costLimit(vertices: left + right)
        for (e, edge) in edges.enumerated() {
            guard (0..<left).contains(edge.left), (0..<right).contains(edge.right) else {
                throw .invalidInput("edge \(e) joins left \(edge.left) and right \(edge.right), outside 0..<\(left) × 0..<\(right)")
            }
            guard edge.cost.magnitude <= UInt(limit) else {
                throw .overflowRisk("edge \(e) costs \(edge.cost); with \(left + right) vertices |cost| must be at most \(limit)")
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
    /// accepted the data and `left + right > 0`.
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

    /// Runs `glp_asnprob_okalg` and returns the indices of the arcs in the matching.
    func solve(_ form: AssignmentSolver.Form) throws(AssignmentError) -> [Int] {
        let code: Int32
        switch form {
        case .minimumCostPerfect: code = GLP_ASN_MIN
        case .maximumCostPerfect: code = GLP_ASN_MAX
        case .maximumWeight: code = GLP_ASN_MMP
        }
        var objective = 0.0
        let status = glp_asnprob_okalg(code, pointer, Self.setOffset, Self.costOffset, &objective, Self.flowOffset)
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
