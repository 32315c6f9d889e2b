@testable import MIP
import Testing

/// The integer form the heuristics and bounds read: what it accepts, and that data at the
/// validator's limits give no integer form rather than an overflow trap.
@Suite("Integer program")
struct IntegerProgramTests {
    /// A coefficient of 1e15 times a bound of 1e15 (each at the validator's limit) is 1e30,
    /// past Int's range: the product used to be computed unchecked, which traps in Swift.
    @Test("products past Int's range give no integer form, in a row and in the objective")
    func overflowingProducts() {
        for inObjective in [false, true] {
            var m = Model(name: "large")
            let x = m.addVariable("x", lower: 0, upper: 1e15, kind: .integer)
            let y = m.addVariable("y", lower: 0, upper: 1, kind: .integer)
            m.addConstraint("row", [Term(x, inObjective ? 1 : 1e15), Term(y, 1)], upper: 1e15)
            m.objective = Objective(sense: .minimize, terms: [Term(x, inObjective ? 1e15 : 1), Term(y, 1)])
            #expect(IntegerProgram(m) == nil, "in the objective: \(inObjective)")
            #expect(KnapsackLagrangian(m) == nil)
        }
    }

    @Test("ordinary integer data: the rows and costs as given, a maximised objective negated")
    func ordinary() throws {
        var m = Model(name: "small")
        let x = m.addVariable("x", lower: 0, upper: 3, kind: .integer)
        let y = m.addVariable("y", lower: 0, upper: 1, kind: .integer)
        m.addConstraint("row", [Term(x, 2), Term(y, -1)], lower: -1, upper: 4)
        m.objective = Objective(sense: .maximize, terms: [Term(x, 5), Term(y, -2)], constant: 7)
        let p = try #require(IntegerProgram(m))
        #expect(p.cost == [-5, 2] && p.constant == 7 && p.maximise)
        #expect(p.rowLower == [-1] && p.rowUpper == [4] && p.rowValue == [2, -1])
        #expect(p.isFeasible([2, 1]) && !p.isFeasible([3, 1]))
        #expect(p.objectiveValue(cost: p.cost(of: [2, 1])) == 7 + 10 - 2)
    }
}
