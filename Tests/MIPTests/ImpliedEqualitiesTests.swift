@testable import MIP
import Testing

/// Choice rows read as equalities when another row demands their sum, and only then.
@Suite("Implied equalities")
struct ImpliedEqualitiesTests {
    /// Two jobs `x0 + x1 ≤ 1`, `x2 + x3 ≤ 1`, and `demand` over `over` with coefficient −3 and
    /// upper side −3·`count` (cadreplan's coverage keep row: at least `count` of them at 1).
    static func program(demandOver over: [Int], count: Int) throws -> IntegerProgram {
        var m = Model(name: "jobs")
        let x = (0..<4).map { m.addVariable("x\($0)", lower: 0, upper: 1, kind: .integer) }
        m.addConstraint("job0", [Term(x[0], 1), Term(x[1], 1)], upper: 1)
        m.addConstraint("job1", [Term(x[2], 1), Term(x[3], 1)], upper: 1)
        m.addConstraint("demand", over.map { Term(x[$0], -3) }, upper: Double(-3 * count))
        return try #require(IntegerProgram(m))
    }

    @Test("a row demanding both jobs makes each job's row an equality and is left out")
    func both() throws {
        let found = ImpliedEqualities(try Self.program(demandOver: [0, 1, 2, 3], count: 2))
        #expect(found.rowLower[0] == 1 && found.rowLower[1] == 1)
        #expect(found.aggregates.map(\.row) == [2])
        #expect(found.aggregates.first?.members == [0, 1] && found.aggregates.first?.coefficient == -3)
    }

    @Test("demanding one of two jobs, or covering a job only in part, implies nothing")
    func nothing() throws {
        for (over, count) in [([0, 1, 2, 3], 1), ([0, 1, 2], 2)] {
            let found = ImpliedEqualities(try Self.program(demandOver: over, count: count))
            #expect(found.aggregates.isEmpty, "\(over), \(count)")
            #expect(found.rowLower[0] == Int.min && found.rowLower[1] == Int.min)
        }
    }
}
