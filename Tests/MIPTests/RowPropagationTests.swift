@testable import MIP
import Testing

/// Bound propagation over rows, on rows small enough to propagate by hand.
@Suite("Row propagation")
struct RowPropagationTests {
    /// `program` with every row propagated at the program's own sides.
    static func propagation(_ program: IntegerProgram) -> RowPropagation {
        RowPropagation(program: program, rows: Array(0..<program.rowCount), rowLower: program.rowLower, rowUpper: program.rowUpper)
    }

    /// One job `x0 + x1 + x2 = 1`: a member at 1 sends the others to 0; the others at 0 send the
    /// last one to 1; two members at 1 cannot be.
    @Test("a choice row: one member at 1 takes the others to 0, the last free one to 1")
    func choiceRow() throws {
        var m = Model(name: "job")
        let x = (0..<3).map { m.addVariable("x\($0)", lower: 0, upper: 1, kind: .integer) }
        m.addConstraint("job", x.map { Term($0, 1) }, lower: 1, upper: 1)
        let p = Self.propagation(try #require(IntegerProgram(m)))

        var lower = [0, 1, 0], upper = [1, 1, 1]
        #expect(p.propagate(lower: &lower, upper: &upper))
        #expect(lower == [0, 1, 0] && upper == [0, 1, 0])

        lower = [0, 0, 0]; upper = [0, 1, 0]
        #expect(p.propagate(lower: &lower, upper: &upper))
        #expect(lower == [0, 1, 0])

        lower = [1, 1, 0]; upper = [1, 1, 1]
        #expect(!p.propagate(lower: &lower, upper: &upper))
        lower = [0, 0, 0]; upper = [0, 0, 0]
        #expect(!p.propagate(lower: &lower, upper: &upper))
    }

    /// `3x + 2y − 4z ≤ 1` with x forced in: 3 − 4z ≤ 1 needs z = 1, and then 3 + 2y − 4 ≤ 1
    /// still lets y be 1 (3 + 2 − 4 = 1). With an integer w ∈ [0, 5] in `2w − x ≥ 3`: w ≥ 2.
    @Test("weights and a negative coefficient; a general integer's bound")
    func weightedRows() throws {
        var m = Model(name: "rows")
        let x = m.addVariable("x", lower: 0, upper: 1, kind: .integer)
        let y = m.addVariable("y", lower: 0, upper: 1, kind: .integer)
        let z = m.addVariable("z", lower: 0, upper: 1, kind: .integer)
        let w = m.addVariable("w", lower: 0, upper: 5, kind: .integer)
        m.addConstraint("load", [Term(x, 3), Term(y, 2), Term(z, -4)], upper: 1)
        m.addConstraint("demand", [Term(w, 2), Term(x, -1)], lower: 3)
        let p = Self.propagation(try #require(IntegerProgram(m)))
        var lower = [1, 0, 0, 0], upper = [1, 1, 1, 5]
        #expect(p.propagate(lower: &lower, upper: &upper))
        #expect(lower == [1, 0, 1, 2] && upper == [1, 1, 1, 5])
        // Without z the load cannot be met.
        lower = [1, 0, 0, 0]; upper = [1, 1, 0, 5]
        #expect(!p.propagate(lower: &lower, upper: &upper))
    }
}
