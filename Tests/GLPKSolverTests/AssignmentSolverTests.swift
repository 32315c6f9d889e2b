import GLPKSolver
import Testing

/// GLPK's assignment routine (`glp_asnprob_okalg`) behind ``AssignmentSolver``, on
/// matchings worked out by hand and against brute force.
@Suite("AssignmentSolver")
struct AssignmentSolverTests {
    /// Costs of a 3×3 assignment problem (rows = left vertices, columns = right vertices):
    ///
    ///          r0 r1 r2
    ///     l0 [  4  1  3 ]
    ///     l1 [  2  0  5 ]
    ///     l2 [  3  2  2 ]
    ///
    /// By hand, the six perfect matchings (right vertex of l0, l1, l2) cost
    /// (0,1,2) 4+0+2 = 6, (0,2,1) 4+5+2 = 11, (1,0,2) 1+2+2 = 5, (1,2,0) 1+5+3 = 9,
    /// (2,0,1) 3+2+2 = 7, (2,1,0) 3+0+3 = 6. The minimum is 5, uniquely l0→r1, l1→r0,
    /// l2→r2; the maximum is 11, uniquely l0→r0, l1→r2, l2→r1. Greedy by smallest cost
    /// would take l1→r1 (0) first and end at 6, so the routine must really optimise.
    static let dense3: [(left: Int, right: Int, cost: Int)] = {
        let cost = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        return (0..<3).flatMap { i in (0..<3).map { j in (i, j, cost[i][j]) } }
    }()

    @Test("3×3: minimum perfect matching costs 5 (l0→r1, l1→r0, l2→r2)")
    func minimumPerfect() throws {
        let s = try AssignmentSolver.solve(.minimumCostPerfect, left: 3, right: 3, edges: Self.dense3)
        #expect(s.total == 5)
        #expect(s.partner == [1, 0, 2])
        #expect(s.edges == [1, 3, 8])
    }

    @Test("3×3: maximum perfect matching costs 11 (l0→r0, l1→r2, l2→r1)")
    func maximumPerfect() throws {
        let s = try AssignmentSolver.solve(.maximumCostPerfect, left: 3, right: 3, edges: Self.dense3)
        #expect(s.total == 11)
        #expect(s.partner == [0, 2, 1])
    }

