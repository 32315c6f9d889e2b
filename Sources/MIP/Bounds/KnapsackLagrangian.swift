/// Lower bounds from a Lagrangian relaxation that keeps a model's binary knapsack rows and
/// moves every other row into the objective, and the variables those bounds fix.
///
/// In a generalised assignment model (OR-Library GAP, one-to-many planning with workloads) each
/// agent's capacity row `Σ w·x ≤ b` (or `Σ w·x − b·y ≤ 0` with the agent's switch y) touches
/// variables no other capacity row touches. Relaxing the job rows with multipliers λ leaves one
/// 0-1 knapsack per agent, solved exactly by dynamic programming over the capacity; the sum of
/// their optima plus the multipliers' terms is a lower bound for every λ (weak duality), and
/// its best value is the bound of the knapsacks' convex hulls, at least the LP relaxation's and
/// usually well above it: on gapc-6 the LP gives 2376.9, the relaxation here 2390.1 (optimum
/// 2391, docs/PERFORMANCE.md). The multipliers are improved by subgradient steps (Held, Wolfe
/// and Crowder's rule towards the incumbent's value).
///
/// With an incumbent of cost U (costs are integers here), a variable whose forced value lifts
/// the bound above U − 1 can be fixed the other way: no point better than the incumbent has it
/// (Lagrangian reduced-cost fixing). The same holds node by node under a node's bounds.
///
/// Works on the model's internal form (``IntegerProgram``: costs minimised, integers only). It
/// shares no state with a search; a backend calls it with the bounds of the node at hand.
public final class KnapsackLagrangian {
    /// One kept knapsack row: its items (binary), their weights, its capacity and its switch.
    struct Block {
        let items: [Int]
        let weights: [Int]
        let capacity: Int
        /// The binary variable the capacity is multiplied by, or −1.
        let switchVariable: Int
    }

    let program: IntegerProgram
    let blocks: [Block]
    /// The rows moved into the objective: every row that is not a kept knapsack.
    let relaxed: [Int]
    /// Variables in no kept knapsack (each minimised on its own over its bounds).
    let loose: [Int]
    /// Row sides as the relaxation reads them: the model's, except where ``ImpliedEqualities``
    /// found a choice row that every feasible point holds at its upper side.
    let rowLower: [Int], rowUpper: [Int]
    /// Rows implied by others and left out, with the rows that imply them and their coefficient.
    let implied: [ImpliedEqualities.Aggregate]

    /// Multipliers of the relaxed rows, in the order of ``relaxed``: `upper[k] ≥ 0` prices the
    /// row's upper side, `lower[k] ≥ 0` its lower side (0 where the row has no such side).
    public struct Multipliers: Sendable, Equatable {
        var upper: [Double]
        var lower: [Double]
    }

    /// The largest capacity of a kept knapsack, and the largest items × capacity table.
    static let maximumCapacity = 100_000, maximumTable = 1_000_000

    /// The relaxation of `model`, or `nil` when the model is not pure integer with integer data
    /// or has no binary knapsack row small enough to solve by dynamic programming.
    public init?(_ model: Model) {
        guard let program = IntegerProgram(model) else { return nil }
        self.program = program
        let equalities = ImpliedEqualities(program)
        var owner = [Bool](repeating: false, count: program.variableCount)
        var blocks = [Block](), kept = Set<Int>()
        // Capacity rows (some weight above 1) first, then set-packing rows (all weights 1): a job's
        // row `Σ x ≤ 1` is a knapsack too, and kept first it would take the agents' variables.
        // Rows the implied equalities turned into `= 1` have a lower side now and are relaxed.
        for weighted in [true, false] {
            for i in 0..<program.rowCount where equalities.rowLower[i] == Int.min {
                guard let block = Self.knapsack(program, row: i), block.weights.contains(where: { $0 > 1 }) == weighted,
                      !block.items.contains(where: { owner[$0] }), block.switchVariable < 0 || !owner[block.switchVariable]
                else { continue }
                for j in block.items { owner[j] = true }
                if block.switchVariable >= 0 { owner[block.switchVariable] = true }
                blocks.append(block)
                kept.insert(i)
            }
        }
        guard !blocks.isEmpty else { return nil }
        self.blocks = blocks
        rowLower = equalities.rowLower
        rowUpper = program.rowUpper
        implied = equalities.aggregates
        let dropped = Set(implied.map(\.row))
        relaxed = (0..<program.rowCount).filter { !kept.contains($0) && !dropped.contains($0) }
        loose = (0..<program.variableCount).filter { !owner[$0] }
    }

