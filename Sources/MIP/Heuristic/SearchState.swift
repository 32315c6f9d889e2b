/// A point of an ``IntegerProgram`` with its row activities, cost and total violation, changed
/// by tentative moves that are either kept or rolled back exactly (integer arithmetic).
struct SearchState {
    let program: IntegerProgram
    /// The point.
    private(set) var x: [Int]
    /// Row activities at `x`.
    private(set) var activity: [Int]
    /// Internal (minimised) cost at `x`.
    private(set) var cost: Int
    /// Σ over rows of how far each activity is outside its sides.
    private(set) var violation: Int
    /// Move evaluations so far (the heuristic's unit of effort).
    private(set) var work = 0

    /// Changes since the last ``commit()``: each variable change, and each row's activity before it.
    private var changes: [(column: Int, delta: Int)] = []
    private var saved: [(row: Int, activity: Int)] = []
    private var stamp: [Int]
    private var currentStamp = 1
    private var costBefore = 0

    /// A checkpoint inside an open transaction.
    struct Mark {
        fileprivate let changes: Int
        /// Touched rows at the checkpoint (rows from this position on were first touched after it).
        let saved: Int
    }

    /// Starts at `point` (which must lie within the bounds), with `work` already done.
    init(_ program: IntegerProgram, point: [Int], work: Int = 0) {
        self.program = program
        self.work = work
        x = point
        activity = [Int](repeating: 0, count: program.rowCount)
        for i in 0..<program.rowCount {
            var total = 0
            for p in program.rowStart[i]..<program.rowStart[i + 1] { total += program.rowValue[p] * point[program.rowColumn[p]] }
            activity[i] = total
        }
        cost = program.cost(of: point)
        violation = 0
        stamp = [Int](repeating: 0, count: program.rowCount)
        for i in 0..<program.rowCount { violation += rowViolation(i, activity[i]) }
        costBefore = cost
    }

    /// How far `value` lies outside row i's sides (0 inside).
    @inline(__always)
    func rowViolation(_ i: Int, _ value: Int) -> Int {
        if value < program.rowLower[i] { return program.rowLower[i] - value }
        if value > program.rowUpper[i] { return value - program.rowUpper[i] }
        return 0
    }

    /// Whether `x[j] + delta` stays within the bounds of j.
    @inline(__always)
    func canChange(_ j: Int, by delta: Int) -> Bool {
        let v = x[j] + delta
        return v >= program.lower[j] && v <= program.upper[j]
    }

    /// Changes x[j] by `delta` inside the open transaction (the caller checked the bounds).
    mutating func change(_ j: Int, by delta: Int) {
        work += 1
        x[j] += delta
        cost += program.cost[j] * delta
        changes.append((j, delta))
        for p in program.columnStart[j]..<program.columnStart[j + 1] {
            let i = program.columnRow[p]
            if stamp[i] != currentStamp {
                stamp[i] = currentStamp
                saved.append((i, activity[i]))
            }
            activity[i] += program.columnValue[p] * delta
        }
    }

    /// The open transaction's change of total violation and of cost.
    var pending: (violation: Int, cost: Int) {
        var delta = 0
        for (i, before) in saved { delta += rowViolation(i, activity[i]) - rowViolation(i, before) }
        return (delta, cost - costBefore)
    }

    /// Rows the open transaction has touched.
    var touchedCount: Int { saved.count }

    /// The row first touched at position `index` of the open transaction.
    func touchedRow(at index: Int) -> Int { saved[index].row }

    /// The first row touched at or after position `start` that is now violated.
    func firstViolatedTouchedRow(from start: Int) -> Int? {
        var index = start
        while index < saved.count {
            let i = saved[index].row
            if rowViolation(i, activity[i]) > 0 { return i }
            index += 1
        }
        return nil
    }

    /// Whether the open transaction touched row i.
    func touched(_ i: Int) -> Bool { stamp[i] == currentStamp }

    /// A checkpoint to roll back to.
    var mark: Mark { Mark(changes: changes.count, saved: saved.count) }

    /// Undoes every change after `mark` (the whole transaction without one).
    mutating func rollBack(to mark: Mark = Mark(changes: 0, saved: 0)) {
        while changes.count > mark.changes {
            let (j, delta) = changes.removeLast()
            x[j] -= delta
            cost -= program.cost[j] * delta
            for p in program.columnStart[j]..<program.columnStart[j + 1] {
                activity[program.columnRow[p]] -= program.columnValue[p] * delta
            }
        }
        while saved.count > mark.saved {
            let (i, before) = saved.removeLast()
            precondition(activity[i] == before, "rollback must restore row activities exactly")
            stamp[i] = 0
        }
    }

    /// Counts `amount` units of work done outside ``change(_:by:)`` (scanning candidates).
    mutating func count(_ amount: Int = 1) { work += amount }

    /// Keeps the open transaction and starts a new one.
    mutating func commit() {
        violation += pending.violation
        changes.removeAll(keepingCapacity: true)
        saved.removeAll(keepingCapacity: true)
        currentStamp += 1
        costBefore = cost
    }
}
