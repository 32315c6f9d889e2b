import Foundation
import MIP

/// Finds maximum weight matchings in bipartite graphs; the planner's network fast path
/// hands pure assignment blocks to one.
///
/// The planner does not know which library implements it (GLPK stays behind the
/// GLPKSolver target); the executable and the tests supply one, e.g. GLPK's
/// out-of-kilter routine wrapped in ``MatchingRoutine``.
public protocol MatchingSolver: Sendable {
    /// A matching (not necessarily perfect) of greatest total weight.
    ///
    /// - Parameters:
    ///   - left: Number of left vertices, numbered `0..<left`.
    ///   - right: Number of right vertices, numbered `0..<right`.
    ///   - edges: The allowed pairs with their integer weights.
    /// - Returns: The indices of the chosen edges.
    /// - Throws: When the routine cannot solve the problem safely (e.g. weights too large
    ///   for its arithmetic); the planner then solves the block as an integer program.
    func maximumWeightMatching(left: Int, right: Int, edges: [(left: Int, right: Int, weight: Int)]) throws -> [Int]
}

/// A ``MatchingSolver`` made from a function, so that a routine from another module
/// plugs in without either module depending on the other.
public struct MatchingRoutine: MatchingSolver {
    /// The routine: `(left, right, edges) -> chosen edge indices`.
    public let body: @Sendable (Int, Int, [(left: Int, right: Int, weight: Int)]) throws -> [Int]
    /// Wraps `body`.
    public init(_ body: @escaping @Sendable (Int, Int, [(left: Int, right: Int, weight: Int)]) throws -> [Int]) {
        self.body = body
    }
    /// Calls ``body``.
    public func maximumWeightMatching(left: Int, right: Int, edges: [(left: Int, right: Int, weight: Int)]) throws -> [Int] {
        try body(left, right, edges)
    }
}

/// Solves blocks that are pure assignment problems as one maximum weight matching.
///
/// A block qualifies when its integer program is a bipartite matching in disguise: one
/// wave, every cadre class serves at most one target per member with no workload row,
/// and the only rows are "a dispatched cadre serves exactly one target" and "a target
/// gets at most its demand" — no quota row that can bind, no pins, no "dispatched once"
/// row. Cadre classes are expanded into one vertex per member and target classes into
/// one vertex per member and unit of demand (one-to-one means a cadre never meets the
/// same target twice, so demand copies are exact), within ``maximumExpandedEdges``.
///
/// The lexicographic objective then becomes one weight per edge. In one wave the tiers
/// between the first and the last that count are fixed multiples of the first (timeliness of
/// coverage; the principle and λ vanish when each cadre serves one target), so they are
/// optimal whenever the first is. With s = −(first tier's coefficient)/g (g the gcd, so s is
/// the smallest integer form) and c the last tier's coefficient, the weight is W·s − c with
/// W = 1 + K·(max c − min c) + max(|max c|, |min c|), K = min(left, right). Why W is
/// enough: if a matching M has a smaller first-tier gain Σs than some M*, some alternating path
/// or cycle P of M ⊕ M* gains at least 1 in Σs; it holds a ≤ K edges of M* and b ≤ K of
/// M with |a − b| ≤ 1, so switching M along P changes Σc by at most
/// K·(max c − min c) + max(|max c|, |min c|) < W, and M was not of maximum weight. Among
/// matchings with the best Σs, the weight is constant − Σc, so the maximum is the
/// tier-3 optimum. (W must cover matchings of different sizes, hence the extra term.)
///
/// Every check is made against the block's own integer program (its rows, bounds and
/// tier terms), not only against the scenario's rules, so a model that gains a new
/// kind of row is refused here rather than solved wrongly. When anything does not fit —
/// the structure, the size cap, `Int` arithmetic, or the routine throws — the block
/// goes to the general lexicographic solve.
enum NetworkFastPath {
    /// Most edges after expanding classes into members, unless the block needs no
    /// expansion (every class a single member, demand 1: then the graph has one edge per
    /// arc and is never larger than the integer program). Beyond this, the class integer
    /// program, whose size does not grow with class sizes, is the better method.
    static let maximumExpandedEdges = 50_000

