import MIP

/// A caller's initial solution, checked and prepared for `glp_ios_heur_sol`.
///
/// `glp_ios_heur_sol` checks only that integer columns hold exact integers; it does
/// not check bounds or rows, and accepts any point with a better objective as the
/// incumbent. An infeasible point would therefore be reported as "optimal". So the
/// point is verified here against every bound and row first, and rejected (ignored
/// with a log note) unless it is feasible within a small tolerance.
struct InitialPoint {
    /// The values in model order, integer variables rounded to exact integers.
    let values: [Double]
    /// The same values 1-based (slot 0 unused), as GLPK's C API expects.
    let oneBased: [Double]
    /// The objective value at the point, including the objective constant.
    let objective: Double

    /// Absolute tolerance for integrality, scaled by magnitude for bounds and rows.
    static let tolerance = 1e-6

    /// Prepares `candidate` for `model`, or explains why it cannot be used.
    static func prepare(_ candidate: [Double], for model: Model) -> Result<InitialPoint, SolverError> {
        guard candidate.count == model.variables.count else {
            return .failure(SolverError("has \(candidate.count) values for \(model.variables.count) variables"))
        }
        var values = candidate
        for (index, variable) in model.variables.enumerated() {
            var value = values[index]
            guard value.isFinite else {
                return .failure(SolverError("value of \"\(variable.name)\" is \(value)"))
            }
            if variable.kind == .integer {
                let rounded = value.rounded()
                guard abs(value - rounded) <= tolerance else {
                    return .failure(SolverError("integer variable \"\(variable.name)\" has value \(value)"))
                }
                value = rounded
            }
            if let lower = variable.lower, value < lower {
                guard lower - value <= tolerance * max(1, abs(lower)) else {
                    return .failure(SolverError("\"\(variable.name)\" = \(value) is below its lower bound \(lower)"))
                }
                value = lower
            }
            if let upper = variable.upper, value > upper {
                guard value - upper <= tolerance * max(1, abs(upper)) else {
                    return .failure(SolverError("\"\(variable.name)\" = \(value) is above its upper bound \(upper)"))
                }
                value = upper
            }
            values[index] = value
        }
        for row in model.constraints {
            let activity = Model.evaluate(row.terms, at: values)
            if let lower = row.lower, lower - activity > tolerance * max(1, abs(lower)) {
                return .failure(SolverError("row \"\(row.name)\" = \(activity) is below \(lower)"))
            }
            if let upper = row.upper, activity - upper > tolerance * max(1, abs(upper)) {
                return .failure(SolverError("row \"\(row.name)\" = \(activity) is above \(upper)"))
            }
        }
        let objective = Model.evaluate(model.objective.terms, constant: model.objective.constant, at: values)
        return .success(InitialPoint(values: values, oneBased: [0] + values, objective: objective))
    }
}
