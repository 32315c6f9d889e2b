/// A pure integer model with integer data, in integer arithmetic: what
/// ``AssignmentHeuristic`` searches, and what it checks its points against, exactly.
///
/// Built only when every variable is integer with two finite bounds, every coefficient,
/// bound, row side and objective coefficient is an integer, and no row activity or
/// objective value can leave ±2⁶⁰ within the bounds, so every sum below is exact.
final class IntegerProgram: Sendable {
    /// Bounds of each variable.
    let lower: [Int], upper: [Int]
    /// Objective coefficients, negated for maximisation so that smaller is always better.
    let cost: [Int]
    /// Whether the model maximises (``cost`` is then the negated objective).
    let maximise: Bool
    /// The objective constant, as given.
    let constant: Int
    /// Row sides; ``Int/min`` and ``Int/max`` stand for "none".
    let rowLower: [Int], rowUpper: [Int]
    /// Row-wise terms: row i holds positions `rowStart[i]..<rowStart[i+1]` of `rowColumn`, `rowValue`.
    let rowStart: [Int], rowColumn: [Int], rowValue: [Int]
    /// Column-wise terms: column j holds positions `columnStart[j]..<columnStart[j+1]` of `columnRow`, `columnValue`.
    let columnStart: [Int], columnRow: [Int], columnValue: [Int]

    /// The largest magnitude a row activity or the objective may reach within the bounds.
    static let magnitudeLimit = 1 << 60

    var variableCount: Int { lower.count }
    var rowCount: Int { rowLower.count }

    /// The integer form of `model`, or `nil` when the model is not pure integer with integer data.
    init?(_ model: Model) {
        let n = model.variables.count
        var lower = [Int](), upper = [Int](), cost = [Int](repeating: 0, count: n)
        lower.reserveCapacity(n); upper.reserveCapacity(n)
        for v in model.variables {
            guard v.kind == .integer, let l = Self.exact(v.lower), let u = Self.exact(v.upper) else { return nil }
            lower.append(l); upper.append(u)
        }
        maximise = model.objective.sense == .maximize
        guard let constant = Self.exact(model.objective.constant) else { return nil }
        self.constant = constant
        var objectiveMagnitude = abs(constant)
        for term in model.objective.terms {
            guard let c = Self.exact(term.coefficient) else { return nil }
            let j = term.variable.index
            cost[j] = maximise ? -c : c
            guard let product = Self.product(c, lower[j], upper[j]) else { return nil }
            objectiveMagnitude += product
            guard objectiveMagnitude < Self.magnitudeLimit else { return nil }
        }
        var rowLower = [Int](), rowUpper = [Int](), rowStart = [0], rowColumn = [Int](), rowValue = [Int]()
        var columnCount = [Int](repeating: 0, count: n)
        for row in model.constraints {
            guard let l = row.lower.map(Self.exact) ?? Int.min, let u = row.upper.map(Self.exact) ?? Int.max else { return nil }
            var magnitude = 0
            for term in row.terms {
                guard let a = Self.exact(term.coefficient) else { return nil }
                let j = term.variable.index
                guard let product = Self.product(a, lower[j], upper[j]) else { return nil }
                magnitude += product
                guard magnitude < Self.magnitudeLimit else { return nil }
                guard a != 0 else { continue }
                rowColumn.append(j); rowValue.append(a); columnCount[j] += 1
            }
            rowLower.append(l); rowUpper.append(u); rowStart.append(rowColumn.count)
        }
        var columnStart = [0]
        columnStart.reserveCapacity(n + 1)
        for j in 0..<n { columnStart.append(columnStart[j] + columnCount[j]) }
        var fill = Array(columnStart.dropLast())
        var columnRow = [Int](repeating: 0, count: rowColumn.count), columnValue = columnRow
        for i in 0..<rowLower.count {
            for p in rowStart[i]..<rowStart[i + 1] {
                let j = rowColumn[p]
                columnRow[fill[j]] = i; columnValue[fill[j]] = rowValue[p]; fill[j] += 1
            }
        }
        self.lower = lower; self.upper = upper; self.cost = cost
        self.rowLower = rowLower; self.rowUpper = rowUpper
        self.rowStart = rowStart; self.rowColumn = rowColumn; self.rowValue = rowValue
        self.columnStart = columnStart; self.columnRow = columnRow; self.columnValue = columnValue
    }

    /// `value` as an `Int` if it is an integer of safe magnitude; `nil` otherwise (also for no value).
    /// |a| · max(|l|, |u|), or `nil` past the magnitude limit (each factor is below it, their
    /// product may not be: it must not trap).
    private static func product(_ a: Int, _ l: Int, _ u: Int) -> Int? {
        let (value, overflow) = abs(a).multipliedReportingOverflow(by: max(abs(l), abs(u)))
        return overflow || value >= magnitudeLimit ? nil : value
    }

    private static func exact(_ value: Double?) -> Int? {
        guard let value, value.rounded() == value, abs(value) < Double(magnitudeLimit) else { return nil }
        return Int(value)
    }

    /// The point `values` as integers, if every value is an integer within its bounds.
    func integerPoint(_ values: [Double]) -> [Int]? {
        guard values.count == variableCount else { return nil }
        var point = [Int](repeating: 0, count: variableCount)
        for j in 0..<variableCount {
            let v = values[j].rounded()
            guard abs(values[j] - v) <= 1e-9, v >= Double(lower[j]), v <= Double(upper[j]) else { return nil }
            point[j] = Int(v)
        }
        return point
    }

    /// Whether `point` satisfies every bound and row, computed from scratch in integer arithmetic.
    ///
    /// This is the check every point passes before it is offered to a solver: it shares no
    /// state with the search that produced the point.
    func isFeasible(_ point: [Int]) -> Bool {
        guard point.count == variableCount else { return false }
        for j in 0..<variableCount where point[j] < lower[j] || point[j] > upper[j] { return false }
        for i in 0..<rowCount {
            var activity = 0
            for p in rowStart[i]..<rowStart[i + 1] { activity += rowValue[p] * point[rowColumn[p]] }
            if activity < rowLower[i] || activity > rowUpper[i] { return false }
        }
        return true
    }

    /// The internal (minimised) cost of `point`, without the constant.
    func cost(of point: [Int]) -> Int {
        var total = 0
        for j in 0..<variableCount where cost[j] != 0 { total += cost[j] * point[j] }
        return total
    }

    /// The model's objective value (with its sense and constant) for an internal cost.
    func objectiveValue(cost: Int) -> Int { constant + (maximise ? -cost : cost) }
}
