/// The two kinds of rows ``AssignmentHeuristic``'s moves are built on, read from the coefficients.
///
/// - A *choice row* has only coefficients +1 and an upper side: `Σ x ≤ u` ("a target takes at most
///   u cadres", "a job goes to one agent"). Moving one unit from one of its variables to another
///   leaves it unchanged, so that is the heuristic's basic move (a *shift*). Each variable's choice
///   row is the shortest such row it appears in.
/// - A *linking row* has one term whose sign differs from all others: `Σ a·z − b·y ≤ 0`
///   ("the cadres dispatched carry the pairs", "the load stays within capacity·y"). Its odd one
///   out, y, is the row's *link*: when a move breaks the row, changing y can repair it.
struct RowRoles {
    /// The choice row of each variable, or −1.
    let choiceRow: [Int]
    /// The variables of each choice row, in column order (empty for other rows).
    let choiceMembers: [[Int]]
    /// The rows that are some variable's choice row, in row order.
    let choiceRows: [Int]
    /// The link of each row, or −1.
    let link: [Int]
    /// The link's coefficient in each row (0 without a link).
    let linkCoefficient: [Int]

    init(_ program: IntegerProgram) {
        let m = program.rowCount, n = program.variableCount
        var isChoice = [Bool](repeating: false, count: m)
        var link = [Int](repeating: -1, count: m)
        var linkCoefficient = [Int](repeating: 0, count: m)
        for i in 0..<m {
            let terms = program.rowStart[i]..<program.rowStart[i + 1]
            guard terms.count >= 2 else { continue }
            if program.rowUpper[i] != Int.max, terms.allSatisfy({ program.rowValue[$0] == 1 }) { isChoice[i] = true }
            let negative = terms.filter { program.rowValue[$0] < 0 }
            var odd = -1
            if negative.count == 1 {
                odd = negative[0]
            } else if negative.count == terms.count - 1 {
                odd = terms.first { program.rowValue[$0] > 0 }!
            }
            if odd >= 0 { link[i] = program.rowColumn[odd]; linkCoefficient[i] = program.rowValue[odd] }
        }
        var choiceRow = [Int](repeating: -1, count: n)
        for j in 0..<n {
            var best = -1, bestLength = Int.max
            for p in program.columnStart[j]..<program.columnStart[j + 1] {
                let i = program.columnRow[p]
                let length = program.rowStart[i + 1] - program.rowStart[i]
                if isChoice[i] && length < bestLength { best = i; bestLength = length }
            }
            choiceRow[j] = best
        }
        var members = [[Int]](repeating: [], count: m)
        for j in 0..<n where choiceRow[j] >= 0 { members[choiceRow[j]].append(j) }
        self.choiceRow = choiceRow
        self.choiceMembers = members
        self.choiceRows = (0..<m).filter { !members[$0].isEmpty && members[$0].count >= 2 }
        self.link = link
        self.linkCoefficient = linkCoefficient
    }
}