    /// Row `i` as a knapsack of binary items, if it is one that can bind: positive integer
    /// weights summing to more than the capacity, an upper side and no lower side, and at most one
    /// negative term (the switch, whose row then has upper side 0 and whose coefficient is the capacity).
    private static func knapsack(_ p: IntegerProgram, row i: Int) -> Block? {
        guard p.rowLower[i] == Int.min, p.rowUpper[i] != Int.max else { return nil }
        var items = [Int](), weights = [Int](), switchVariable = -1, switchWeight = 0
        for k in p.rowStart[i]..<p.rowStart[i + 1] {
            let j = p.rowColumn[k], a = p.rowValue[k]
            guard p.lower[j] == 0, p.upper[j] == 1 else { return nil }
            if a > 0 {
                items.append(j); weights.append(a)
            } else if switchVariable < 0 {
                switchVariable = j; switchWeight = -a
            } else {
                return nil
            }
        }
        let capacity = switchVariable >= 0 ? switchWeight : p.rowUpper[i]
        // A row whose items all fit binds nothing but its switch (cadreplan's `Σ x ≤ n·y` count
        // rows): relaxing it loses little, keeping it would crowd out the agent's capacity row.
        guard !items.isEmpty, capacity >= 0, capacity <= maximumCapacity, weights.reduce(0, +) > capacity,
              switchVariable < 0 || p.rowUpper[i] == 0,
              items.count * (capacity + 1) <= maximumTable else { return nil }
        return Block(items: items, weights: weights, capacity: capacity, switchVariable: switchVariable)
    }

    /// Knapsack rows kept (for the log).
    public var keptRows: Int { blocks.count }

    /// The variables of the model.
    public var variableCount: Int { program.variableCount }

    /// The model's bounds of every variable (the root node's).
    public var modelBounds: (lower: [Int], upper: [Int]) { (program.lower, program.upper) }

    /// Multipliers all zero: the relaxation is then the kept knapsacks with the model's costs.
    public var zeroMultipliers: Multipliers {
        Multipliers(upper: [Double](repeating: 0, count: relaxed.count), lower: [Double](repeating: 0, count: relaxed.count))
    }

    /// Multipliers from an LP relaxation's row duals (one per model row, in the solver's sign:
    /// the derivative of the model's objective in the row's side), a strong start: the bound at
    /// the LP's duals is at least the LP's value.
    public func multipliers(fromDuals given: [Double]) -> Multipliers {
        var duals = given
        duals.append(contentsOf: repeatElement(0, count: max(0, program.rowCount - given.count)))
        // A row left out prices each of its variables through the choice row that holds it.
        for aggregate in implied {
            for i in aggregate.members { duals[i] += duals[aggregate.row] * Double(aggregate.coefficient) }
        }
        var m = zeroMultipliers
        for (k, i) in relaxed.enumerated() {
            // Internal costs are minimised; a maximised objective's duals change sign with it.
            let price = program.maximise ? duals[i] : -duals[i]
            if price > 0, rowUpper[i] != Int.max { m.upper[k] = price }
            if price < 0, rowLower[i] != Int.min { m.lower[k] = -price }
        }
        return m
    }

    /// The internal cost (minimised, without the constant) of a model objective value.
    public func internalCost(ofObjective value: Double) -> Double {
        let v = value - Double(program.constant)
        return program.maximise ? -v : v
    }

    /// The model objective value of an internal cost (the constant and sense put back).
    public func objective(ofInternalCost cost: Double) -> Double {
        Double(program.constant) + (program.maximise ? -cost : cost)
    }

    /// The internal cost as a row: `Σ cost_j x_j` (for a row that prunes a node whose bound
    /// passed the incumbent: every point of such a node costs at least the incumbent).
    public var costTerms: [(variable: Int, coefficient: Double)] {
        (0..<program.variableCount).compactMap { program.cost[$0] == 0 ? nil : ($0, Double(program.cost[$0])) }
    }

    /// The greatest common divisor of the internal costs (1 without any): every point's cost is a
    /// multiple of it, so a bound may be rounded up to the next multiple.
    public var costStep: Int {
        max(1, program.cost.reduce(0) { gcd($0, abs($1)) })
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// Whether the bound `bound` shows that no point costs less than `cutoff` (costs are integers).
    public static func excludes(_ bound: Double, cutoff: Int) -> Bool {
        bound > Double(cutoff) - 1 + 1e-6 * (1 + abs(Double(cutoff)))
    }
}
