/// Lifted cover inequalities for the capacity rows of a model: cutting planes a backend adds
/// during branch-and-bound to tighten the relaxation of binary knapsack rows.
///
/// A row qualifies when, read from its coefficients, it is a binary knapsack
/// `Σ a_j·x_j ≤ b` (all x binary, every a_j a positive integer, b a positive integer), or a
/// knapsack switched by a binary `y`: `Σ a_j·x_j − b·y ≤ 0` (y = 0 forces every x to 0, y = 1
/// leaves capacity b) — the load row of a generalised assignment agent or of a cadre with
/// workloads. For a cover C (a set with Σ_C a_j > b) the inequality `Σ_C x_j ≤ (|C| − 1)`
/// holds for every point of the knapsack; sequential lifting (Balas; Padberg) then gives each
/// other variable the largest coefficient α_j that keeps it valid, and for a switched row the
/// right-hand side is multiplied by y, which is valid because y = 0 forces x = 0.
///
/// Separation, for a relaxation point (x*, y*): the cover minimising Σ_C (y* − x*_j) is found
/// exactly by dynamic programming over the capacity, made minimal, lifted in the order of
/// decreasing x*, and returned when the lifted inequality cuts x* off. Everything is integer
/// arithmetic except the violation test.
public struct KnapsackCoverSeparator: Sendable {
    /// One qualifying row: its items, weights, capacity and switch.
    struct Knapsack: Sendable {
        let items: [Int]
        let weights: [Int]
        let capacity: Int
        /// The binary variable the capacity is multiplied by, or −1.
        let switchVariable: Int
    }

    /// A cut `Σ terms ≤ upper`.
    public struct Cut: Sendable, Equatable {
        /// The terms, each variable once.
        public var terms: [Term]
        /// The right-hand side.
        public var upper: Double
    }

    let knapsacks: [Knapsack]

    /// The largest capacity the separator works with (its tables grow with it).
    static let maximumCapacity = 100_000

    /// The separator for `model`'s qualifying rows, or `nil` if none qualifies.
    public init?(_ model: Model) {
        func isBinary(_ j: Int) -> Bool {
            let v = model.variables[j]
            return v.kind == .integer && v.lower == 0 && v.upper == 1
        }
        var found: [Knapsack] = []
        for row in model.constraints {
            guard let upper = row.upper, row.lower == nil, row.terms.count >= 2,
                  upper.rounded() == upper, abs(upper) <= Double(Self.maximumCapacity) else { continue }
            var items: [Int] = [], weights: [Int] = [], switchVariable = -1, switchWeight = 0, fits = true
            for term in row.terms {
                let j = term.variable.index, a = term.coefficient
                guard isBinary(j), a.rounded() == a, abs(a) <= Double(Self.maximumCapacity) else { fits = false; break }
                if a > 0 { items.append(j); weights.append(Int(a)) }
                else if a < 0 && switchVariable < 0 { switchVariable = j; switchWeight = Int(-a) }
                else { fits = false; break }
            }
            guard fits, items.count >= 2 else { continue }
            let capacity: Int
            if switchVariable >= 0 {
                guard upper == 0 else { continue }
                capacity = switchWeight
            } else {
                capacity = Int(upper)
            }
            // A cover needs more weight than the capacity; otherwise the row cannot bind.
            guard capacity > 0, weights.reduce(0, +) > capacity else { continue }
            found.append(Knapsack(items: items, weights: weights, capacity: capacity, switchVariable: switchVariable))
        }
        guard !found.isEmpty else { return nil }
        knapsacks = found
    }

    /// The number of rows the separator works on.
    public var rowCount: Int { knapsacks.count }

    /// Lifted cover inequalities violated by `point` (one value per model variable), at most
    /// one per row, at most `limit` in all, most violated first.
    public func separate(_ point: [Double], limit: Int = 100) -> [Cut] {
        var cuts: [(violation: Double, cut: Cut)] = []
        for knapsack in knapsacks {
            if let found = separate(knapsack, point) { cuts.append(found) }
        }
        cuts.sort { $0.violation > $1.violation }
        return cuts.prefix(limit).map(\.cut)
    }

    /// The most violated lifted cover of one knapsack, if any.
    private func separate(_ k: Knapsack, _ point: [Double]) -> (violation: Double, cut: Cut)? {
        let y = k.switchVariable >= 0 ? point[k.switchVariable] : 1
        guard y > 1e-6 else { return nil }
        // Candidates: items the relaxation uses (an unused item costs y, which no violated cover affords).
        let candidates = k.items.indices.filter { point[k.items[$0]] > 1e-9 }
        guard let cover = cheapestCover(k, candidates, point, y) else { return nil }
        let beta = cover.count - 1
        guard beta >= 1 else { return nil }
        var coefficient = [Int](repeating: 0, count: k.items.count)
        for i in cover { coefficient[i] = 1 }
        lift(k, cover: cover, beta: beta, point: point, into: &coefficient)
        var lhs = 0.0
        var terms: [Term] = []
        for (i, j) in k.items.enumerated() where coefficient[i] != 0 {
            terms.append(Term(Variable(index: j), Double(coefficient[i])))
            lhs += Double(coefficient[i]) * point[j]
        }
        let violation = lhs - Double(beta) * y
        guard violation > 1e-4 * max(1, Double(beta)) else { return nil }
        if k.switchVariable >= 0 {
            terms.append(Term(Variable(index: k.switchVariable), -Double(beta)))
            return (violation, Cut(terms: terms, upper: 0))
        }
        return (violation, Cut(terms: terms, upper: Double(beta)))
    }

