/// An exact feasibility check for points of a pure integer model with integer data.
///
/// Solvers such as GLPK accept a heuristic's point without checking it, so every point a
/// heuristic offers passes this first: integer variables are rounded, and every bound and row
/// is checked in integer arithmetic, with no tolerance.
public struct IntegerCheck: Sendable {
    private let program: IntegerProgram

    /// The check for `model`, or `nil` when the model is not pure integer with integer data,
    /// finite bounds and magnitudes that integer arithmetic holds exactly.
    public init?(_ model: Model) {
        guard let program = IntegerProgram(model) else { return nil }
        self.program = program
    }

    /// `values` rounded to integers, if each was within 10⁻⁶ of an integer and the rounded
    /// point satisfies every bound and row exactly; `nil` otherwise.
    public func feasiblePoint(_ values: [Double]) -> [Double]? {
        let close = values.map { abs($0 - $0.rounded()) <= 1e-6 ? $0.rounded() : $0 }
        guard let point = program.integerPoint(close), program.isFeasible(point) else { return nil }
        return point.map(Double.init)
    }

    /// The model's objective at a point this check accepted (constant included).
    public func objective(_ point: [Double]) -> Double {
        guard let integers = program.integerPoint(point) else { return .nan }
        return Double(program.objectiveValue(cost: program.cost(of: integers)))
    }
}