    /// The block's lexicographic optimum computed as a matching, or `nil` when the block
    /// does not qualify or the routine fails (the caller then solves it as an integer program).
    static func solve(block: Block, model bm: BlockModel, partition q: ClassPartition,
                      matching: any MatchingSolver, options: PlannerOptions) -> BlockSolution? {
        // Files written with --write-model would miss this block's tiers.
        guard options.modelSink == nil else { return nil }
        let started = DispatchTime.now().uptimeNanoseconds
        guard let graph = Graph(block: block, model: bm, partition: q) else { return nil }
        guard let chosen = try? matching.maximumWeightMatching(left: graph.left, right: graph.right, edges: graph.edges),
              let values = graph.values(of: chosen, model: bm, partition: q) else { return nil }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var result = BlockSolution(tiers: [], values: values)
        for (t, tier) in bm.tiers.enumerated() {
            let value = Int(Model.evaluate(tier.terms, constant: tier.constant, at: values).rounded())
            // The matching takes its time once for all tiers; it is booked on the first.
            result.tiers.append(TierOutcome(tier: tier.tier, exact: value, seconds: t == 0 ? seconds : 0))
        }
        return result
    }

    /// The weighted bipartite graph of a qualifying block.
    struct Graph {
        var left = 0
        var right = 0
        var edges: [(left: Int, right: Int, weight: Int)] = []
        /// The arc (index into the partition's arcs) each edge belongs to.
        var arcOfEdge: [Int] = []

        /// Builds the graph, or returns `nil` when the block is not a pure assignment problem.
        init?(block: Block, model bm: BlockModel, partition q: ClassPartition) {
            guard let first = block.arcs.first else { return nil }
            let wave = q.arcs[first].wave
            guard block.arcs.allSatisfy({ q.arcs[$0].wave == wave }), block.keepGroups.isEmpty,
                  block.cadreClasses.allSatisfy({ q.cadreClasses[$0].dispatchedIn == nil }) else { return nil }
            guard block.cadreClasses.allSatisfy({ q.cadreClasses[$0].countLimit == 1 && !q.cadreClasses[$0].needsLoadRow }) else { return nil }
            let index = VariableIndex(block: block, model: bm)
            guard Self.isMatchingModel(block: block, model: bm, partition: q, index: index),
                  let (s, c) = Self.edgeObjective(block: block, model: bm, index: index) else { return nil }

            // Vertices: each cadre class's members, each target class's members × demand.
            var leftStart: [Int: Int] = [:], rightStart: [Int: Int] = [:]
            for k in block.cadreClasses { leftStart[k] = left; left += q.cadreClasses[k].members.count }
            for m in block.targetClasses {
                rightStart[m] = right
                let tc = q.targetClasses[m]
                guard case let (copies, false) = tc.members.count.multipliedReportingOverflow(by: tc.demand) else { return nil }
                right += copies
            }
            var edgeCount = 0
            for i in block.arcs {
                let a = q.arcs[i], tc = q.targetClasses[a.targetClass]
                edgeCount += q.cadreClasses[a.cadreClass].members.count * tc.members.count * tc.demand
                guard edgeCount <= max(block.arcs.count, NetworkFastPath.maximumExpandedEdges) else { return nil }
            }

            // W = 1 + K·(max c − min c) + max(|max c|, |min c|), in checked arithmetic.
            let minC = c.min() ?? 0, maxC = c.max() ?? 0
            let k = min(left, right)
            guard case let (spread, false) = maxC.subtractingReportingOverflow(minC),
                  case let (paths, false) = spread.multipliedReportingOverflow(by: k),
                  case let (w0, false) = paths.addingReportingOverflow(max(abs(maxC), abs(minC))),
                  case let (w, false) = w0.addingReportingOverflow(1) else { return nil }

            edges.reserveCapacity(edgeCount)
            arcOfEdge.reserveCapacity(edgeCount)
            for (j, i) in block.arcs.enumerated() {
                let a = q.arcs[i]
                guard case let (scaled, false) = w.multipliedReportingOverflow(by: s[j]),
                      case let (weight, false) = scaled.subtractingReportingOverflow(c[j]) else { return nil }
                let l0 = leftStart[a.cadreClass]!, r0 = rightStart[a.targetClass]!
                let tc = q.targetClasses[a.targetClass]
                for l in l0..<(l0 + q.cadreClasses[a.cadreClass].members.count) {
                    for r in r0..<(r0 + tc.members.count * tc.demand) {
                        edges.append((l, r, weight))
                        arcOfEdge.append(i)
                    }
                }
            }
        }