    /// l0 and l1 can both only use r0 (Hall's condition fails for {l0, l1}): no perfect matching.
    @Test("no perfect matching: two left vertices share their only neighbour")
    func infeasiblePerfect() {
        let edges = [(left: 0, right: 0, cost: 1), (left: 1, right: 0, cost: 1), (left: 2, right: 1, cost: 1), (left: 2, right: 2, cost: 1)]
        #expect(throws: AssignmentError.noPerfectMatching) {
            try AssignmentSolver.solve(.minimumCostPerfect, left: 3, right: 3, edges: edges)
        }
        // Sides of different sizes never have a perfect matching; refused without GLPK.
        #expect(throws: AssignmentError.noPerfectMatching) {
            try AssignmentSolver.solve(.maximumCostPerfect, left: 2, right: 3, edges: [(0, 0, 1), (1, 1, 1)])
        }
    }

    /// Weights l0–r0 5, l0–r1 4, l1–r0 4, l2–r2 −3. l1 can only use r0, so the matchings
    /// with two edges are {l0–r1, l1–r0} = 8; one edge gives at most 5; the negative edge
    /// only lowers any total. The maximum is 8 with l2 and r2 free (greedy would stop at 5).
    @Test("maximum weight matching: 8, leaving l2 and r2 free and the negative edge out")
    func maximumWeightLeavesVerticesFree() throws {
        let edges = [(left: 0, right: 0, cost: 5), (left: 0, right: 1, cost: 4), (left: 1, right: 0, cost: 4), (left: 2, right: 2, cost: -3)]
        for form in [AssignmentSolver.Form.maximumWeight, .maximumWeightDirect] {
            let s = try AssignmentSolver.solve(form, left: 3, right: 3, edges: edges)
            #expect(s.total == 8)
            #expect(s.partner == [1, 0, nil])
            #expect(s.edges == [1, 2])
        }
    }

    /// Weights l0–r0 10, l0–r1 3, l1–r0 3: the perfect matching {l0–r1, l1–r0} weighs 6,
    /// the single edge l0–r0 weighs 10, so the maximum weight matching is not perfect.
    @Test("maximum weight matching prefers one heavy edge to a lighter perfect matching")
    func heavyEdgeBeatsPerfect() throws {
        let edges = [(left: 0, right: 0, cost: 10), (left: 0, right: 1, cost: 3), (left: 1, right: 0, cost: 3)]
        let s = try AssignmentSolver.solve(.maximumWeight, left: 2, right: 2, edges: edges)
        #expect(s.total == 10)
        #expect(s.partner == [0, nil])
        #expect(try AssignmentSolver.maximumWeightMatching(left: 2, right: 2, edges: edges.map { ($0.left, $0.right, $0.cost) }) == [0])
    }

    @Test("empty graphs and vertices without edges")
    func emptyCases() throws {
        #expect(try AssignmentSolver.solve(.maximumWeight, left: 0, right: 0, edges: []) == AssignmentSolution(total: 0, edges: [], partner: []))
        #expect(try AssignmentSolver.solve(.minimumCostPerfect, left: 0, right: 0, edges: []).total == 0)
        #expect(try AssignmentSolver.solve(.maximumWeight, left: 2, right: 0, edges: []).partner == [nil, nil])
        #expect(try AssignmentSolver.solve(.maximumWeight, left: 2, right: 3, edges: []).edges == [])
        #expect(try AssignmentSolver.solve(.maximumWeightDirect, left: 2, right: 3, edges: [(0, 0, -1)]).edges == [])
    }

    @Test("invalid counts and endpoints are refused before GLPK sees them")
    func invalidInput() {
        let cases: [(Int, Int, [(left: Int, right: Int, cost: Int)])] = [
            (-1, 2, []),
            (2, -1, []),
            (2, 2, [(2, 0, 1)]),       // left index past the end
            (2, 2, [(0, 2, 1)]),       // right index past the end
            (2, 2, [(-1, 0, 1)]),
            (2, 2, [(0, -1, 1)]),
            (100_000_000, 1, []),      // above GLPK's vertex limit
        ]
        for (left, right, edges) in cases {
            #expect {
                try AssignmentSolver.solve(.maximumWeight, left: left, right: right, edges: edges)
            } throws: { error in
                guard case AssignmentError.invalidInput = error else { return false }
                return true
            }
        }
    }

    /// GLPK's routine works in C `int`: costs whose magnitude times the vertex count
    /// could overflow are refused, so a caller can fall back to another method.
    @Test("costs that risk int overflow are refused; the limit itself is accepted")
    func overflowRisk() throws {
        let limit = AssignmentSolver.costLimit(vertices: 4)
        #expect(limit == Int(Int32.max) / 2 / 5)
        for cost in [limit + 1, -(limit + 1), Int(Int32.max), Int.max, Int.min] {
            for form in [AssignmentSolver.Form.minimumCostPerfect, .maximumCostPerfect, .maximumWeightDirect] {
                #expect {
                    try AssignmentSolver.solve(form, left: 2, right: 2, edges: [(0, 0, cost), (1, 1, 0)])
                } throws: { error in
                    guard case AssignmentError.overflowRisk = error else { return false }
                    return true
                }
            }
        }
        // Perfect matchings: {l0–r0, l1–r1} = 2·limit − 1 and {l0–r1, l1–r0} = −limit + limit = 0.
        let edges = [(left: 0, right: 0, cost: limit), (left: 0, right: 1, cost: -limit), (left: 1, right: 1, cost: limit - 1), (left: 1, right: 0, cost: limit)]
        #expect(try AssignmentSolver.solve(.minimumCostPerfect, left: 2, right: 2, edges: edges).total == 0)
        #expect(try AssignmentSolver.solve(.maximumCostPerfect, left: 2, right: 2, edges: edges).total == 2 * limit - 1)

        // The maximum weight form hands GLPK a doubled graph (2·(left + right) vertices) whose
        // costs reach the largest positive weight; weights ≤ 0 are dropped, so they never overflow.
        let doubled = AssignmentSolver.costLimit(vertices: 8)
        for weight in [doubled + 1, Int(Int32.max), Int.max] {
            #expect {
                try AssignmentSolver.solve(.maximumWeight, left: 2, right: 2, edges: [(0, 0, weight)])
            } throws: { error in
                guard case AssignmentError.overflowRisk = error else { return false }
                return true
            }
        }
        let s = try AssignmentSolver.solve(.maximumWeight, left: 2, right: 2, edges: [(0, 0, doubled), (1, 1, Int.min), (1, 0, doubled - 1)])
        #expect(s.total == doubled)
        #expect(s.partner == [0, nil])
    }

    /// Random graphs up to 6×6 against exhaustive search, for all three forms.
    @Test("agrees with brute force on random graphs", arguments: 1...40)
    func bruteForce(seed: Int) throws {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let left = 1 + next(6), right = 1 + next(6)
        var edges: [(left: Int, right: Int, cost: Int)] = []
        for i in 0..<left { for j in 0..<right where next(3) > 0 { edges.append((i, j, next(41) - 10)) } }
        let best = Self.exhaustive(left: left, right: right, edges: edges)
        for form in [AssignmentSolver.Form.maximumWeight, .maximumWeightDirect] {
            let mmp = try AssignmentSolver.solve(form, left: left, right: right, edges: edges)
            #expect(mmp.total == best.maxWeight, "seed \(seed), \(form)")
            #expect(mmp.total == mmp.edges.reduce(0) { $0 + edges[$1].cost })
        }
        for (form, expected) in [(AssignmentSolver.Form.minimumCostPerfect, best.minPerfect), (.maximumCostPerfect, best.maxPerfect)] {
            if let expected {
                #expect(try AssignmentSolver.solve(form, left: left, right: right, edges: edges).total == expected, "seed \(seed)")
            } else {
                #expect(throws: AssignmentError.noPerfectMatching) { try AssignmentSolver.solve(form, left: left, right: right, edges: edges) }
            }
        }
    }

    /// Square graphs with weights 100 − cost (costs 0…9, n ≤ 6): every perfect matching
    /// outweighs every smaller one, so the solver takes its perfect-matching shortcut
    /// whenever a perfect matching exists, and the doubled graph otherwise. Both must
    /// agree with brute force and with GLPK's own maximum matching form.
    @Test("large uniform offsets: the perfect-matching shortcut agrees with brute force", arguments: 1...40)
    func shortcutAgreesWithBruteForce(seed: Int) throws {
        var state = UInt64(seed) &* 0xD1B5_4A32_D192_ED03
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let n = 1 + next(6)
        var edges: [(left: Int, right: Int, cost: Int)] = []
        // Sparse enough that some graphs have no perfect matching.
        for i in 0..<n { for j in 0..<n where next(5) < 2 || i == j && seed % 2 == 0 { edges.append((i, j, 100 - next(10))) } }
        let best = Self.exhaustive(left: n, right: n, edges: edges)
        let fast = try AssignmentSolver.solve(.maximumWeight, left: n, right: n, edges: edges)
        let direct = try AssignmentSolver.solve(.maximumWeightDirect, left: n, right: n, edges: edges)
        #expect(fast.total == best.maxWeight, "seed \(seed)")
        #expect(direct.total == best.maxWeight, "seed \(seed)")
        if let maxPerfect = best.maxPerfect {
            #expect(fast.total == maxPerfect && fast.edges.count == n, "seed \(seed)")
        }
    }

    /// Every matching by recursion over left vertices: best weight, and the cheapest and
    /// dearest perfect matchings (nil when there is none).
    static func exhaustive(left: Int, right: Int, edges: [(left: Int, right: Int, cost: Int)]) -> (maxWeight: Int, minPerfect: Int?, maxPerfect: Int?) {
        var maxWeight = 0
        var minPerfect: Int?, maxPerfect: Int?
        var used = [Bool](repeating: false, count: right)
        func go(_ i: Int, _ total: Int, _ matched: Int) {
            if i == left {
                maxWeight = max(maxWeight, total)
                if left == right && matched == left {
                    minPerfect = min(minPerfect ?? total, total)
                    maxPerfect = max(maxPerfect ?? total, total)
                }
                return
            }
            go(i + 1, total, matched)  // i stays free
            for e in edges where e.left == i && !used[e.right] {
                used[e.right] = true
                go(i + 1, total + e.cost, matched + 1)
                used[e.right] = false
            }
        }
        go(0, 0, 0)
        return (maxWeight, minPerfect, maxPerfect)
    }
}
