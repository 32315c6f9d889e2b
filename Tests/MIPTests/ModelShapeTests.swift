import MIP
import Testing

@Suite("Model shape")
struct ModelShapeTests {
    @Test("counts binaries, general integers and knapsack rows; tells integral data")
    func counts() {
        let gap = SmallGAP(seed: 1, agents: 2, jobs: 3)
        let shape = ModelShape(gap.model)
        #expect(shape.variables == 8 && shape.integers == 8 && shape.binaries == 8 && shape.generalIntegers == 0)
        // Rows per agent: most (coefficients 1 and −3), least (1 and −1), load (weights): the
        // most and load rows have a coefficient other than ±1; demand and keep rows do not.
        #expect(shape.knapsackRows == 4)
        #expect(shape.pureInteger && shape.integralData)
        var m = gap.model
        m.addVariable("c", lower: 0, upper: 2.5)
        let mixed = ModelShape(m)
        #expect(!mixed.pureInteger && !mixed.integralData)
    }
}