        /// What each model variable is: an arc's z or a (class, wave)'s n. Arrays by
        /// variable index, because the checks below visit every term of every row.
        struct VariableIndex {
            /// Arc index of each z variable, −1 for others.
            var arc: [Int]
            /// (class, wave) of each n variable, `nil` for others.
            var dispatch: [BlockModel.ClassWave?]
            /// The z variable index of each arc of the block, in block order.
            var arcVariables: [Int]

            init(block: Block, model bm: BlockModel) {
                let count = bm.model.variables.count
                arc = [Int](repeating: -1, count: count)
                dispatch = [BlockModel.ClassWave?](repeating: nil, count: count)
                for (i, v) in bm.arcVariable { arc[v.index] = i }
                for (key, v) in bm.dispatchVariable { dispatch[v.index] = key }
                arcVariables = block.arcs.map { bm.arcVariable[$0]?.index ?? -1 }
            }
        }

        /// Whether the block's rows and bounds are exactly those of a bipartite matching:
        /// every variable is an n or a z with lower bound 0 and an upper bound the matching
        /// respects by itself; every row is either `Σ z − n = 0` of one (class, wave) or
        /// `Σ z ≤ |m|·demand` of one target class. Any other row (quota, once, load,
        /// distinct, or a kind added later) makes the block not qualify.
        static func isMatchingModel(block: Block, model bm: BlockModel, partition q: ClassPartition, index: VariableIndex) -> Bool {
            let model = bm.model
            guard model.variables.count == bm.dispatchVariable.count + bm.arcVariable.count,
                  bm.arcVariable.count == block.arcs.count, !index.arcVariables.contains(-1) else { return false }
            for (key, v) in bm.dispatchVariable {
                let spec = model.variables[v.index], size = Double(q.cadreClasses[key.cadreClass].members.count)
                guard spec.lower == 0, spec.upper.map({ $0 >= size }) ?? true else { return false }
            }
            for (i, v) in bm.arcVariable {
                let a = q.arcs[i], tc = q.targetClasses[a.targetClass]
                let most = Double(min(q.cadreClasses[a.cadreClass].members.count, tc.members.count * tc.demand))
                let spec = model.variables[v.index]
                guard spec.lower == 0, spec.upper.map({ $0 >= most }) ?? true else { return false }
            }
            var arcsOfKey: [BlockModel.ClassWave: Int] = [:], arcsInto: [Int: Int] = [:]
            for i in block.arcs {
                arcsOfKey[BlockModel.ClassWave(cadreClass: q.arcs[i].cadreClass, wave: q.arcs[i].wave), default: 0] += 1
                arcsInto[q.arcs[i].targetClass, default: 0] += 1
            }
            var serveRows = Set<BlockModel.ClassWave>(), demandRows = Set<Int>()
            for row in model.constraints {
                var key: BlockModel.ClassWave? = nil
                var arcs: [Int] = []
                arcs.reserveCapacity(row.terms.count)
                for term in row.terms {
                    if let k = index.dispatch[term.variable.index] {
                        // At most one n per row, with coefficient −1.
                        guard key == nil, term.coefficient == -1 else { return false }
                        key = k
                    } else {
                        let i = index.arc[term.variable.index]
                        guard i >= 0, term.coefficient == 1 else { return false }
                        arcs.append(i)
                    }
                }
                guard Set(arcs).count == arcs.count else { return false }
                if let key {
                    // Σ z − n = 0 over exactly the arcs of n's (class, wave).
                    guard row.lower == 0, row.upper == 0, arcs.count == arcsOfKey[key],
                          arcs.allSatisfy({ q.arcs[$0].cadreClass == key.cadreClass && q.arcs[$0].wave == key.wave }),
                          serveRows.insert(key).inserted else { return false }
                } else {
                    // Σ z ≤ |m|·demand over exactly the arcs into one target class.
                    guard let m = arcs.first.map({ q.arcs[$0].targetClass }), arcs.count == arcsInto[m],
                          arcs.allSatisfy({ q.arcs[$0].targetClass == m }), row.lower.map({ $0 <= 0 }) ?? true else { return false }
                    let tc = q.targetClasses[m]
                    guard row.upper == Double(tc.members.count * tc.demand), demandRows.insert(m).inserted else { return false }
                }
            }
            // Without its serve row a dispatch variable would be free of its arcs, and a target
            // class without its demand row could take more cadres than its vertices allow.
            return serveRows.count == bm.dispatchVariable.count && demandRows == Set(block.targetClasses)
        }