    /// The cover C (positions in the knapsack) minimising Σ_C (y − x_j), made minimal; `nil` if
    /// the cheapest cover costs y or more (then no cover inequality is violated).
    private func cheapestCover(_ k: Knapsack, _ candidates: [Int], _ point: [Double], _ y: Double) -> [Int]? {
        let need = k.capacity + 1
        guard candidates.reduce(0, { $0 + k.weights[$1] }) >= need,
              let heaviest = candidates.map({ k.weights[$0] }).max() else { return nil }
        // A 0-1 knapsack over exact weights up to need − 1 + the heaviest item (no cover needs
        // more): cost[t] is the cheapest set of weight exactly t; take[c][t] records whether
        // candidate c is in it after candidates 0...c were considered.
        let top = need - 1 + heaviest
        var cost = [Double](repeating: .infinity, count: top + 1)
        cost[0] = 0
        var take = [[Bool]]()
        take.reserveCapacity(candidates.count)
        for i in candidates {
            let w = k.weights[i], price = max(0, y - point[k.items[i]])
            var taken = [Bool](repeating: false, count: top + 1)
            if w <= top {
                for t in stride(from: top, through: w, by: -1) where cost[t - w] < .infinity {
                    // A set that already reaches `need` gains nothing from more items.
                    guard t - w < need else { continue }
                    if cost[t - w] + price < cost[t] - 1e-12 { cost[t] = cost[t - w] + price; taken[t] = true }
                }
            }
            take.append(taken)
        }
        var bestWeight = -1
        for t in need...top where cost[t] < .infinity && (bestWeight < 0 || cost[t] < cost[bestWeight] - 1e-12) { bestWeight = t }
        guard bestWeight >= 0, cost[bestWeight] < y - 1e-6 else { return nil }
        var cover: [Int] = []
        var t = bestWeight
        for c in stride(from: candidates.count - 1, through: 0, by: -1) where t > 0 && take[c][t] {
            cover.append(candidates[c])
            t -= k.weights[candidates[c]]
        }
        guard t == 0, cover.reduce(0, { $0 + k.weights[$1] }) >= need else { return greedyCover(k, candidates, point, y) }
        return minimal(cover, k, point, y)
    }

    /// A cover by the ratio (y − x_j) / a_j, smallest first (the fallback when the table walk fails).
    private func greedyCover(_ k: Knapsack, _ candidates: [Int], _ point: [Double], _ y: Double) -> [Int]? {
        let order = candidates.sorted {
            let a = max(0, y - point[k.items[$0]]) / Double(k.weights[$0]), b = max(0, y - point[k.items[$1]]) / Double(k.weights[$1])
            return (a, $0) < (b, $1)
        }
        var cover: [Int] = [], weight = 0
        for i in order where weight <= k.capacity { cover.append(i); weight += k.weights[i] }
        guard weight > k.capacity else { return nil }
        return minimal(cover, k, point, y)
    }

    /// Drops items (most expensive first) while the rest is still a cover.
    private func minimal(_ cover: [Int], _ k: Knapsack, _ point: [Double], _ y: Double) -> [Int] {
        var result = cover.sorted {
            let a = max(0, y - point[k.items[$0]]), b = max(0, y - point[k.items[$1]])
            return (a, k.weights[$0], $0) > (b, k.weights[$1], $1)
        }
        var weight = result.reduce(0) { $0 + k.weights[$1] }
        var index = 0
        while index < result.count {
            let w = k.weights[result[index]]
            if weight - w > k.capacity { weight -= w; result.remove(at: index) } else { index += 1 }
        }
        return result.sorted()
    }

    /// Sequential up-lifting of every item outside the cover, in order of decreasing x*.
    ///
    /// `least[v]` is the least weight that reaches left-hand side v with the items lifted so far;
    /// item j then gets α_j = β − max{v : least[v] ≤ b − a_j}.
    private func lift(_ k: Knapsack, cover: [Int], beta: Int, point: [Double], into coefficient: inout [Int]) {
        var least = [Int](repeating: Int.max, count: beta + 1)
        least[0] = 0
        for i in cover { add(k.weights[i], value: 1, to: &least) }
        let inCover = Set(cover)
        let order = k.items.indices.filter { !inCover.contains($0) }.sorted {
            (point[k.items[$0]], -$0) > (point[k.items[$1]], -$1)
        }
        for i in order {
            let room = k.capacity - k.weights[i]
            var reachable = 0
            if room >= 0 {
                for v in stride(from: beta, through: 0, by: -1) where least[v] <= room { reachable = v; break }
            }
            let alpha = room < 0 ? beta : beta - reachable
            guard alpha > 0 else { continue }
            coefficient[i] = alpha
            add(k.weights[i], value: alpha, to: &least)
        }
    }

    /// Adds an item of weight w and left-hand-side value `value` to the least-weight table.
    private func add(_ w: Int, value: Int, to least: inout [Int]) {
        guard value <= least.count - 1 else { return }
        for v in stride(from: least.count - 1, through: value, by: -1) where least[v - value] != Int.max {
            least[v] = min(least[v], least[v - value] + w)
        }
    }
}
