/// What a model looks like to a strategy choice: counts of its kinds of variables and rows.
///
/// Backends choose cutting planes, heuristics and search rules from these figures, so the
/// choice depends on the model's structure (rows, bounds, coefficients) and never on what a
/// domain calls its rows or objectives.
public struct ModelShape: Sendable, Equatable {
    /// Variables in all.
    public var variables = 0
    /// Integer variables.
    public var integers = 0
    /// Integer variables with bounds 0 and 1.
    public var binaries = 0
    /// Rows in all.
    public var rows = 0
    /// Rows with at least two integer terms and a coefficient other than ±1 on one of them:
    /// capacity (knapsack) rows, where cover and rounding cuts can tighten the relaxation.
    public var knapsackRows = 0
    /// Whether every variable is integer.
    public var pureInteger = true
    /// Whether every coefficient, bound, row side and the objective are integers, so that
    /// a point with integer values can be checked exactly in integer arithmetic.
    public var integralData = true
    /// Terms of the objective.
    public var objectiveTerms = 0

    /// Measures `model`.
    public init(_ model: Model) {
        variables = model.variables.count
        for v in model.variables {
            if !(Self.isInteger(v.lower) && Self.isInteger(v.upper)) { integralData = false }
            guard v.kind == .integer else { pureInteger = false; continue }
            integers += 1
            if v.lower == 0 && v.upper == 1 { binaries += 1 }
        }
        rows = model.constraints.count
        for row in model.constraints {
            if !(Self.isInteger(row.lower) && Self.isInteger(row.upper)) { integralData = false }
            var integerTerms = 0, unitOnly = true
            for term in row.terms {
                if !Self.isInteger(term.coefficient) { integralData = false }
                guard model.variables[term.variable.index].kind == .integer else { continue }
                integerTerms += 1
                if abs(term.coefficient) != 1 { unitOnly = false }
            }
            if integerTerms >= 2 && !unitOnly { knapsackRows += 1 }
        }
        objectiveTerms = model.objective.terms.count
        if !Self.isInteger(model.objective.constant)
            || model.objective.terms.contains(where: { !Self.isInteger($0.coefficient) }) {
            integralData = false
        }
    }

    /// Integer variables that are not binary.
    public var generalIntegers: Int { integers - binaries }

    /// Whether an optional bound or a coefficient is an integer (an absent bound counts as one).
    private static func isInteger(_ value: Double?) -> Bool {
        guard let value else { return true }
        return value.rounded() == value && abs(value) < 9e15
    }
}