        /// Per arc, in block order: s (the first tier that counts, as a gain divided by the gcd)
        /// and c (the last tier that counts), read from the block's tier terms, whatever their
        /// names and order. `nil` unless every tier between those two is a fixed multiple of the
        /// first (so that keeping the first at its optimum fixes it), all on arc variables with
        /// integer coefficients. Tiers with no terms count for nothing and are skipped.
        static func edgeObjective(block: Block, model bm: BlockModel, index: VariableIndex) -> (s: [Int], c: [Int])? {
            var coefficients: [[Int]] = []
            for tier in bm.tiers {
                var byVariable = [Int](repeating: 0, count: bm.model.variables.count)
                for term in tier.terms {
                    guard index.arc[term.variable.index] >= 0, term.coefficient == term.coefficient.rounded(),
                          abs(term.coefficient) < 1e15 else { return nil }
                    byVariable[term.variable.index] += Int(term.coefficient)
                }
                let perArc = block.arcs.indices.map { byVariable[index.arcVariables[$0]] }
                if perArc.contains(where: { $0 != 0 }) { coefficients.append(perArc) }
            }
            guard let t1 = coefficients.first else { return (block.arcs.map { _ in 0 }, block.arcs.map { _ in 0 }) }
            let last = coefficients.count > 1 ? coefficients[coefficients.count - 1] : block.arcs.map { _ in 0 }
            // Each middle tier = ρ·first (+ constant): keeping the first at its optimum fixes it.
            // Checked as t[a]·t1[r] == t[r]·t1[a] for a reference arc r with t1[r] ≠ 0.
            let r = t1.firstIndex(where: { $0 != 0 })!
            for t in coefficients.dropFirst().dropLast() {
                for j in t1.indices {
                    let (lhs, o1) = t[j].multipliedReportingOverflow(by: t1[r])
                    let (rhs, o2) = t[r].multipliedReportingOverflow(by: t1[j])
                    guard !o1, !o2, lhs == rhs else { return nil }
                }
            }
            // The first tier is minimised: its gain per pair is −coefficient, reduced by the gcd.
            let g = t1.reduce(0) { gcd($0, $1.magnitude) }
            let s = t1.map { -$0 / g }
            return (s, last)
        }

        static func gcd(_ a: Int, _ b: UInt) -> Int {
            var (x, y) = (UInt(a), b)
            while y != 0 { (x, y) = (y, x % y) }
            return Int(x)
        }

        /// The block's variable values for the chosen edges, or `nil` if the routine's
        /// answer is not a matching of this graph (a vertex used twice, an index out of range).
        func values(of chosen: [Int], model bm: BlockModel, partition q: ClassPartition) -> [Double]? {
            var leftUsed = [Bool](repeating: false, count: left), rightUsed = [Bool](repeating: false, count: right)
            var values = [Double](repeating: 0, count: bm.model.variables.count)
            for e in chosen {
                guard edges.indices.contains(e), !leftUsed[edges[e].left], !rightUsed[edges[e].right] else { return nil }
                leftUsed[edges[e].left] = true
                rightUsed[edges[e].right] = true
                let a = q.arcs[arcOfEdge[e]]
                // z counts the pairs along the arc; n = Σ z of its (class, wave), the serve row.
                values[bm.arcVariable[arcOfEdge[e]]!.index] += 1
                values[bm.dispatchVariable[BlockModel.ClassWave(cadreClass: a.cadreClass, wave: a.wave)]!.index] += 1
            }
            return values
        }
    }
}
