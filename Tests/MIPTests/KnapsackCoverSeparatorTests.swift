import MIP
import Testing

/// Lifted cover inequalities: valid for every integer point of the knapsack, violated by the
/// point they were separated from.
@Suite("Knapsack cover separator")
struct KnapsackCoverSeparatorTests {
    /// Σ a·x ≤ b with x binary (and, when `switched`, Σ a·x − b·y ≤ 0 with y binary).
    static func knapsack(_ weights: [Int], capacity: Int, switched: Bool) -> Model {
        var m = Model(name: "knapsack")
        let x = weights.indices.map { m.addVariable("x\($0)", lower: 0, upper: 1, kind: .integer) }
        var terms = zip(x, weights).map { Term($0, Double($1)) }
        if switched {
            let y = m.addVariable("y", lower: 0, upper: 1, kind: .integer)
            terms.append(Term(y, -Double(capacity)))
            m.addConstraint("load", terms, upper: 0)
        } else {
            m.addConstraint("load", terms, upper: Double(capacity))
        }
        return m
    }

    /// Three items of weight 3 and capacity 5: no two fit, so x0 + x1 + x2 ≤ 1 (derived by hand:
    /// the cover {0, 1} gives x0 + x1 ≤ 1, and lifting x2 finds no room for any other item, α = 1).
    @Test("weights 3, 3, 3 and capacity 5: x0 + x1 + x2 ≤ 1")
    func threeItems() throws {
        let model = Self.knapsack([3, 3, 3], capacity: 5, switched: false)
        let separator = try #require(KnapsackCoverSeparator(model))
        let cuts = separator.separate([0.9, 0.9, 0])
        let cut = try #require(cuts.first)
        #expect(cut.upper == 1)
        #expect(Set(cut.terms.map(\.variable.index)) == [0, 1, 2])
        #expect(cut.terms.allSatisfy { $0.coefficient == 1 })
    }

    /// The switched form: x0 + x1 + x2 − y ≤ 0 at (0.9, 0.9, 0, 1).
    @Test("a switched knapsack multiplies the right-hand side by its switch")
    func switched() throws {
        let model = Self.knapsack([3, 3, 3], capacity: 5, switched: true)
        let cut = try #require(KnapsackCoverSeparator(model)?.separate([0.9, 0.9, 0, 1]).first)
        #expect(cut.upper == 0)
        #expect(cut.terms.contains { $0.variable.index == 3 && $0.coefficient == -1 })
    }

    @Test("no cut at an integer point, nor for a row that cannot bind")
    func nothingToCut() throws {
        let model = Self.knapsack([3, 3, 3], capacity: 5, switched: false)
        #expect(KnapsackCoverSeparator(model)?.separate([1, 0, 0]).isEmpty == true)
        #expect(KnapsackCoverSeparator(Self.knapsack([1, 1, 1], capacity: 5, switched: false)) == nil)
    }

    /// Random knapsacks of up to 10 items: every cut holds at every one of the 2ⁿ (or 2ⁿ⁺¹)
    /// integer points of the row, and cuts the separated point off.
    @Test("random knapsacks: cuts are valid and violated", arguments: 1...60)
    func randomCutsAreValid(seed: Int) throws {
        var r = Random(seed: UInt64(seed))
        let n = r.int(3...10)
        let weights = (0..<n).map { _ in r.int(1...20) }
        let capacity = r.int(max(1, weights.max()! - 3)...max(2, weights.reduce(0, +) - 1))
        let switched = seed % 2 == 0
        let model = Self.knapsack(weights, capacity: capacity, switched: switched)
        guard let separator = KnapsackCoverSeparator(model) else { return }
        for _ in 0..<20 {
            // A point of the relaxation: fractional values that respect the row.
            let y = switched ? Double(r.int(1...10)) / 10 : 1
            var x = (0..<n).map { _ in Double(r.int(0...10)) / 10 * y }
            let load = zip(x, weights).reduce(0) { $0 + $1.0 * Double($1.1) }
            if load > Double(capacity) * y { x = x.map { $0 * Double(capacity) * y / load } }
            let point = switched ? x + [y] : x
            for cut in separator.separate(point) {
                let at = Model.evaluate(cut.terms, at: point)
                #expect(at > cut.upper + 1e-6, "cut not violated at its point")
                for mask in 0..<(1 << n) {
                    let bits = (0..<n).map { Double((mask >> $0) & 1) }
                    let used = zip(bits, weights).reduce(0) { $0 + $1.0 * Double($1.1) }
                    for on in switched ? [0.0, 1.0] : [1.0] {
                        guard used <= Double(capacity) * on else { continue }
                        let integer = switched ? bits + [on] : bits
                        #expect(Model.evaluate(cut.terms, at: integer) <= cut.upper + 1e-9,
                                "seed \(seed): cut \(cut) cuts off feasible \(integer)")
                    }
                }
            }
        }
    }
}

/// SplitMix64, so every run tests the same instances.
struct Random {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}
